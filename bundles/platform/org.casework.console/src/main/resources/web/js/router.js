// Hash routes: #/path/segments?query=parameters.

import { queryString } from './dom.js';

/** Splits a location hash into decoded path segments and a query object. */
export function parseHash(hash) {
  let text = String(hash || '').replace(/^#/, '');
  if (!text.startsWith('/')) {
    text = '/';
  }
  const q = text.indexOf('?');
  const path = q >= 0 ? text.slice(0, q) : text;
  const query = Object.fromEntries(new URLSearchParams(q >= 0 ? text.slice(q + 1) : ''));
  const segments = path.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch (e) {
      return s;
    }
  });
  return { segments, query };
}

/** Builds a hash from path segments and query parameters (empty ones left out). */
export function buildHash(segments, query) {
  return `#/${segments.map((s) => encodeURIComponent(String(s))).join('/')}${queryString(query)}`;
}

const ID = /^[0-9]+$/;
const MODULE_KEY = /^[a-z0-9][a-z0-9-]*$/;

/** The route a hash names: {name, params, query}. */
export function matchRoute(hash) {
  const { segments, query } = parseHash(hash);
  const [first, type, third, fourth] = segments;
  let route = { name: 'notFound', params: {} };
  if (segments.length === 0) {
    route = { name: 'home', params: {} };
  } else if (segments.length === 1 && first === 'sign-in') {
    route = { name: 'signIn', params: {} };
  } else if (segments.length === 1 && first === 'change-password') {
    route = { name: 'changePassword', params: {} };
  } else if (first === 'users' && segments.length === 1) {
    route = { name: 'users', params: {} };
  } else if (first === 'users' && segments.length === 2 && type === 'new') {
    route = { name: 'userCreate', params: {} };
  } else if (first === 'users' && segments.length === 2) {
    route = { name: 'userDetail', params: { username: type } };
  } else if (first === 'roles' && segments.length === 1) {
    route = { name: 'roles', params: {} };
  } else if (first === 'roles' && segments.length === 2) {
    route = { name: 'roleDetail', params: { key: type } };
  } else if (first === 'audit' && segments.length === 1) {
    route = { name: 'audit', params: {} };
  } else if (first === 'audit' && segments.length === 2 && type === 'history') {
    route = { name: 'auditHistory', params: {} };
  } else if (first === 'alerts' && segments.length === 1) {
    route = { name: 'alerts', params: {} };
  } else if (first === 'alerts' && segments.length === 2) {
    route = { name: 'alertDetail', params: { id: type } };
  } else if (first === 'account' && segments.length === 1) {
    route = { name: 'account', params: {} };
  } else if (first === 'm' && segments.length >= 2 && MODULE_KEY.test(type)) {
    // A module's own pages: #/m/<key>/...; the module's script names the page (see app.js).
    route = { name: 'module', params: { key: type, path: segments.slice(2) } };
  } else if (first === 'cases' && segments.length === 2) {
    route = { name: 'caseList', params: { type } };
  } else if (first === 'cases' && segments.length === 3 && third === 'new') {
    route = { name: 'caseCreate', params: { type } };
  } else if (first === 'cases' && segments.length === 3 && ID.test(third)) {
    route = { name: 'caseDetail', params: { type, id: third } };
  } else if (first === 'cases' && segments.length === 4 && ID.test(third) && fourth === 'edit') {
    route = { name: 'caseEdit', params: { type, id: third } };
  }
  return { ...route, query };
}
