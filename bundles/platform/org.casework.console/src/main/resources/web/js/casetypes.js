// Case type definitions from GET /api/v1/cases, cached for the session, and what the user may do.

import { api } from './api.js';
import { hasAnyRole, hasRole } from './session.js';

let cache = null;

/** The case types the user may read; fetched again when `fresh` or not yet loaded. */
export async function caseTypes(fresh = false) {
  if (fresh || !cache) {
    const list = await api.get('/cases');
    cache = Array.isArray(list) ? list : [];
  }
  return cache;
}

/** One definition by key (reloading once if it is not known yet), or null. */
export async function caseType(key) {
  let found = (await caseTypes()).find((d) => d.key === key);
  if (!found) {
    found = (await caseTypes(true)).find((d) => d.key === key);
  }
  return found || null;
}

export function forgetCaseTypes() {
  cache = null;
}

/** Whether the user may perform an action (CREATE, READ, UPDATE) on cases of the type. */
export function may(definition, action) {
  const permissions = definition && definition.permissions;
  if (!permissions) {
    // The server decides in the end; without information, offer the action.
    return true;
  }
  const roles = permissions[action] || [];
  // No roles granted: only administrators may.
  return roles.length === 0 ? hasRole('admin') : hasAnyRole(roles);
}

/** Whether the user may set the field (empty editRoles: anyone who may update). */
export function mayEdit(field) {
  return hasAnyRole(field.editRoles || []);
}

export function stateOf(definition, key) {
  const states = (definition.workflow && definition.workflow.states) || [];
  return states.find((s) => s.key === key) || { key, label: key, closed: false };
}

/** The transitions that start from the status and that the user may make. */
export function transitionsFrom(definition, status) {
  const transitions = (definition.workflow && definition.workflow.transitions) || [];
  return transitions.filter((tr) => (tr.from || []).includes(status) && hasAnyRole(tr.roles || []));
}
