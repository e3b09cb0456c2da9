// #/users, #/users/new and #/users/{name}: accounts. Administrators list, search, create and edit
// them; the helpdesk may only create accounts and reset passwords.

import { h } from '../dom.js';
import { t, formatDateTime, formatDate, humanize } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { hasRole, currentSession } from '../session.js';
import { buildHash } from '../router.js';
import {
  alertBox, button, buttonLink, formGroup, textInput, FormErrors, pagination, tag,
} from '../components.js';
import { navigate } from '../app.js';
import { breadcrumbs, notFound, showConflict, submitting } from './common.js';
import {
  sortParam, pageParam, sortableHead, sortItems, pageOf, resultsSummary, optionalGet, NOT_AVAILABLE,
  splitList, yesNo, readAll, summaryList,
} from '../lists.js';

const PAGE_SIZE = 20;
const SORT_KEYS = ['username', 'fullName', 'active', 'createdAt'];

/** Whether the user is an administrator (who may list and edit accounts). */
function isAdmin() {
  const session = currentSession();
  return Boolean(session && (session.roles || []).includes('admin'));
}

/** Whether the user may create accounts and reset passwords. */
function mayManage() {
  return hasRole('helpdesk');
}

function forbidden(ctx) {
  ctx.render(h('h1', { tabindex: '-1' }, t('users.title')), alertBox('error', t('error.forbidden'), { role: 'alert' }));
}

/** The roles an account may be given, when the roles endpoint answers; else null. */
async function roleChoices() {
  try {
    const result = await optionalGet('/roles');
    return result === NOT_AVAILABLE || !result ? null : (result.items || []);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      return null;
    }
    throw error;
  }
}

/**
 * The roles input: checkboxes when the roles are known, else a comma-separated text field.
 * Returns {group, input, value()}.
 */
function rolesInput(idPrefix, roles, selected) {
  const chosen = new Set(selected || []);
  if (!roles) {
    const group = formGroup({
      id: `${idPrefix}-roles`, label: t('users.roles'), hint: t('users.rolesHint'),
      input: textInput({ name: 'roles', value: [...chosen].join(', '), spellcheck: 'false', autocapitalize: 'none' }),
    });
    return { ...group, value: () => splitList(group.input.value) };
  }
  const keys = [...new Set([...roles.map((r) => r.key), ...chosen])];
  const labels = new Map(roles.map((r) => [r.key, r.label || r.key]));
  const boxes = keys.map((key, index) => {
    const id = `${idPrefix}-role-${index}`;
    const input = h('input', { class: 'cw-checkbox__input', type: 'checkbox', id, name: 'roles', value: key, checked: chosen.has(key) });
    return { key, input, item: h('div', { class: 'cw-checkbox' }, input,
      h('label', { class: 'cw-checkbox__label', for: id }, labels.get(key) || key, ' ', h('span', { class: 'cw-hint' }, `(${key})`))) };
  });
  const legend = h('legend', { class: 'cw-label' }, t('users.roles'));
  const anchor = h('div', null, boxes.map((b) => b.item));
  const group = h('fieldset', { class: 'cw-form-group cw-fieldset', id: `${idPrefix}-roles` }, legend, anchor);
  return {
    group,
    input: boxes.length ? boxes[0].input : anchor,
    anchor,
    value: () => boxes.filter((b) => b.input.checked).map((b) => b.key),
  };
}

function activeTag(account) {
  return account.active ? tag(t('users.active')) : tag(t('users.inactive'), true);
}

/** The temporary password of a reset, shown once in a box the user must copy from. */
function resetResult(result) {
  const box = alertBox('success', h('div', null,
    h('p', { class: 'cw-alert__text' }, t('users.resetDone', { name: result.username })),
    h('p', { class: 'cw-alert__text' }, t('users.temporaryPassword'), ' ',
      h('code', { class: 'cw-secret', id: 'temporary-password' }, result.temporaryPassword)),
    h('p', { class: 'cw-alert__text' }, t('users.temporaryPasswordOnce'))),
  { heading: t('users.resetTitle'), focusable: true, role: 'status' });
  box.id = 'reset-result';
  return box;
}

/** A form that resets a password: for one account (fixed name) or by user name (helpdesk). */
function resetForm(fixedName) {
  const host = h('div', { id: 'reset-host', 'aria-live': 'polite' });
  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const name = fixedName ? null : formGroup({
    id: 'reset-username', label: t('users.username'), required: true,
    input: textInput({ name: 'username', spellcheck: 'false', autocapitalize: 'none', autocomplete: 'off' }),
  });
  if (name) {
    errors.register('username', { ...name, label: t('users.username') });
  }
  const form = h('form', { class: 'cw-form', novalidate: true, id: 'reset-form' },
    h('p', null, t('users.resetIntro')),
    name ? name.group : null,
    h('div', { class: 'cw-form-actions' }, button(t('users.resetSubmit'), { type: 'submit', id: 'reset-submit', variant: 'outline' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = fixedName || name.input.value.trim();
    if (!username) {
      errors.show([{ field: 'username', message: t('users.usernameMissing') }]);
      return;
    }
    host.replaceChildren();
    await submitting(form, errors, async () => {
      try {
        const result = await api.post(`/users/${encodeURIComponent(username)}/password-reset`);
        const box = resetResult(result);
        host.replaceChildren(box);
        box.focus();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          throw Object.assign(error, { problem: { ...error.problem, errors: [{ field: 'username', message: t('users.noSuchUser') }] } });
        }
        throw error;
      }
    });
  });
  return h('section', { 'aria-labelledby': 'reset-heading', class: 'cw-section' },
    h('h2', { id: 'reset-heading' }, t('users.resetHeading')), errorsHost, form, host);
}

/** #/users */
export async function usersPage(ctx) {
  if (!mayManage()) {
    forbidden(ctx);
    return;
  }
  const header = h('div', { class: 'cw-page-header' },
    h('h1', { tabindex: '-1' }, t('users.title')),
    buttonLink(t('users.new'), '#/users/new', { id: 'new-user' }));
  if (!isAdmin()) {
    // The helpdesk cannot read accounts: it creates them and resets passwords by name.
    ctx.render(header, h('p', { class: 'cw-intro' }, t('users.helpdeskIntro')), resetForm(null));
    return;
  }
  const q = ctx.query.q || '';
  const page = pageParam(ctx.query.page);
  const sort = sortParam(ctx.query.sort, SORT_KEYS, { key: 'username', dir: 'asc' });
  // The API lists accounts by user name without a search, so the page searches and sorts here.
  const all = await readAll('/users', 200);
  if (!ctx.alive()) {
    return;
  }
  const needle = q.toLowerCase();
  const matching = needle ? all.filter((u) => `${u.username} ${u.fullName || ''} ${u.email || ''}`.toLowerCase().includes(needle)) : all;
  const sorted = sortItems(matching, sort);
  const items = pageOf(sorted, page, PAGE_SIZE);
  const hashFor = (changes) => buildHash(['users'], { q, sort: `${sort.key},${sort.dir}`, page, ...changes });

  const search = formGroup({ id: 'user-search', label: t('users.search'), hint: t('users.searchHint'),
    input: textInput({ type: 'search', name: 'q', value: q, spellcheck: 'false' }) });
  const searchForm = h('form', { class: 'cw-search-form', role: 'search', 'aria-label': t('users.searchLabel') },
    search.group, h('div', { class: 'cw-form-actions' }, button(t('list.searchSubmit'), { type: 'submit', id: 'user-search-submit' })));
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(hashFor({ q: search.input.value.trim(), page: 0 }), { focus: 'results-summary' });
  });

  const columns = [
    { key: 'username', label: t('users.username'), sortable: true },
    { key: 'fullName', label: t('users.fullName'), sortable: true },
    { key: 'roles', label: t('users.roles') },
    { key: 'active', label: t('users.status'), sortable: true },
    { key: 'createdAt', label: t('users.createdAt'), sortable: true },
  ];
  const table = items.length ? h('div', { class: 'cw-table-container' },
    h('table', { class: 'cw-table', id: 'user-table' },
      h('caption', { class: 'cw-sr-only' }, t('users.caption')),
      h('thead', null, sortableHead(columns, sort, hashFor, 'users')),
      h('tbody', null, items.map((u) => h('tr', { dataset: { username: u.username } },
        h('th', { scope: 'row' }, h('a', { href: `#/users/${encodeURIComponent(u.username)}` }, u.username)),
        h('td', null, u.fullName || ''),
        h('td', null, (u.roles || []).join(', ')),
        h('td', null, activeTag(u)),
        h('td', null, u.createdAt ? h('time', { datetime: u.createdAt }, formatDateTime(u.createdAt)) : '')))))) : null;

  ctx.render(header, searchForm,
    resultsSummary(page, PAGE_SIZE, items.length, sorted.length, 'users.noResults', 'users.showing'),
    table,
    pagination(page, PAGE_SIZE, sorted.length, (p) => hashFor({ page: p })),
    resetForm(null));
}

/** #/users/new */
export async function userCreatePage(ctx) {
  if (!mayManage()) {
    forbidden(ctx);
    return;
  }
  const roles = await roleChoices();
  if (!ctx.alive()) {
    return;
  }
  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const username = formGroup({ id: 'user-username', label: t('users.username'), required: true, hint: t('users.usernameHint'),
    input: textInput({ name: 'username', spellcheck: 'false', autocapitalize: 'none', autocomplete: 'off' }) });
  const fullName = formGroup({ id: 'user-fullName', label: t('users.fullName'),
    input: textInput({ name: 'fullName', autocomplete: 'off' }) });
  const email = formGroup({ id: 'user-email', label: t('users.email'),
    input: textInput({ name: 'email', type: 'email', autocomplete: 'off', spellcheck: 'false' }) });
  // The helpdesk may not give the admin or helpdesk role, so those are not offered to it.
  const offered = roles && !isAdmin() ? roles.filter((r) => r.key !== 'admin' && r.key !== 'helpdesk') : roles;
  const roleField = rolesInput('user', offered, []);
  const divisions = formGroup({ id: 'user-divisions', label: t('users.divisions'), hint: t('users.divisionsHint'),
    input: textInput({ name: 'divisions', spellcheck: 'false' }) });
  const password = formGroup({ id: 'user-password', label: t('users.initialPassword'), required: true, hint: t('users.initialPasswordHint'),
    input: textInput({ name: 'password', type: 'password', autocomplete: 'new-password' }) });
  errors.register('username', { ...username, label: t('users.username') });
  errors.register('fullName', { ...fullName, label: t('users.fullName') });
  errors.register('email', { ...email, label: t('users.email') });
  errors.register('roles', { ...roleField, label: t('users.roles') });
  errors.register('divisions', { ...divisions, label: t('users.divisions') });
  errors.register('password', { ...password, label: t('users.initialPassword') });

  const form = h('form', { class: 'cw-form', novalidate: true, id: 'user-form' },
    username.group, fullName.group, email.group, roleField.group, divisions.group, password.group,
    h('div', { class: 'cw-form-actions' },
      button(t('users.create'), { type: 'submit', id: 'user-form-submit' }),
      h('a', { class: 'cw-button cw-button--unstyled', href: '#/users' }, t('form.cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = [];
    if (!username.input.value.trim()) {
      missing.push({ field: 'username', message: t('users.usernameMissing') });
    }
    if (!password.input.value) {
      missing.push({ field: 'password', message: t('users.passwordMissing') });
    }
    if (missing.length) {
      errors.show(missing);
      return;
    }
    await submitting(form, errors, async () => {
      const created = await api.post('/users', { json: {
        username: username.input.value.trim(),
        fullName: fullName.input.value.trim() || null,
        email: email.input.value.trim() || null,
        roles: roleField.value(),
        divisions: splitList(divisions.input.value),
        password: password.input.value,
      } });
      const flash = { type: 'success', text: t('users.created', { name: created.username }) };
      navigate(isAdmin() ? `#/users/${encodeURIComponent(created.username)}` : '#/users', { flash });
    });
  });

  ctx.render(
    breadcrumbs([{ label: t('users.title'), href: '#/users' }, { label: t('users.new') }]),
    h('h1', { tabindex: '-1' }, t('users.new')),
    errorsHost, form);
}

/** The account's profile and trainings, when those endpoints are installed. */
async function profileSection(username) {
  const base = `/users/${encodeURIComponent(username)}`;
  const [profile, trainings] = await Promise.all([
    optionalGet(`${base}/profile`).catch(() => NOT_AVAILABLE),
    optionalGet(`${base}/trainings`).catch(() => NOT_AVAILABLE),
  ]);
  const parts = [];
  if (profile !== NOT_AVAILABLE && profile && typeof profile === 'object') {
    const entries = Object.entries(profile).filter(([key, value]) => key !== 'version' && key !== 'username'
      && value !== null && value !== '' && typeof value !== 'object');
    parts.push(h('section', { 'aria-labelledby': 'profile-heading', class: 'cw-section', id: 'user-profile' },
      h('h2', { id: 'profile-heading' }, t('users.profile')),
      entries.length ? summaryList(entries.map(([key, value]) => [humanize(key), String(value)]))
        : h('p', null, t('users.noProfile'))));
  }
  if (trainings !== NOT_AVAILABLE && trainings) {
    const items = Array.isArray(trainings) ? trainings : (trainings.items || []);
    parts.push(h('section', { 'aria-labelledby': 'trainings-heading', class: 'cw-section', id: 'user-trainings' },
      h('h2', { id: 'trainings-heading' }, t('users.trainings')),
      items.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table' },
        h('caption', { class: 'cw-sr-only' }, t('users.trainings')),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('users.trainingCourse')),
          h('th', { scope: 'col' }, t('users.trainingCompleted')),
          h('th', { scope: 'col' }, t('users.trainingExpires')))),
        h('tbody', null, items.map((item) => h('tr', null,
          h('th', { scope: 'row' }, item.courseTitle || item.course || ''),
          h('td', null, formatDate(item.completedOn)),
          h('td', null, formatDate(item.expiresOn)))))))
        : h('p', null, t('users.noTrainings'))));
  }
  return parts;
}

/** #/users/{name}: administrators edit the account; a reset is offered too. */
export async function userDetailPage(ctx) {
  if (!isAdmin()) {
    forbidden(ctx);
    return;
  }
  const username = ctx.params.username;
  let account;
  try {
    account = await api.get(`/users/${encodeURIComponent(username)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      notFound(ctx);
      return;
    }
    throw error;
  }
  const [roles, extra] = await Promise.all([roleChoices(), profileSection(username)]);
  if (!ctx.alive()) {
    return;
  }
  const conflictHost = h('div');
  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const fullName = formGroup({ id: 'user-fullName', label: t('users.fullName'),
    input: textInput({ name: 'fullName', value: account.fullName || '', autocomplete: 'off' }) });
  const email = formGroup({ id: 'user-email', label: t('users.email'),
    input: textInput({ name: 'email', type: 'email', value: account.email || '', autocomplete: 'off', spellcheck: 'false' }) });
  const roleField = rolesInput('user', roles, account.roles);
  const divisions = formGroup({ id: 'user-divisions', label: t('users.divisions'), hint: t('users.divisionsHint'),
    input: textInput({ name: 'divisions', value: (account.divisions || []).join(', '), spellcheck: 'false' }) });
  const activeBox = h('input', { class: 'cw-checkbox__input', type: 'checkbox', id: 'user-active', name: 'active', checked: account.active });
  const active = h('div', { class: 'cw-form-group' }, h('div', { class: 'cw-checkbox' }, activeBox,
    h('label', { class: 'cw-checkbox__label', for: 'user-active' }, t('users.activeLabel'))),
  h('div', { class: 'cw-hint', id: 'user-active-hint' }, t('users.activeHint')));
  activeBox.setAttribute('aria-describedby', 'user-active-hint');
  errors.register('fullName', { ...fullName, label: t('users.fullName') });
  errors.register('email', { ...email, label: t('users.email') });
  errors.register('roles', { ...roleField, label: t('users.roles') });
  errors.register('divisions', { ...divisions, label: t('users.divisions') });
  errors.register('active', { group: active, input: activeBox, label: t('users.activeLabel') });

  const form = h('form', { class: 'cw-form', novalidate: true, id: 'user-form' },
    fullName.group, email.group, roleField.group, divisions.group, active,
    h('div', { class: 'cw-form-actions' }, button(t('form.saveChanges'), { type: 'submit', id: 'user-form-submit' })));
  const reload = () => navigate(location.hash, { focus: 'user-heading' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await submitting(form, errors, async () => {
      await api.patch(`/users/${encodeURIComponent(username)}`, { json: {
        version: account.version,
        fullName: fullName.input.value.trim(),
        email: email.input.value.trim(),
        roles: roleField.value(),
        divisions: splitList(divisions.input.value),
        active: activeBox.checked,
      } });
      navigate(location.hash, { flash: { type: 'success', text: t('users.saved', { name: username }) } });
    }, () => showConflict(conflictHost, reload, { title: t('users.conflictTitle'), text: t('users.conflictText') }));
  });

  const facts = summaryList([
    [t('users.status'), activeTag(account)],
    [t('users.createdAt'), formatDateTime(account.createdAt)],
    [t('users.mustChangePassword'), yesNo(account.passwordChangeRequired)],
    [t('users.lockedUntil'), account.lockedUntil && new Date(account.lockedUntil) > new Date()
      ? formatDateTime(account.lockedUntil) : t('users.notLocked')],
  ], 'user-facts');

  ctx.render(
    breadcrumbs([{ label: t('users.title'), href: '#/users' }, { label: username }]),
    h('h1', { tabindex: '-1', id: 'user-heading' }, account.fullName ? `${account.fullName} (${username})` : username),
    facts,
    h('section', { 'aria-labelledby': 'edit-heading', class: 'cw-section' },
      h('h2', { id: 'edit-heading' }, t('users.editHeading')), conflictHost, errorsHost, form),
    resetForm(username),
    ...extra);
}
