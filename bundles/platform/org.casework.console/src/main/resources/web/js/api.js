// The console's only way to the REST API: same-origin credentials, JSON, the session's CSRF token
// on every state-changing request, and problem+json errors turned into ApiError.

import { t } from './i18n.js';
import { queryString } from './dom.js';

const BASE = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

const MARKER_COOKIE = 'CASEWORK_CONSOLE';

let csrfToken = null;
let authProblemHandler = null;

/**
 * Whether this browser signed in through the console and has not signed out since. The session
 * cookie itself is HttpOnly; this readable companion lets the console avoid asking the API
 * without any session, which the API answers with a Basic challenge that would make the browser
 * pop up its own password dialog.
 */
export function signedInMarker() {
  return document.cookie.split(';').some((c) => c.trim().startsWith(`${MARKER_COOKIE}=`));
}

/** Sets or clears the marker; a session cookie like the API's own, same path, same site only. */
export function setSignedInMarker(signedIn) {
  document.cookie = signedIn
    ? `${MARKER_COOKIE}=1; Path=/; SameSite=Strict`
    : `${MARKER_COOKIE}=; Path=/; SameSite=Strict; Max-Age=0`;
}

/** An error answer from the API, carrying its problem+json document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    /** Set when the application already reacted (e.g. sent the user to sign in). */
    this.handled = false;
  }

  /** The errors[] entries: {field, rule, message}. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  /** The short problem type, e.g. "validation" from urn:casework:problem:validation. */
  get problemType() {
    const type = String(this.problem.type || '');
    return type.slice(type.lastIndexOf(':') + 1);
  }
}

/** Sets the token sent as X-CSRF-Token on POST, PUT, PATCH and DELETE (null when signed out). */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

/**
 * Registers the function that reacts to an expired session (401) or a required password change;
 * it returns true when it took over (the caller then ignores the error).
 */
export function onAuthProblem(handler) {
  authProblemHandler = handler;
}

/** The absolute URL of an API path with the given query parameters (empty ones left out). */
export function apiUrl(path, query) {
  return BASE + path + queryString(query);
}

/**
 * Sends a request. Options: json (a body to send as JSON), body + contentType (a raw body),
 * query (URL parameters). Resolves to the parsed JSON (null for 204); rejects with ApiError.
 */
export async function request(method, path, options = {}) {
  if (!signedInMarker() && !(method === 'POST' && path === '/session')) {
    // Certainly not signed in: answer as the API would, without provoking its Basic challenge.
    const error = new ApiError(401, { title: t('error.signedOut'), status: 401 });
    if (authProblemHandler && authProblemHandler(error, method, path)) {
      error.handled = true;
    }
    throw error;
  }
  const headers = {
    Accept: 'application/json, application/problem+json',
    // Marks the call as the console's, so the API can leave out its Basic challenge.
    'X-Requested-With': 'XMLHttpRequest',
  };
  let body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType || 'application/octet-stream';
    body = options.body;
  }
  if (!SAFE_METHODS.has(method) && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method, headers, body, credentials: 'same-origin', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, { title: t('error.network') });
  }
  let data = null;
  if (response.status !== 204) {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try {
        data = await response.json();
      } catch (e) {
        data = null;
      }
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data && typeof data === 'object' ? data : null);
    if (authProblemHandler && authProblemHandler(error, method, path)) {
      error.handled = true;
    }
    throw error;
  }
  return data;
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, options) => request('POST', path, options),
  put: (path, options) => request('PUT', path, options),
  patch: (path, options) => request('PATCH', path, options),
  del: (path, options) => request('DELETE', path, options),
};

/** A short sentence for an error, for an alert. */
export function describeError(error) {
  if (!(error instanceof ApiError)) {
    return t('error.unexpected');
  }
  if (error.status === 0) {
    return t('error.network');
  }
  if (error.status >= 500) {
    return t('error.server');
  }
  if (error.status === 403 && !error.problem.title) {
    return t('error.forbidden');
  }
  if (error.status === 404 && !error.problem.title) {
    return t('error.notFound');
  }
  return error.problem.title || t('error.unexpected');
}
