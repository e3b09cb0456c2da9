// The signed-in user's session as GET /api/v1/session describes it.

import { api, setCsrfToken, setSignedInMarker, ApiError } from './api.js';

let current = null;

function remember(view) {
  current = view || null;
  setCsrfToken(current ? current.csrfToken : null);
  setSignedInMarker(Boolean(current));
  return current;
}

/** The session view ({username, displayName, roles, passwordChangeRequired, csrfToken}) or null. */
export function currentSession() {
  return current;
}

/** Reads the session from the server; null when nobody is signed in. */
export async function loadSession() {
  try {
    return remember(await api.get('/session'));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      return remember(null);
    }
    throw error;
  }
}

export async function signIn(username, password, code) {
  const json = { username, password };
  // six digits are the authenticator app's code; anything else given is a recovery code
  if (code && /^\d{6}$/.test(code)) {
    json.otp = code;
  } else if (code) {
    json.recoveryCode = code;
  }
  return remember(await api.post('/session', { json }));
}

export async function signOut() {
  try {
    await api.del('/session');
  } finally {
    remember(null);
  }
}

/** Forgets the session locally (after the server said it ended). */
export function forgetSession() {
  remember(null);
}

/** Whether the user holds the role; administrators hold every role. */
export function hasRole(role) {
  const roles = (current && current.roles) || [];
  return roles.includes('admin') || roles.includes(role);
}

/** Whether the user holds one of the roles; an empty list means no restriction. */
export function hasAnyRole(roles) {
  if (!roles || roles.length === 0) {
    return true;
  }
  return roles.some((role) => hasRole(role));
}
