// The facilities page: the facility reference list with search, sorting and paging; a facility's
// form and its points of contact; CSV import. Talks only to /api/v1/facilities. Module page of
// the console (see docs/console.md): the shell's styles and modules, texts of its own.

import { api, ApiError, describeError } from '/console/js/api.js';
import { loadSession, hasAnyRole } from '/console/js/session.js';
import { loadMessages, currentLanguage, formatDateTime } from '/console/js/i18n.js';
import { h } from '/console/js/dom.js';
import { alertBox, button, formGroup, textInput, select, FormErrors } from '/console/js/components.js';

const PAGE_SIZE = 20;
const COLUMNS = ['code', 'name', 'operator', 'facilityType', 'areaOfResponsibility', 'inJurisdiction', 'active'];
const EDITORS = ['product-owner'];

let messages = {};
let canEdit = false;
let flash = null;

function m(key, params) {
  let text = messages[key] === undefined ? key : messages[key];
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
  }
  return text;
}

async function loadOwnMessages() {
  const fetchBundle = async (lang) => {
    const response = await fetch(`/console/facilities/i18n/${lang}.json`, { credentials: 'same-origin' });
    return response.ok ? response.json() : {};
  };
  const english = await fetchBundle('en');
  messages = currentLanguage() === 'en' ? english : { ...english, ...(await fetchBundle(currentLanguage())) };
}

const main = () => document.getElementById('main-content');

/** Replaces the page's content, marks it ready and moves focus to its heading (or an element). */
function show(nodes, focusId) {
  const root = main();
  root.replaceChildren(...nodes.filter(Boolean));
  root.setAttribute('aria-busy', 'false');
  const target = (focusId && document.getElementById(focusId)) || root.querySelector('h1');
  if (target) {
    target.focus();
  }
}

function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

function takeFlash() {
  const shown = flash ? alertBox(flash.type, flash.text, { role: 'status' }) : null;
  flash = null;
  return shown;
}

function failure(error) {
  if (error instanceof ApiError && error.status === 401) {
    return alertBox('warning', h('p', null, m('signedOut'), ' ',
      h('a', { href: '/console/#/sign-in' }, m('signIn'))), { role: 'alert' });
  }
  if (error instanceof ApiError && error.status === 403) {
    return alertBox('error', m('forbidden'), { role: 'alert' });
  }
  return alertBox('error', m('failed', { message: describeError(error) }), { role: 'alert' });
}

// ---- routing: #/?query, #/new, #/f/<code>

function parseRoute() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, queryText] = hash.split('?');
  return { path, query: new URLSearchParams(queryText || '') };
}

function listHash(query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && !(key === 'page' && Number(value) === 0)) {
      params.set(key, value);
    }
  }
  const text = params.toString();
  return text ? `#/?${text}` : '#/';
}

let pendingFocus = null;

function go(hash, focusId) {
  pendingFocus = focusId || null;
  if (window.location.hash === hash) {
    route();
  } else {
    window.location.hash = hash;
  }
}

async function route() {
  main().setAttribute('aria-busy', 'true');
  const { path, query } = parseRoute();
  const focusId = pendingFocus;
  pendingFocus = null;
  if (path === '/new' && canEdit) {
    showForm(null, focusId);
  } else if (path.startsWith('/f/')) {
    await showFacility(decodeURIComponent(path.slice(3)), focusId);
  } else {
    await showList(query, focusId);
  }
}

// ---- the list

function yesNo(value) {
  return value ? m('yes') : m('no');
}

async function showList(query, focusId) {
  const state = {
    q: query.get('q') || '',
    active: query.get('active') || '',
    inJurisdiction: query.get('inJurisdiction') || '',
    sort: query.get('sort') || 'name,asc',
    page: Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0),
  };
  let page;
  try {
    page = await api.get('/facilities', { query: { ...state, size: PAGE_SIZE } });
  } catch (error) {
    show([heading(m('title')), failure(error)], focusId);
    return;
  }
  const [sortKey, sortDir] = state.sort.split(',');

  const searchText = formGroup({ id: 'fac-q', label: m('search.text'), hint: m('search.hint'),
    input: textInput({ name: 'q', value: state.q, type: 'search' }) });
  const status = formGroup({ id: 'fac-active', label: m('search.status'), input: select([
    { value: 'true', label: m('search.active') }, { value: 'false', label: m('search.inactive') }],
  { name: 'active' }, m('search.any'), state.active) });
  const jurisdiction = formGroup({ id: 'fac-jurisdiction', label: m('search.jurisdiction'), input: select([
    { value: 'true', label: m('search.in') }, { value: 'false', label: m('search.out') }],
  { name: 'inJurisdiction' }, m('search.any'), state.inJurisdiction) });
  const form = h('form', {
    class: 'fac-filters', role: 'search', 'aria-label': m('search.heading'),
    onsubmit: (event) => {
      event.preventDefault();
      go(listHash({ q: searchText.input.value.trim(), active: status.input.value,
        inJurisdiction: jurisdiction.input.value, sort: state.sort, page: 0 }), 'fac-results');
    },
  }, searchText.group, status.group, jurisdiction.group,
  h('div', { class: 'cw-form-group' }, button(m('search.submit'), { type: 'submit', id: 'fac-search' })));

  const head = h('tr', null, COLUMNS.map((key) => {
    const label = m(`col.${key}`);
    const active = key === sortKey;
    const next = active && sortDir === 'asc' ? 'desc' : 'asc';
    const id = `fac-sort-${key}`;
    return h('th', { scope: 'col', 'aria-sort': active ? (sortDir === 'asc' ? 'ascending' : 'descending') : null },
      h('button', {
        type: 'button', class: 'cw-sort-button', id, title: m('sortBy', { label }),
        onclick: () => go(listHash({ ...state, sort: `${key},${next}`, page: 0 }), id),
      }, label, h('span', { class: 'cw-sort-icon', 'aria-hidden': 'true' },
        active ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ' ⇅')));
  }));
  const rows = page.items.map((f) => h('tr', null,
    h('th', { scope: 'row' }, h('a', { href: `#/f/${encodeURIComponent(f.code)}` }, f.code)),
    h('td', null, f.name), h('td', null, f.operator || ''), h('td', null, f.facilityType || ''),
    h('td', null, f.areaOfResponsibility || ''), h('td', null, yesNo(f.inJurisdiction)),
    h('td', null, yesNo(f.active))));
  const from = page.total === 0 ? 0 : state.page * PAGE_SIZE + 1;
  const to = state.page * PAGE_SIZE + page.items.length;
  const summary = h('p', { id: 'fac-results', tabindex: '-1', role: 'status' },
    page.total === 0 ? m('results.none') : m('results', { from, to, total: page.total }));
  const pager = state.page === 0 && to >= page.total ? null : h('nav', { class: 'cw-pagination', 'aria-label': m('pages') },
    h('ul', { class: 'cw-pagination__list' },
      state.page > 0 ? h('li', { class: 'cw-pagination__item' }, h('a', { class: 'cw-pagination__link',
        href: listHash({ ...state, page: state.page - 1 }) }, m('previous'))) : null,
      to < page.total ? h('li', { class: 'cw-pagination__item' }, h('a', { class: 'cw-pagination__link',
        href: listHash({ ...state, page: state.page + 1 }) }, m('next'))) : null));

  show([
    heading(m('title')),
    takeFlash(),
    canEdit ? h('p', null, h('a', { class: 'cw-button', href: '#/new', id: 'fac-new' }, m('new'))) : null,
    form,
    summary,
    page.items.length ? h('div', { class: 'cw-table-container' },
      h('table', { class: 'cw-table', id: 'fac-table' }, h('caption', { class: 'cw-sr-only' }, m('title')),
        h('thead', null, head), h('tbody', null, rows))) : null,
    pager,
    canEdit ? importSection() : null,
  ], focusId);
}

// ---- CSV import

function importSection() {
  const file = formGroup({ id: 'fac-import-file', label: m('import.file'), hint: m('import.hint'),
    input: h('input', { class: 'cw-input', type: 'file', name: 'file', accept: '.csv,text/csv' }) });
  const result = h('div', { id: 'fac-import-result' });
  const submit = async (event) => {
    event.preventDefault();
    const chosen = file.input.files && file.input.files[0];
    if (!chosen) {
      result.replaceChildren(alertBox('error', m('import.chooseFile'), { role: 'alert' }));
      file.input.focus();
      return;
    }
    try {
      const counts = await api.post('/facilities/import', { body: await chosen.text(), contentType: 'text/csv' });
      flash = { type: 'success', text: m('import.done', counts) };
      go('#/', 'fac-results');
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length) {
        const box = alertBox('error', h('div', null, h('p', null, m('import.failed')),
          h('ul', null, error.fieldErrors.map((e) => h('li', null, e.message)))),
        { role: 'alert', heading: m('errors.title'), focusable: true });
        result.replaceChildren(box);
        box.focus();
      } else {
        result.replaceChildren(failure(error));
      }
    }
  };
  return h('section', { class: 'fac-section', 'aria-labelledby': 'fac-import-heading' },
    h('h2', { id: 'fac-import-heading' }, m('import.heading')),
    h('form', { onsubmit: submit }, file.group,
      h('div', { class: 'fac-actions' }, button(m('import.submit'), { type: 'submit', id: 'fac-import' }))),
    result);
}

// ---- one facility

async function showFacility(code, focusId) {
  let facility;
  let contacts;
  try {
    facility = await api.get(`/facilities/${encodeURIComponent(code)}`);
    contacts = (await api.get(`/facilities/${encodeURIComponent(code)}/contacts`)).items;
  } catch (error) {
    const text = error instanceof ApiError && error.status === 404 ? alertBox('error', m('notFound', { code }))
      : failure(error);
    show([heading(m('title')), text, h('p', null, h('a', { href: '#/' }, m('cancel')))], focusId);
    return;
  }
  showForm(facility, focusId, contacts);
}

function checkbox(id, label, checked, disabled) {
  const input = h('input', { class: 'cw-checkbox__input', type: 'checkbox', id, checked, disabled });
  return { input, group: h('div', { class: 'cw-form-group' }, h('div', { class: 'cw-checkbox' }, input,
    h('label', { class: 'cw-checkbox__label', for: id }, label))) };
}

function showForm(facility, focusId, contacts = []) {
  const creating = facility === null;
  const readOnly = !canEdit;
  const value = (key) => (facility && facility[key]) || '';
  const summaryHost = h('div');
  const errors = new FormErrors(summaryHost);
  const fields = {};
  const text = (key, options = {}) => {
    const field = formGroup({ id: `fac-${key}`, label: m(`field.${key}`), hint: options.hint, required: options.required,
      input: textInput({ name: key, value: value(key), readonly: readOnly || options.readonly || null,
        maxlength: options.max, autocomplete: 'off' }) });
    errors.register(key, { ...field, label: m(`field.${key}`) });
    fields[key] = field.input;
    return field.group;
  };
  const inJurisdiction = checkbox('fac-inJurisdiction', m('field.inJurisdiction'),
    creating || facility.inJurisdiction, readOnly);
  const active = checkbox('fac-active-box', m('field.active'), creating || facility.active, readOnly);
  errors.register('inJurisdiction', { ...inJurisdiction, label: m('field.inJurisdiction') });
  errors.register('active', { ...active, label: m('field.active') });
  const conflictHost = h('div');

  const payload = () => {
    const body = {};
    for (const [key, input] of Object.entries(fields)) {
      body[key] = input.value;
    }
    body.inJurisdiction = inJurisdiction.input.checked;
    body.active = active.input.checked;
    return body;
  };
  const save = async (event) => {
    event.preventDefault();
    errors.clear();
    conflictHost.replaceChildren();
    try {
      if (creating) {
        const created = await api.post('/facilities', { json: payload() });
        flash = { type: 'success', text: m('created', { code: created.code }) };
        go(`#/f/${encodeURIComponent(created.code)}`);
      } else {
        await api.put(`/facilities/${encodeURIComponent(facility.code)}`, { json: { ...payload(), version: facility.version } });
        flash = { type: 'success', text: m('saved') };
        go(`#/f/${encodeURIComponent(facility.code)}`);
      }
    } catch (error) {
      handleSaveError(error, errors, conflictHost, facility);
    }
  };
  const deactivate = async () => {
    errors.clear();
    try {
      await api.post(`/facilities/${encodeURIComponent(facility.code)}/deactivate`, { query: { version: facility.version } });
      flash = { type: 'success', text: m('deactivated', { code: facility.code }) };
      go(`#/f/${encodeURIComponent(facility.code)}`);
    } catch (error) {
      handleSaveError(error, errors, conflictHost, facility);
    }
  };

  const form = h('form', { onsubmit: save, novalidate: true, 'aria-labelledby': 'fac-heading' },
    creating ? text('code', { hint: m('field.code.hint'), required: true, max: 32 }) : null,
    text('name', { required: true, max: 200 }),
    text('operator', { max: 200 }),
    text('facilityType', { max: 100 }),
    text('address', { hint: m('field.address.hint'), max: 500 }),
    text('areaOfResponsibility', { max: 100 }),
    inJurisdiction.group,
    active.group,
    readOnly ? null : h('div', { class: 'fac-actions' },
      button(m('save'), { type: 'submit', id: 'fac-save' }),
      !creating && facility.active ? button(m('deactivate'), { variant: 'outline', id: 'fac-deactivate', onClick: deactivate }) : null));

  show([
    h('h1', { tabindex: '-1', id: 'fac-heading' }, creating ? m('new.heading') : m('edit.heading', { code: facility.code })),
    takeFlash(),
    summaryHost,
    conflictHost,
    creating ? null : h('p', { class: 'cw-hint' }, m('lastChanged', { when: formatDateTime(facility.updatedAt), who: facility.updatedBy })),
    form,
    creating ? null : contactsSection(facility, contacts),
    h('p', { class: 'fac-section' }, h('a', { href: '#/', id: 'fac-back' }, m('cancel'))),
  ], focusId);
}

function handleSaveError(error, errors, conflictHost, facility) {
  if (error instanceof ApiError && error.status === 409 && facility) {
    const box = alertBox('warning', h('div', null, h('p', null, m('conflict')),
      button(m('reload'), { id: 'fac-reload', onClick: () => go(`#/f/${encodeURIComponent(facility.code)}`) })),
    { role: 'alert', focusable: true });
    conflictHost.replaceChildren(box);
    box.focus();
  } else if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length) {
    errors.show(error.fieldErrors, m('errors.title'));
  } else if (error instanceof ApiError && error.status === 403) {
    const box = alertBox('error', m('forbiddenChange'), { role: 'alert', focusable: true });
    conflictHost.replaceChildren(box);
    box.focus();
  } else {
    const box = failure(error);
    box.setAttribute('tabindex', '-1');
    conflictHost.replaceChildren(box);
    box.focus();
  }
}

// ---- points of contact

function contactsSection(facility, contacts) {
  const base = `/facilities/${encodeURIComponent(facility.code)}/contacts`;
  const here = `#/f/${encodeURIComponent(facility.code)}`;
  const summaryHost = h('div');
  const errors = new FormErrors(summaryHost);
  let editing = null;

  const agency = formGroup({ id: 'contact-agency', label: m('contacts.agency'), required: true,
    input: select([{ value: 'ICE', label: 'ICE' }, { value: 'CBP', label: 'CBP' }], { name: 'agency' }) });
  const name = formGroup({ id: 'contact-name', label: m('contacts.name'), required: true,
    input: textInput({ name: 'name', maxlength: 200, autocomplete: 'off' }) });
  const email = formGroup({ id: 'contact-email', label: m('contacts.email'), required: true,
    input: textInput({ name: 'email', type: 'email', maxlength: 254, autocomplete: 'off' }) });
  errors.register('agency', { ...agency, label: m('contacts.agency') });
  errors.register('name', { ...name, label: m('contacts.name') });
  errors.register('email', { ...email, label: m('contacts.email') });
  const formHeading = h('h3', { id: 'contact-form-heading', tabindex: '-1' }, m('contacts.add.heading'));
  const submitButton = button(m('contacts.add'), { type: 'submit', id: 'contact-submit' });
  const cancelButton = button(m('contacts.cancelEdit'), { variant: 'outline', id: 'contact-cancel',
    onClick: () => go(here, 'contacts-heading') });
  cancelButton.hidden = true;
  const resultHost = h('div');

  const submit = async (event) => {
    event.preventDefault();
    errors.clear();
    const json = { agency: agency.input.value, name: name.input.value, email: email.input.value };
    try {
      const saved = editing ? await api.put(`${base}/${editing.id}`, { json }) : await api.post(base, { json });
      flash = { type: 'success', text: m(editing ? 'contacts.changed' : 'contacts.added', { name: saved.name }) };
      go(here, 'contacts-heading');
    } catch (error) {
      handleSaveError(error, errors, resultHost, null);
    }
  };
  const startEdit = (contact) => {
    editing = contact;
    agency.input.value = contact.agency;
    name.input.value = contact.name;
    email.input.value = contact.email;
    formHeading.textContent = m('contacts.edit.heading', { name: contact.name });
    submitButton.textContent = m('contacts.save');
    cancelButton.hidden = false;
    formHeading.focus();
  };
  const remove = async (contact) => {
    try {
      await api.del(`${base}/${contact.id}`);
      flash = { type: 'success', text: m('contacts.removed', { name: contact.name }) };
      go(here, 'contacts-heading');
    } catch (error) {
      handleSaveError(error, errors, resultHost, null);
    }
  };

  const table = contacts.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'contacts-table' },
    h('caption', { class: 'cw-sr-only' }, m('contacts.heading')),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, m('contacts.agency')), h('th', { scope: 'col' }, m('contacts.name')),
      h('th', { scope: 'col' }, m('contacts.email')), canEdit ? h('th', { scope: 'col' }, m('contacts.actions')) : null)),
    h('tbody', null, contacts.map((c) => h('tr', null, h('td', null, c.agency), h('th', { scope: 'row' }, c.name),
      h('td', null, h('a', { href: `mailto:${c.email}` }, c.email)),
      canEdit ? h('td', null, h('div', { class: 'fac-actions' },
        button(m('contacts.edit', { name: c.name }), { variant: 'outline', onClick: () => startEdit(c) }),
        button(m('contacts.remove', { name: c.name }), { variant: 'outline', onClick: () => remove(c) }))) : null)))))
    : h('p', null, m('contacts.none'));

  return h('section', { class: 'fac-section', 'aria-labelledby': 'contacts-heading' },
    h('h2', { id: 'contacts-heading', tabindex: '-1' }, m('contacts.heading')),
    resultHost,
    table,
    canEdit ? h('div', null, formHeading, summaryHost,
      h('form', { onsubmit: submit, novalidate: true, 'aria-labelledby': 'contact-form-heading' },
        agency.group, name.group, email.group,
        h('div', { class: 'fac-actions' }, submitButton, cancelButton))) : null);
}

// ---- start

async function start() {
  await loadMessages();
  await loadOwnMessages();
  document.title = `${m('title')} – Casework`;
  document.getElementById('skip-link').textContent = m('skip');
  document.getElementById('back-link').textContent = m('back');
  document.getElementById('list-link').textContent = m('allFacilities');
  document.getElementById('facilities-nav').setAttribute('aria-label', m('title'));
  let session = null;
  try {
    session = await loadSession();
  } catch (error) {
    show([heading(m('title')), failure(error)]);
    return;
  }
  if (!session) {
    show([heading(m('title')), failure(new ApiError(401, null))]);
    return;
  }
  canEdit = hasAnyRole(EDITORS);
  window.addEventListener('hashchange', route);
  await route();
}

start();
