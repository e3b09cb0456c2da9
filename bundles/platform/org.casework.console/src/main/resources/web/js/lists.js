// Pieces the administration pages share: sortable table headings, sorting and paging of a list
// held in the browser, reading an endpoint that may not be installed, and comma-separated lists.

import { h } from './dom.js';
import { t } from './i18n.js';
import { api, ApiError } from './api.js';
import { alertBox } from './components.js';
import { navigate } from './app.js';

/** A value for ?sort=key,dir when it names one of the keys; else the fallback. */
export function sortParam(raw, keys, fallback) {
  const match = /^([A-Za-z0-9]+),(asc|desc)$/.exec(raw || '');
  return match && keys.includes(match[1]) ? { key: match[1], dir: match[2] } : fallback;
}

/** A zero-based page number from ?page=. */
export function pageParam(raw) {
  return Math.max(0, parseInt(raw || '0', 10) || 0);
}

/**
 * A table heading row. columns: [{key, label, sortable}]; sort: {key, dir}; hashFor(changes) builds
 * the hash for a new sort. Sortable headings are buttons, so the keyboard reaches them, and the
 * sorted column carries aria-sort.
 */
export function sortableHead(columns, sort, hashFor, idPrefix) {
  return h('tr', null, columns.map((column) => {
    const th = h('th', { scope: 'col' });
    if (!column.sortable) {
      th.append(column.label);
      return th;
    }
    const active = sort && column.key === sort.key;
    if (active) {
      th.setAttribute('aria-sort', sort.dir === 'asc' ? 'ascending' : 'descending');
    }
    const nextDir = active && sort.dir === 'asc' ? 'desc' : 'asc';
    const id = `${idPrefix}-sort-${column.key}`;
    th.append(h('button', {
      type: 'button', class: 'cw-sort-button', id,
      title: t(nextDir === 'asc' ? 'list.sortAscending' : 'list.sortDescending', { label: column.label }),
      onclick: () => navigate(hashFor({ sort: `${column.key},${nextDir}`, page: 0 }), { focus: id }),
    }, column.label, h('span', { class: 'cw-sort-icon', 'aria-hidden': 'true' },
      active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ⇅')));
    return th;
  }));
}

/** Sorts a copy of items by a key ({key, dir}); valueOf(item, key) gives the value compared. */
export function sortItems(items, sort, valueOf = (item, key) => item[key]) {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const factor = sort.dir === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (typeof x === 'boolean' || typeof y === 'boolean') {
      return factor * (Number(Boolean(x)) - Number(Boolean(y)));
    }
    return factor * collator.compare(x === null || x === undefined ? '' : String(x),
      y === null || y === undefined ? '' : String(y));
  });
}

/** The items of one page of a list held in the browser. */
export function pageOf(items, page, size) {
  return items.slice(page * size, page * size + size);
}

/** "Showing 1 to 20 of 57" (or the text for none), focusable so searches can move focus there. */
export function resultsSummary(page, size, shown, total, noneKey, showingKey) {
  const from = total === 0 ? 0 : page * size + 1;
  const to = Math.min(total, page * size + shown);
  return h('p', { class: 'cw-results-summary', id: 'results-summary', tabindex: '-1' },
    total === 0 ? t(noneKey) : t(showingKey, { from, to, total }));
}

/** Thrown by optionalGet when the endpoint is not installed (404 on the collection). */
export const NOT_AVAILABLE = Symbol('not available');

/**
 * GETs an endpoint that another bundle may not provide; resolves to NOT_AVAILABLE when the server
 * answers 404 or 405, so the page can say so instead of failing.
 */
export async function optionalGet(path, options) {
  try {
    return await api.get(path, options);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
      return NOT_AVAILABLE;
    }
    throw error;
  }
}

/** The plain message for a feature the server does not offer. */
export function notAvailableBox(text) {
  const box = alertBox('info', text || t('common.notAvailable'));
  box.id = 'not-available';
  return box;
}

/** "a, b ,c" as ["a", "b", "c"], blanks and repeats left out. */
export function splitList(text) {
  return [...new Set(String(text || '').split(',').map((s) => s.trim()).filter(Boolean))];
}

/** A yes/no cell text. */
export function yesNo(value) {
  return value ? t('value.yes') : t('value.no');
}

/** Reads every page of a paged collection (for lists the server neither searches nor sorts). */
export async function readAll(path, pageSize, limit = 5000) {
  const items = [];
  for (let page = 0; items.length < limit; page += 1) {
    const result = await api.get(path, { query: { page, size: pageSize } });
    const batch = (result && result.items) || [];
    items.push(...batch);
    if (batch.length < pageSize || items.length >= Number(result.total || 0)) {
      break;
    }
  }
  return items;
}

/** A summary (description) list: rows of [term, value]; rows that are null are left out. */
export function summaryList(rows, id) {
  return h('dl', { class: 'cw-summary', id: id || null }, rows.filter(Boolean).map(([term, value]) =>
    h('div', { class: 'cw-summary__row' },
      h('dt', { class: 'cw-summary__term' }, term),
      h('dd', { class: 'cw-summary__value' }, value))));
}
