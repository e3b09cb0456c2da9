// #/roles and #/roles/{key}: the roles and the permissions each grants, for administrators to
// inspect (the roles themselves are defined by the installed modules, not edited here).

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { buildHash } from '../router.js';
import { alertBox, pagination, tag } from '../components.js';
import { breadcrumbs, notFound } from './common.js';
import {
  sortParam, pageParam, sortableHead, sortItems, pageOf, resultsSummary, optionalGet, NOT_AVAILABLE,
  notAvailableBox, yesNo, summaryList,
} from '../lists.js';

const PAGE_SIZE = 20;
const SORT_KEYS = ['key', 'label', 'external', 'twoFactorRequired', 'builtIn', 'permissions'];

function flags(role) {
  return [
    role.external ? tag(t('roles.externalTag')) : null,
    role.twoFactorRequired ? tag(t('roles.twoFactorTag')) : null,
    role.builtIn ? tag(t('roles.builtInTag'), true) : null,
  ].filter(Boolean).flatMap((node, i) => (i ? [' ', node] : [node]));
}

/** #/roles */
export async function rolesPage(ctx) {
  const result = await optionalGet('/roles');
  if (!ctx.alive()) {
    return;
  }
  const heading = h('h1', { tabindex: '-1' }, t('roles.title'));
  if (result === NOT_AVAILABLE) {
    ctx.render(heading, notAvailableBox(t('roles.notAvailable')));
    return;
  }
  const all = (result && result.items) || [];
  const page = pageParam(ctx.query.page);
  const sort = sortParam(ctx.query.sort, SORT_KEYS, { key: 'key', dir: 'asc' });
  const sorted = sortItems(all, sort, (role, key) => (key === 'permissions' ? String((role.permissions || []).length).padStart(6, '0') : role[key]));
  const items = pageOf(sorted, page, PAGE_SIZE);
  const hashFor = (changes) => buildHash(['roles'], { sort: `${sort.key},${sort.dir}`, page, ...changes });
  const columns = [
    { key: 'key', label: t('roles.key'), sortable: true },
    { key: 'label', label: t('roles.label'), sortable: true },
    { key: 'external', label: t('roles.external'), sortable: true },
    { key: 'twoFactorRequired', label: t('roles.twoFactor'), sortable: true },
    { key: 'builtIn', label: t('roles.builtIn'), sortable: true },
    { key: 'permissions', label: t('roles.permissionCount'), sortable: true },
  ];
  const table = items.length ? h('div', { class: 'cw-table-container' },
    h('table', { class: 'cw-table', id: 'role-table' },
      h('caption', { class: 'cw-sr-only' }, t('roles.caption')),
      h('thead', null, sortableHead(columns, sort, hashFor, 'roles')),
      h('tbody', null, items.map((role) => h('tr', { dataset: { role: role.key } },
        h('th', { scope: 'row' }, h('a', { href: `#/roles/${encodeURIComponent(role.key)}` }, role.key)),
        h('td', null, role.label || '', role.description ? h('div', { class: 'cw-hint' }, role.description) : null),
        h('td', null, yesNo(role.external)),
        h('td', null, yesNo(role.twoFactorRequired)),
        h('td', null, yesNo(role.builtIn)),
        h('td', null, String((role.permissions || []).length))))))) : null;
  ctx.render(heading,
    h('p', { class: 'cw-intro' }, t('roles.intro')),
    resultsSummary(page, PAGE_SIZE, items.length, sorted.length, 'roles.noResults', 'roles.showing'),
    table,
    pagination(page, PAGE_SIZE, sorted.length, (p) => hashFor({ page: p })));
}

/** Splits "case.complaint:read:own" into its resource, action and scope. */
function parsePermission(text) {
  const [resource, action, scope] = String(text).split(':');
  return { resource: resource || '', action: action || '', scope: scope || '' };
}

/** #/roles/{key} */
export async function roleDetailPage(ctx) {
  let role;
  try {
    role = await api.get(`/roles/${encodeURIComponent(ctx.params.key)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      // Either the role does not exist or the roles endpoint is not installed.
      const list = await optionalGet('/roles');
      if (!ctx.alive()) {
        return;
      }
      if (list === NOT_AVAILABLE) {
        ctx.render(h('h1', { tabindex: '-1' }, t('roles.title')), notAvailableBox(t('roles.notAvailable')));
      } else {
        notFound(ctx);
      }
      return;
    }
    throw error;
  }
  if (!ctx.alive()) {
    return;
  }
  const permissions = [...(role.permissions || [])].map(parsePermission)
    .sort((a, b) => a.resource.localeCompare(b.resource) || a.action.localeCompare(b.action) || a.scope.localeCompare(b.scope));
  const flagList = flags(role);
  ctx.render(
    breadcrumbs([{ label: t('roles.title'), href: '#/roles' }, { label: role.label || role.key }]),
    h('h1', { tabindex: '-1' }, role.label || role.key),
    role.description ? h('p', { class: 'cw-intro' }, role.description) : null,
    summaryList([
      [t('roles.key'), h('code', null, role.key)],
      [t('roles.external'), yesNo(role.external)],
      [t('roles.twoFactor'), yesNo(role.twoFactorRequired)],
      [t('roles.builtIn'), yesNo(role.builtIn)],
    ], 'role-facts'),
    flagList.length ? h('p', null, flagList) : null,
    h('section', { 'aria-labelledby': 'permissions-heading', class: 'cw-section' },
      h('h2', { id: 'permissions-heading' }, t('roles.permissions')),
      permissions.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'permission-table' },
        h('caption', { class: 'cw-sr-only' }, t('roles.permissionsCaption', { role: role.label || role.key })),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('roles.resource')),
          h('th', { scope: 'col' }, t('roles.action')),
          h('th', { scope: 'col' }, t('roles.scope')))),
        h('tbody', null, permissions.map((p) => h('tr', null,
          h('th', { scope: 'row' }, h('code', null, p.resource)),
          h('td', null, p.action),
          h('td', null, p.scope ? t('roles.scopeValue', { scope: p.scope }) : t('roles.scopeAll')))))))
        : alertBox('info', t('roles.noPermissions'))));
}
