// #/audit: the auditor searches the audit trail, exports it, verifies its hash chain, and
// #/audit/history?recordType=&recordId= reconstructs one record's history from it.

import { h } from '../dom.js';
import { t, formatDateTime, formatNumber } from '../i18n.js';
import { api, apiUrl, ApiError, describeError } from '../api.js';
import { hasRole } from '../session.js';
import { buildHash } from '../router.js';
import { alertBox, button, buttonLink, formGroup, textInput, FormErrors, pagination, tag } from '../components.js';
import { navigate } from '../app.js';
import { breadcrumbs } from './common.js';
import { sortParam, pageParam, sortableHead, resultsSummary } from '../lists.js';

const PAGE_SIZE = 25;
const FILTERS = ['actor', 'recordType', 'recordId', 'action', 'from', 'to'];
const HISTORY_PAGE = 1000;
const HISTORY_LIMIT = 10000;

/** A local date-time input value (2026-01-31T09:00) as an ISO instant; '' stays ''. */
function toInstant(local) {
  if (!local) {
    return '';
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The API's query for the filters in the hash. */
function apiFilters(filters) {
  return {
    actor: filters.actor, recordType: filters.recordType, recordId: filters.recordId, action: filters.action,
    from: toInstant(filters.from) || '', to: toInstant(filters.to) || '',
  };
}

function historyHref(recordType, recordId) {
  return buildHash(['audit', 'history'], { recordType, recordId });
}

/** The field changes of an entry as a list: "field: old → new". */
function changeList(changes) {
  if (!changes || !changes.length) {
    return null;
  }
  return h('ul', { class: 'cw-change-list' }, changes.map((c) => h('li', null,
    h('span', { class: 'cw-change__field' }, c.field), ': ',
    h('span', { class: 'cw-change__old' }, c.oldValue === null || c.oldValue === undefined || c.oldValue === '' ? t('audit.empty') : c.oldValue),
    h('span', { 'aria-hidden': 'true' }, ' → '), h('span', { class: 'cw-sr-only' }, ` ${t('audit.changedTo')} `),
    h('span', { class: 'cw-change__new' }, c.newValue === null || c.newValue === undefined || c.newValue === '' ? t('audit.empty') : c.newValue))));
}

function outcomeTag(outcome) {
  return tag(outcome || '', outcome && outcome !== 'success');
}

function when(iso) {
  return iso ? h('time', { datetime: iso }, formatDateTime(iso)) : '';
}

/** The chain verification: a button and a live region that says intact or where it breaks. */
function verifySection() {
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const run = button(t('audit.verify'), { id: 'verify-chain', variant: 'outline' });
  run.addEventListener('click', async () => {
    run.disabled = true;
    result.replaceChildren(h('p', null, t('audit.verifying')));
    try {
      const v = await api.get('/audit/verify');
      result.replaceChildren(v.intact
        ? alertBox('success', t('audit.intact', { entries: formatNumber(v.entries) }), { heading: t('audit.intactTitle') })
        : alertBox('error', h('div', null,
          h('p', { class: 'cw-alert__text' }, t('audit.broken', { position: v.position, id: v.entryId })),
          v.reason ? h('p', { class: 'cw-alert__text' }, v.reason) : null),
        { heading: t('audit.brokenTitle'), role: 'alert' }));
    } catch (error) {
      if (!error.handled) {
        result.replaceChildren(alertBox('error', describeError(error), { role: 'alert' }));
      }
    } finally {
      run.disabled = false;
    }
  });
  return h('section', { class: 'cw-section', 'aria-labelledby': 'verify-heading' },
    h('h2', { id: 'verify-heading' }, t('audit.verifyHeading')),
    h('p', null, t('audit.verifyIntro')), run, result);
}

/**
 * One page of entries in the order asked for. The API answers newest first only, so oldest-first
 * pages are read from the other end: at most two API pages make up one page here.
 */
async function searchPage(filters, page, ascending) {
  if (!ascending) {
    return api.get('/audit', { query: { ...filters, page, size: PAGE_SIZE } });
  }
  const probe = await api.get('/audit', { query: { ...filters, page: 0, size: 1 } });
  const total = Number(probe.total || 0);
  const end = total - page * PAGE_SIZE;
  const start = Math.max(0, end - PAGE_SIZE);
  if (end <= 0) {
    return { items: [], total, page, size: PAGE_SIZE };
  }
  const first = Math.floor(start / PAGE_SIZE);
  const last = Math.floor((end - 1) / PAGE_SIZE);
  const items = [];
  for (let p = first; p <= last; p += 1) {
    const part = await api.get('/audit', { query: { ...filters, page: p, size: PAGE_SIZE } });
    items.push(...((part && part.items) || []));
  }
  const offset = first * PAGE_SIZE;
  return { items: items.slice(start - offset, end - offset).reverse(), total, page, size: PAGE_SIZE };
}

/** #/audit */
export async function auditPage(ctx) {
  if (!hasRole('auditor')) {
    ctx.render(h('h1', { tabindex: '-1' }, t('audit.title')), alertBox('error', t('error.forbidden'), { role: 'alert' }));
    return;
  }
  const filters = Object.fromEntries(FILTERS.map((name) => [name, ctx.query[name] || '']));
  const page = pageParam(ctx.query.page);
  const sort = sortParam(ctx.query.sort, ['at'], { key: 'at', dir: 'desc' });
  const searched = FILTERS.some((name) => filters[name]) || ctx.query.page !== undefined || ctx.query.sort !== undefined;
  const hashFor = (changes) => buildHash(['audit'], { ...filters, sort: `${sort.key},${sort.dir}`, page, ...changes });

  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const field = (name, label, hint, attrs = {}) => {
    const group = formGroup({ id: `audit-${name}`, label, hint,
      input: textInput({ name, value: filters[name], spellcheck: 'false', autocapitalize: 'none', ...attrs }) });
    errors.register(name, { ...group, label });
    return group;
  };
  const actor = field('actor', t('audit.actor'), t('audit.actorHint'));
  const recordType = field('recordType', t('audit.recordType'), t('audit.recordTypeHint'));
  const recordId = field('recordId', t('audit.recordId'), null);
  const action = field('action', t('audit.action'), t('audit.actionHint'));
  const from = field('from', t('audit.from'), t('audit.timeHint'), { type: 'datetime-local' });
  const to = field('to', t('audit.to'), t('audit.timeHint'), { type: 'datetime-local' });
  const form = h('form', { class: 'cw-search-form cw-audit-form', role: 'search', 'aria-label': t('audit.searchLabel'), novalidate: true },
    h('div', { class: 'cw-grid' }, actor.group, action.group, recordType.group, recordId.group, from.group, to.group),
    h('div', { class: 'cw-form-actions' },
      button(t('list.searchSubmit'), { type: 'submit', id: 'audit-search-submit' }),
      h('a', { class: 'cw-button cw-button--unstyled', href: '#/audit' }, t('audit.clear'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries([actor, recordType, recordId, action, from, to]
      .map((g) => [g.input.name, g.input.value.trim()]));
    const problems = [];
    for (const name of ['from', 'to']) {
      if (values[name] && toInstant(values[name]) === null) {
        problems.push({ field: name, message: t('audit.timeInvalid') });
      }
    }
    if (!problems.length && values.from && values.to && new Date(values.from) >= new Date(values.to)) {
      problems.push({ field: 'to', message: t('audit.toBeforeFrom') });
    }
    if (values.recordId && !values.recordType) {
      problems.push({ field: 'recordType', message: t('audit.recordTypeMissing') });
    }
    if (problems.length) {
      errors.show(problems);
      return;
    }
    navigate(buildHash(['audit'], { ...values, sort: `${sort.key},${sort.dir}`, page: 0 }), { focus: 'results-summary' });
  });

  let results = [];
  let serverErrors = null;
  if (searched) {
    try {
      const result = await searchPage(apiFilters(filters), page, sort.dir === 'asc');
      const items = (result && result.items) || [];
      const total = Number((result && result.total) || 0);
      const columns = [
        { key: 'at', label: t('audit.when'), sortable: true },
        { key: 'actor', label: t('audit.who') },
        { key: 'action', label: t('audit.action') },
        { key: 'record', label: t('audit.record') },
        { key: 'outcome', label: t('audit.outcome') },
        { key: 'changes', label: t('audit.changes') },
      ];
      const exportHref = apiUrl('/audit/export.csv', apiFilters(filters));
      results = [
        h('div', { class: 'cw-page-header' },
          resultsSummary(page, PAGE_SIZE, items.length, total, 'audit.noResults', 'audit.showing'),
          h('a', { class: 'cw-button cw-button--outline', href: exportHref, download: 'audit.csv', id: 'audit-export' }, t('audit.export'))),
        items.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'audit-table' },
          h('caption', { class: 'cw-sr-only' }, t('audit.caption')),
          h('thead', null, sortableHead(columns, sort, hashFor, 'audit')),
          h('tbody', null, items.map((e) => h('tr', { dataset: { entryId: e.id } },
            h('td', null, when(e.at)),
            h('td', null, e.actor || '', e.system ? [' ', tag(t('audit.system'), true)] : null,
              e.remoteAddress ? h('div', { class: 'cw-hint' }, e.remoteAddress) : null),
            h('td', null, e.action || ''),
            h('td', null, e.recordType
              ? h('a', { href: historyHref(e.recordType, e.recordId || '') }, `${e.recordType} ${e.recordId || ''}`.trim()) : ''),
            h('td', null, outcomeTag(e.outcome)),
            h('td', null, changeList(e.changes), e.detail ? h('div', { class: 'cw-audit-detail' }, e.detail) : null)))))) : null,
        pagination(page, PAGE_SIZE, total, (p) => hashFor({ page: p })),
      ];
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length) {
        serverErrors = error.fieldErrors;
      } else {
        throw error;
      }
    }
  }
  if (!ctx.alive()) {
    return;
  }
  ctx.render(
    h('h1', { tabindex: '-1' }, t('audit.title')),
    h('p', { class: 'cw-intro' }, t('audit.intro')),
    errorsHost, form,
    h('section', { 'aria-labelledby': 'audit-results-heading', id: 'audit-results' },
      h('h2', { id: 'audit-results-heading', class: 'cw-sr-only' }, t('audit.results')),
      searched ? results : h('p', { id: 'results-summary', tabindex: '-1' }, t('audit.searchFirst'))),
    verifySection());
  if (serverErrors) {
    errors.show(serverErrors);
  }
}

/** Reads every entry about one record, oldest first. */
async function recordEntries(recordType, recordId) {
  const items = [];
  for (let page = 0; items.length < HISTORY_LIMIT; page += 1) {
    const result = await api.get('/audit', { query: { recordType, recordId, page, size: HISTORY_PAGE } });
    const batch = (result && result.items) || [];
    items.push(...batch);
    if (batch.length < HISTORY_PAGE) {
      break;
    }
  }
  // Newest first from the API; the chain position (or id) gives the order the entries were written.
  return items.sort((a, b) => (Number(a.position ?? a.id) - Number(b.position ?? b.id)) || (a.id - b.id));
}

/** #/audit/history?recordType=&recordId= */
export async function auditHistoryPage(ctx) {
  if (!hasRole('auditor')) {
    ctx.render(h('h1', { tabindex: '-1' }, t('audit.title')), alertBox('error', t('error.forbidden'), { role: 'alert' }));
    return;
  }
  const recordType = ctx.query.recordType || '';
  const recordId = ctx.query.recordId || '';
  const crumbs = breadcrumbs([{ label: t('audit.title'), href: '#/audit' }, { label: t('audit.historyCrumb') }]);
  if (!recordType) {
    ctx.render(crumbs, h('h1', { tabindex: '-1' }, t('audit.historyTitleEmpty')), h('p', null, t('audit.historyNeedsRecord')));
    return;
  }
  const entries = await recordEntries(recordType, recordId);
  if (!ctx.alive()) {
    return;
  }
  const title = t('audit.historyTitle', { type: recordType, id: recordId });
  ctx.render(crumbs,
    h('div', { class: 'cw-page-header' },
      h('h1', { tabindex: '-1' }, title),
      buttonLink(t('audit.historySearch'), buildHash(['audit'], { recordType, recordId }), { variant: 'outline', id: 'history-search' })),
    h('p', { id: 'results-summary', tabindex: '-1' }, entries.length
      ? t('audit.historyCount', { count: entries.length }) : t('audit.historyNone')),
    entries.length ? h('ol', { class: 'cw-timeline', id: 'record-history' }, entries.map((e) => h('li', { class: 'cw-timeline__item', dataset: { entryId: e.id } },
      h('h2', { class: 'cw-timeline__heading' }, e.action || '', ' ', h('span', { class: 'cw-hint' }, t('audit.byAt', { who: e.actor || '', when: formatDateTime(e.at) }))),
      e.outcome && e.outcome !== 'success' ? h('p', null, outcomeTag(e.outcome)) : null,
      e.changes && e.changes.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table cw-table--compact' },
        h('caption', { class: 'cw-sr-only' }, t('audit.changesOf', { action: e.action || '', when: formatDateTime(e.at) })),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('audit.field')),
          h('th', { scope: 'col' }, t('audit.oldValue')),
          h('th', { scope: 'col' }, t('audit.newValue')))),
        h('tbody', null, e.changes.map((c) => h('tr', null,
          h('th', { scope: 'row' }, c.field),
          h('td', null, c.oldValue ?? ''),
          h('td', null, c.newValue ?? '')))))) : null,
      e.detail ? h('p', { class: 'cw-audit-detail' }, e.detail) : null))) : null);
}
