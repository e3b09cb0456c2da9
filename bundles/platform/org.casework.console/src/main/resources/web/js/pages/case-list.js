// #/cases/{type}: the cases of one type, with search, a status filter, sortable columns and pages.

import { h } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api } from '../api.js';
import { may, stateOf } from '../casetypes.js';
import { buildHash } from '../router.js';
import { buttonLink, button, formGroup, textInput, select, tag, pagination } from '../components.js';
import { formatValue } from '../fields.js';
import { navigate } from '../app.js';
import { pageCaseType } from './common.js';

const PAGE_SIZE = 20;
const SORTABLE_TYPES = new Set(['TEXT', 'NUMBER', 'DATE', 'ENUM', 'EMAIL', 'PHONE', 'A_NUMBER', 'BOOLEAN', 'CASE_REFERENCE']);

function columnsOf(definition) {
  const titleField = definition.titleField ? definition.fields.find((f) => f.key === definition.titleField) : null;
  const columns = [
    { key: 'number', label: t('list.number'), sort: 'number' },
    { key: 'title', label: titleField ? titleField.label : t('list.title'), sort: titleField && SORTABLE_TYPES.has(titleField.type) ? titleField.key : null },
    { key: 'status', label: t('list.status'), sort: 'status' },
    { key: 'assignee', label: t('list.assignee'), sort: 'assignee' },
  ];
  for (const field of definition.fields) {
    if (field.listed && field.key !== definition.titleField) {
      columns.push({ key: `field-${field.key}`, label: field.label, sort: SORTABLE_TYPES.has(field.type) ? field.key : null, field });
    }
  }
  columns.push({ key: 'updatedAt', label: t('list.updated'), sort: 'updatedAt' });
  return columns;
}

function cell(definition, column, record) {
  const base = `#/cases/${encodeURIComponent(definition.key)}/${record.id}`;
  switch (column.key) {
    case 'number':
      return h('a', { href: base, class: 'cw-case-link' }, record.number || String(record.id));
    case 'title':
      return record.title || '';
    case 'status': {
      const state = stateOf(definition, record.status);
      return tag(state.label, record.closed || state.closed);
    }
    case 'assignee':
      return record.assignee || '';
    case 'updatedAt':
      return record.updatedAt ? h('time', { datetime: record.updatedAt }, formatDateTime(record.updatedAt)) : '';
    default: {
      const value = formatValue(column.field, (record.fields || {})[column.field.key], true);
      return value === null ? '' : value;
    }
  }
}

export async function caseListPage(ctx) {
  const definition = await pageCaseType(ctx);
  if (!definition) {
    return;
  }
  const q = ctx.query.q || '';
  const status = ctx.query.status || '';
  const page = Math.max(0, parseInt(ctx.query.page || '0', 10) || 0);
  const sort = /^[A-Za-z0-9]+,(asc|desc)$/.test(ctx.query.sort || '') ? ctx.query.sort : 'createdAt,desc';
  const [sortKey, sortDir] = sort.split(',');
  const result = await api.get(`/cases/${encodeURIComponent(definition.key)}`, {
    query: { q, status, page, size: PAGE_SIZE, sort },
  });
  if (!ctx.alive()) {
    return;
  }
  const items = (result && result.items) || [];
  const total = Number((result && result.total) || 0);
  const hashFor = (changes) => buildHash(['cases', definition.key], { q, status, sort, page, ...changes });

  // Search and filter.
  const search = formGroup({ id: 'case-search', label: t('list.search'), hint: t('list.searchHint'),
    input: textInput({ type: 'search', name: 'q', value: q, spellcheck: 'false' }) });
  const states = (definition.workflow && definition.workflow.states) || [];
  const statusFilter = formGroup({ id: 'case-status-filter', label: t('list.statusFilter'),
    input: select(states.map((s) => ({ value: s.key, label: s.label })), { name: 'status' }, t('list.anyStatus'), status) });
  const searchForm = h('form', { class: 'cw-search-form', role: 'search', 'aria-label': t('list.searchLabel', { label: definition.pluralLabel }) },
    search.group, statusFilter.group,
    h('div', { class: 'cw-form-actions' }, button(t('list.searchSubmit'), { type: 'submit', id: 'case-search-submit' })));
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(hashFor({ q: search.input.value.trim(), status: statusFilter.input.value, page: 0 }), { focus: 'results-summary' });
  });

  // Results.
  const from = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE + items.length);
  const summary = h('p', { class: 'cw-results-summary', id: 'results-summary', tabindex: '-1' },
    total === 0 ? t('list.noResults') : t('list.showing', { from, to, total }));

  let table = null;
  if (items.length) {
    const columns = columnsOf(definition);
    const headRow = h('tr', null, columns.map((column) => {
      const th = h('th', { scope: 'col' });
      if (!column.sort) {
        th.append(column.label);
        return th;
      }
      const active = column.sort === sortKey;
      if (active) {
        th.setAttribute('aria-sort', sortDir === 'asc' ? 'ascending' : 'descending');
      }
      const nextDir = active && sortDir === 'asc' ? 'desc' : 'asc';
      th.append(h('button', {
        type: 'button', class: 'cw-sort-button', id: `sort-${column.key}`,
        title: t(nextDir === 'asc' ? 'list.sortAscending' : 'list.sortDescending', { label: column.label }),
        onclick: () => navigate(hashFor({ sort: `${column.sort},${nextDir}`, page: 0 }), { focus: `sort-${column.key}` }),
      }, column.label, h('span', { class: 'cw-sort-icon', 'aria-hidden': 'true' }, active ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ' ⇅')));
      return th;
    }));
    table = h('div', { class: 'cw-table-container' },
      h('table', { class: 'cw-table', id: 'case-table' },
        h('caption', { class: 'cw-sr-only' }, t('list.caption', { label: definition.pluralLabel })),
        h('thead', null, headRow),
        h('tbody', null, items.map((record) => h('tr', { dataset: { caseId: record.id } },
          columns.map((column) => (column.key === 'number'
            ? h('th', { scope: 'row' }, cell(definition, column, record))
            : h('td', null, cell(definition, column, record)))))))));
  }

  ctx.render(
    h('div', { class: 'cw-page-header' },
      h('h1', { tabindex: '-1' }, definition.pluralLabel || definition.label),
      may(definition, 'CREATE')
        ? buttonLink(t('list.new', { label: definition.label }), `#/cases/${encodeURIComponent(definition.key)}/new`, { id: 'new-case' })
        : null),
    searchForm,
    summary,
    table,
    pagination(page, PAGE_SIZE, total, (p) => hashFor({ page: p })));
}
