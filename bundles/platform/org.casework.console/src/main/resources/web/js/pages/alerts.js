// #/alerts and #/alerts/{id}: the security officer's list of security alerts, one alert's
// details, and acknowledging it with a comment.

import { h } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { hasRole } from '../session.js';
import { buildHash } from '../router.js';
import { alertBox, button, formGroup, textInput, textarea, select, FormErrors, pagination, tag } from '../components.js';
import { navigate } from '../app.js';
import { breadcrumbs, notFound, showConflict, submitting } from './common.js';
import {
  sortParam, pageParam, sortableHead, sortItems, resultsSummary, optionalGet, NOT_AVAILABLE, notAvailableBox, summaryList,
} from '../lists.js';

const PAGE_SIZE = 20;
const SORT_KEYS = ['raisedAt', 'rule', 'username', 'status'];
const STATUSES = ['open', 'acknowledged'];

function forbidden(ctx) {
  ctx.render(h('h1', { tabindex: '-1' }, t('alerts.title')), alertBox('error', t('error.forbidden'), { role: 'alert' }));
}

function statusTag(status) {
  return status === 'acknowledged' ? tag(t('alerts.status.acknowledged'), true) : tag(t('alerts.status.open'));
}

function alertHref(id) {
  return `#/alerts/${encodeURIComponent(id)}`;
}

/** #/alerts */
export async function alertsPage(ctx) {
  if (!hasRole('security-officer')) {
    forbidden(ctx);
    return;
  }
  // Open alerts unless the user chose otherwise; "all" is an explicit empty status.
  const status = ctx.query.status === undefined ? 'open' : (STATUSES.includes(ctx.query.status) ? ctx.query.status : 'all');
  const rule = ctx.query.rule || '';
  const user = ctx.query.user || '';
  const page = pageParam(ctx.query.page);
  const sort = sortParam(ctx.query.sort, SORT_KEYS, { key: 'raisedAt', dir: 'desc' });
  const hashFor = (changes) => buildHash(['alerts'], { status, rule, user, sort: `${sort.key},${sort.dir}`, page, ...changes });
  const result = await optionalGet('/alerts', { query: {
    status: status === 'all' ? '' : status, rule, user, page, size: PAGE_SIZE, sort: `${sort.key},${sort.dir}`,
  } });
  if (!ctx.alive()) {
    return;
  }
  const heading = h('h1', { tabindex: '-1' }, t('alerts.title'));
  if (result === NOT_AVAILABLE) {
    ctx.render(heading, notAvailableBox(t('alerts.notAvailable')));
    return;
  }
  // Sorted here as well, so a page is in the order shown even if the server keeps its own.
  const items = sortItems((result && result.items) || [], sort);
  const total = Number((result && result.total) || 0);

  const statusFilter = formGroup({ id: 'alert-status', label: t('alerts.statusFilter'),
    input: select([
      { value: 'open', label: t('alerts.status.open') },
      { value: 'acknowledged', label: t('alerts.status.acknowledged') },
      { value: 'all', label: t('alerts.status.all') },
    ], { name: 'status' }, null, status) });
  const ruleFilter = formGroup({ id: 'alert-rule', label: t('alerts.rule'),
    input: textInput({ name: 'rule', value: rule, spellcheck: 'false' }) });
  const userFilter = formGroup({ id: 'alert-user', label: t('alerts.user'),
    input: textInput({ name: 'user', value: user, spellcheck: 'false', autocapitalize: 'none' }) });
  const form = h('form', { class: 'cw-search-form', role: 'search', 'aria-label': t('alerts.searchLabel') },
    h('div', { class: 'cw-grid' }, statusFilter.group, ruleFilter.group, userFilter.group),
    h('div', { class: 'cw-form-actions' }, button(t('list.searchSubmit'), { type: 'submit', id: 'alert-search-submit' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(hashFor({ status: statusFilter.input.value, rule: ruleFilter.input.value.trim(),
      user: userFilter.input.value.trim(), page: 0 }), { focus: 'results-summary' });
  });

  const columns = [
    { key: 'raisedAt', label: t('alerts.raisedAt'), sortable: true },
    { key: 'rule', label: t('alerts.rule'), sortable: true },
    { key: 'username', label: t('alerts.user'), sortable: true },
    { key: 'summary', label: t('alerts.summary') },
    { key: 'status', label: t('alerts.statusColumn'), sortable: true },
  ];
  const table = items.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'alert-table' },
    h('caption', { class: 'cw-sr-only' }, t('alerts.caption')),
    h('thead', null, sortableHead(columns, sort, hashFor, 'alerts')),
    h('tbody', null, items.map((a) => h('tr', { dataset: { alertId: a.id } },
      h('td', null, h('a', { href: alertHref(a.id) }, a.raisedAt ? formatDateTime(a.raisedAt) : String(a.id))),
      h('td', null, a.rule || ''),
      h('td', null, a.username || ''),
      h('td', null, a.summary || ''),
      h('td', null, statusTag(a.status))))))) : null;

  ctx.render(heading, h('p', { class: 'cw-intro' }, t('alerts.intro')), form,
    resultsSummary(page, PAGE_SIZE, items.length, total, 'alerts.noResults', 'alerts.showing'),
    table,
    pagination(page, PAGE_SIZE, total, (p) => hashFor({ page: p })));
}

/** One alert: from GET /alerts/{id} when offered, else found in the list. */
async function findAlert(id) {
  try {
    return await api.get(`/alerts/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) {
      throw error;
    }
  }
  for (let page = 0; page < 50; page += 1) {
    const result = await optionalGet('/alerts', { query: { page, size: 100 } });
    if (result === NOT_AVAILABLE) {
      return NOT_AVAILABLE;
    }
    const items = (result && result.items) || [];
    const found = items.find((a) => String(a.id) === String(id));
    if (found) {
      return found;
    }
    if (items.length < 100) {
      return null;
    }
  }
  return null;
}

/** #/alerts/{id} */
export async function alertDetailPage(ctx) {
  if (!hasRole('security-officer')) {
    forbidden(ctx);
    return;
  }
  const found = await findAlert(ctx.params.id);
  if (!ctx.alive()) {
    return;
  }
  if (found === NOT_AVAILABLE) {
    ctx.render(h('h1', { tabindex: '-1' }, t('alerts.title')), notAvailableBox(t('alerts.notAvailable')));
    return;
  }
  if (!found) {
    notFound(ctx);
    return;
  }
  const a = found;
  const acknowledged = a.status === 'acknowledged';
  const facts = summaryList([
    [t('alerts.statusColumn'), statusTag(a.status)],
    [t('alerts.rule'), a.rule || ''],
    [t('alerts.user'), a.username || ''],
    [t('alerts.sourceAddress'), a.sourceAddress || t('value.none')],
    [t('alerts.raisedAt'), formatDateTime(a.raisedAt)],
    [t('alerts.detail'), h('span', { class: 'cw-audit-detail cw-pre-wrap' }, a.detail || a.summary || '')],
    acknowledged ? [t('alerts.acknowledgedBy'), t('audit.byAt', { who: a.acknowledgedBy || '', when: formatDateTime(a.acknowledgedAt) })] : null,
    acknowledged ? [t('alerts.comment'), a.comment || ''] : null,
  ], 'alert-facts');

  let acknowledge = null;
  if (a.status !== 'acknowledged') {
    const conflictHost = h('div');
    const errorsHost = h('div', { class: 'cw-form-errors' });
    const errors = new FormErrors(errorsHost);
    const comment = formGroup({ id: 'alert-comment', label: t('alerts.comment'), required: true, hint: t('alerts.commentHint'),
      input: textarea({ name: 'comment', rows: '3' }) });
    errors.register('comment', { ...comment, label: t('alerts.comment') });
    const form = h('form', { class: 'cw-form', novalidate: true, id: 'acknowledge-form' }, comment.group,
      h('div', { class: 'cw-form-actions' }, button(t('alerts.acknowledge'), { type: 'submit', id: 'acknowledge-submit' })));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!comment.input.value.trim()) {
        errors.show([{ field: 'comment', message: t('alerts.commentMissing') }]);
        return;
      }
      await submitting(form, errors, async () => {
        await api.post(`/alerts/${encodeURIComponent(a.id)}/acknowledge`, { json: { comment: comment.input.value.trim() } });
        navigate(location.hash, { flash: { type: 'success', text: t('alerts.acknowledged') } });
      }, () => showConflict(conflictHost, () => navigate(location.hash), { title: t('alerts.conflictTitle'), text: t('alerts.conflictText') }));
    });
    acknowledge = h('section', { class: 'cw-section', 'aria-labelledby': 'acknowledge-heading' },
      h('h2', { id: 'acknowledge-heading' }, t('alerts.acknowledgeHeading')), conflictHost, errorsHost, form);
  }
  ctx.render(
    breadcrumbs([{ label: t('alerts.title'), href: '#/alerts' }, { label: a.summary || a.rule || String(a.id) }]),
    h('h1', { tabindex: '-1' }, a.summary || a.rule || t('alerts.title')),
    facts, acknowledge);
}
