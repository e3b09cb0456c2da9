// The litigation module's console pages, shown inside the console's frame at #/m/litigation/...:
// an attorney's calendar (their own, another attorney's or an office's hearings and due dates by
// date), the due-date reminders sent to them, the iCalendar feed address, and for managers the
// workload of an attorney or an office. Everything goes through the module's REST API, which
// checks permissions and need-to-know; these pages only show what it answers.

import { h } from '/console/js/dom.js';
import { t, addMessages, hasMessage, formatDate, formatDateTime, formatNumber, humanize } from '/console/js/i18n.js';
import { api, ApiError, describeError } from '/console/js/api.js';
import { alertBox, button, formGroup, textInput, select, tag, pagination, FormErrors } from '/console/js/components.js';
import { summaryList } from '/console/js/lists.js';
import { buildHash } from '/console/js/router.js';
import { navigate } from '/console/js/app.js';

const KEY = 'litigation';
/** The navigation entry the server lists only for holders of litigation.workload:read. */
const WORKLOAD_MODULE = 'litigation-workload';
const CALENDAR_PAGE_SIZE = 50;
const REMINDER_PAGE_SIZE = 20;
const WORKLOAD_LIST_SIZE = 20;
const KINDS = ['hearing', 'due-date'];

/** The hash of one of this module's pages. */
export function hashOf(segments, query) {
  return buildHash(['m', KEY, ...segments], query);
}

/** The page for the rest of the path after #/m/litigation: the calendar (the default) and the others. */
export async function route(path) {
  await addMessages(`/console/${KEY}/i18n`);
  if (!document.getElementById('litigation-styles')) {
    document.head.append(h('link', { rel: 'stylesheet', href: `/console/${KEY}/litigation.css`, id: 'litigation-styles' }));
  }
  if (path.length === 0 || (path.length === 1 && path[0] === 'calendar')) {
    return { name: 'litigationCalendar', params: {}, page: calendarPage };
  }
  if (path.length === 1 && path[0] === 'reminders') {
    return { name: 'litigationReminders', params: {}, page: remindersPage };
  }
  if (path.length === 1 && path[0] === 'feed') {
    return { name: 'litigationFeed', params: {}, page: feedPage };
  }
  if (path.length === 1 && path[0] === 'workload') {
    return { name: 'litigationWorkload', params: {}, page: workloadPage };
  }
  return null;
}

// ---------------------------------------------------------------- shared pieces

function blank(value) {
  return value === null || value === undefined || String(value).trim() === '';
}

/** The query without empty values, as the API and the hash want it. */
function compact(query) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => !blank(v)));
}

function pageNumber(raw) {
  return Math.max(0, parseInt(raw || '0', 10) || 0);
}

/** A code such as MASTER_CALENDAR in the page's language when the bundle has it, else as words. */
function label(group, code) {
  const key = `litigation.${group}.${code}`;
  return hasMessage(key) ? t(key) : humanize(code);
}

/** Whether the server lists the workload entry for this user, i.e. they hold litigation.workload:read. */
async function mayReadWorkload() {
  try {
    const modules = await api.get('/console/modules');
    return Array.isArray(modules) && modules.some((m) => m && m.key === WORKLOAD_MODULE);
  } catch (error) {
    return false;
  }
}

/** The tabs between the module's pages; the current one marked for screen readers too. */
function tabs(current, workload) {
  const pages = ['calendar', 'reminders', 'feed'].concat(workload ? ['workload'] : []);
  return h('nav', { class: 'cw-tabs', 'aria-label': t('litigation.tabs.label') },
    h('ul', { class: 'cw-tabs__list' }, pages.map((p) => h('li', { class: 'cw-tabs__item' },
      h('a', {
        class: p === current ? 'cw-button cw-tabs__link' : 'cw-button cw-button--outline cw-tabs__link',
        href: hashOf([p]),
        id: `litigation-tab-${p}`,
        'aria-current': p === current ? 'page' : null,
      }, t(`litigation.tab.${p}`))))));
}

/**
 * The API's field errors in the page's language where this bundle knows the rule
 * (litigation.error.<field>.<rule>), else as the server wrote them; errors on fields the form does
 * not have (page, size) appear in the summary.
 */
function localized(errors) {
  return errors.map((e) => {
    const key = `litigation.error.${e.field}.${e.rule}`;
    return hasMessage(key) ? { ...e, message: t(key) } : e;
  });
}

/** Shows an API failure: field errors on the form, a refusal or anything else as one message. */
function showFailure(errors, error) {
  if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length) {
    errors.show(localized(error.fieldErrors));
  } else if (error instanceof ApiError && error.status === 403) {
    errors.show([{ field: null, message: t('litigation.forbidden') }]);
  } else {
    errors.show([{ field: null, message: describeError(error) }]);
  }
}

/** An answer fetched by a form before it changed the page's address, handed to that page once. */
let prefetched = null;

/**
 * Sends a filter form's query before changing the page: a refused query shows its errors on the
 * form as it stands, with the focus on the error summary, and nothing else changes; an accepted one
 * becomes the page's address (so it can be bookmarked and paged), and its answer is handed to the
 * page so the server is not asked twice.
 */
async function submitQuery(form, errors, hash, load, focus) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  errors.clear();
  try {
    const answer = await load();
    prefetched = { hash, answer };
    navigate(hash, { focus });
  } catch (error) {
    if (!(error && error.handled)) {
      showFailure(errors, error);
    }
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** The answer a form fetched for the current address, if any (only once). */
function takePrefetched() {
  const found = prefetched;
  prefetched = null;
  return found && found.hash === location.hash ? found.answer : null;
}

/** Loads a page's data unless its form already did; a failure is answered as {failure}. */
async function loadOrTake(load) {
  const taken = takePrefetched();
  if (taken) {
    return { answer: taken };
  }
  try {
    return { answer: await load() };
  } catch (error) {
    if (error && error.handled) {
      throw error;
    }
    return { failure: error };
  }
}

function dateInput(attrs) {
  return textInput({ type: 'date', ...attrs });
}

/** A form group registered with the error display under the name the API uses for the field. */
function field(errors, name, id, labelText, input, hint) {
  const made = formGroup({ id, label: labelText, input, hint });
  input.name = name;
  errors.register(name, { group: made.group, input: made.input, label: labelText });
  return made.group;
}

function caseLink(entry) {
  return entry.caseType && entry.caseId
    ? h('a', { href: `#/cases/${encodeURIComponent(entry.caseType)}/${entry.caseId}`, class: 'cw-case-link' }, entry.caseNumber)
    : entry.caseNumber || '';
}

/** What a calendar entry is, in words: "Hearing: Master calendar" or "Due date: Brief". */
function entryWhat(entry) {
  return h('span', null, h('strong', null, t(`litigation.kind.${entry.kind}`)), ': ',
    label(entry.kind === 'hearing' ? 'hearingType' : 'dueDateType', entry.type));
}

function entryDetails(entry) {
  const parts = [];
  if (entry.kind === 'hearing') {
    if (entry.location) {
      parts.push(t('litigation.calendar.where', { location: entry.location }));
    }
    if (entry.judge) {
      parts.push(t('litigation.calendar.judge', { judge: entry.judge }));
    }
  } else if (entry.description) {
    parts.push(entry.description);
  }
  return h('span', null, parts.join(' · '),
    entry.completed ? [parts.length ? ' ' : null, tag(t('litigation.calendar.completed'), true)] : null);
}

/** A table of calendar entries; withDate adds the day column (for lists not grouped by day). */
function entriesTable(id, caption, entries, withDate) {
  const columns = (withDate ? ['date'] : []).concat(['time', 'what', 'case', 'details', 'attorney', 'office']);
  return h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id },
    h('caption', { class: 'cw-sr-only' }, caption),
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, t(`litigation.column.${c}`))))),
    h('tbody', null, entries.map((e) => h('tr', { dataset: { kind: e.kind, entryId: String(e.id), caseId: String(e.caseId) } },
      withDate ? h('td', null, h('time', { datetime: e.date }, formatDate(e.date))) : null,
      h('td', null, e.time ? h('time', { datetime: `${e.date}T${e.time}` }, e.time) : t('litigation.calendar.allDay')),
      h('td', null, entryWhat(e)),
      h('td', null, caseLink(e), e.caseTitle ? h('div', { class: 'cw-hint' }, e.caseTitle) : null),
      h('td', null, entryDetails(e)),
      h('td', null, e.attorney || t('litigation.unassigned')),
      h('td', null, e.office || ''))))));
}

// ---------------------------------------------------------------- calendar

/** One page of the calendar the address's query asks for. */
function loadCalendar(q, page) {
  return api.get('/litigation/calendar', {
    query: compact({
      attorney: q.attorney, office: q.office, from: q.from, to: q.to, kind: q.kind,
      includeClosed: q.closed === 'true' ? 'true' : '', page, size: CALENDAR_PAGE_SIZE,
    }),
  });
}

async function calendarPage(ctx) {
  const q = ctx.query;
  const page = pageNumber(q.page);
  const workload = mayReadWorkload();
  const summaryHost = h('div');
  const errors = new FormErrors(summaryHost);

  const attorney = textInput({ value: q.attorney || '', autocomplete: 'off' });
  const office = textInput({ value: q.office || '', autocomplete: 'off' });
  const from = dateInput({ value: q.from || '' });
  const to = dateInput({ value: q.to || '' });
  const kind = select(KINDS.map((k) => ({ value: k, label: t(`litigation.kind.${k}`) })), {}, t('litigation.calendar.kindAll'), q.kind || '');
  const closed = h('input', { class: 'cw-checkbox__input', type: 'checkbox', id: 'cal-closed', name: 'includeClosed', checked: q.closed === 'true' });

  const form = h('form', { class: 'cw-form cw-filter-form', id: 'calendar-form', 'aria-labelledby': 'calendar-form-heading', novalidate: true },
    h('h2', { id: 'calendar-form-heading' }, t('litigation.calendar.whose')),
    h('p', { class: 'cw-hint', id: 'calendar-form-hint' }, t('litigation.calendar.whoseHint')),
    h('div', { class: 'cw-filter-row' },
      field(errors, 'attorney', 'cal-attorney', t('litigation.field.attorney'), attorney),
      field(errors, 'office', 'cal-office', t('litigation.field.office'), office)),
    h('div', { class: 'cw-filter-row' },
      field(errors, 'from', 'cal-from', t('litigation.field.from'), from, t('litigation.calendar.fromHint')),
      field(errors, 'to', 'cal-to', t('litigation.field.to'), to, t('litigation.calendar.toHint')),
      field(errors, 'kind', 'cal-kind', t('litigation.field.kind'), kind)),
    h('div', { class: 'cw-checkbox cw-form-group' }, closed, h('label', { class: 'cw-checkbox__label', for: 'cal-closed' }, t('litigation.field.includeClosed'))),
    h('button', { type: 'submit', class: 'cw-button', id: 'cal-submit' }, t('litigation.calendar.show')));
  attorney.setAttribute('aria-describedby', 'calendar-form-hint');
  office.setAttribute('aria-describedby', 'calendar-form-hint');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = compact({
      attorney: attorney.value.trim(), office: office.value.trim(), from: from.value, to: to.value,
      kind: kind.value, closed: closed.checked ? 'true' : '',
    });
    submitQuery(form, errors, hashOf(['calendar'], wanted), () => loadCalendar(wanted, 0), 'calendar-results-heading');
  });

  const whose = !blank(q.attorney) ? t('litigation.calendar.ofAttorney', { attorney: q.attorney })
    : !blank(q.office) ? t('litigation.calendar.ofOffice', { office: q.office }) : t('litigation.calendar.mine');
  const results = h('section', { 'aria-labelledby': 'calendar-results-heading', id: 'calendar-results' },
    h('h2', { id: 'calendar-results-heading', tabindex: '-1' }, whose));

  const { answer, failure } = await loadOrTake(() => loadCalendar(q, page));
  const workloadAllowed = await workload;
  if (!ctx.alive()) {
    return;
  }

  if (answer) {
    const items = answer.items || [];
    const total = Number(answer.total || 0);
    const first = total === 0 ? 0 : page * CALENDAR_PAGE_SIZE + 1;
    results.append(h('p', { class: 'cw-results-summary', id: 'results-summary' },
      total === 0 ? t('litigation.calendar.none')
        : t('litigation.calendar.showing', { from: formatNumber(first), to: formatNumber(page * CALENDAR_PAGE_SIZE + items.length), total: formatNumber(total) })));
    // One section per day, in the order the server sorted them (by date, then time).
    const days = [];
    for (const entry of items) {
      const last = days[days.length - 1];
      if (last && last.date === entry.date) {
        last.entries.push(entry);
      } else {
        days.push({ date: entry.date, entries: [entry] });
      }
    }
    results.append(...days.map((day) => h('section', { class: 'cw-calendar-day', dataset: { date: day.date }, 'aria-labelledby': `day-${day.date}` },
      h('h3', { id: `day-${day.date}` }, h('time', { datetime: day.date }, formatDate(day.date))),
      entriesTable(`calendar-day-${day.date}`, formatDate(day.date), day.entries, false))));
    const paging = pagination(page, CALENDAR_PAGE_SIZE, total, (p) => hashOf(['calendar'], { ...q, page: p }));
    if (paging) {
      results.append(paging);
    }
  }

  ctx.render(
    h('h1', { tabindex: '-1' }, t('litigation.calendar.title')),
    tabs('calendar', workloadAllowed),
    summaryHost,
    form,
    results);
  if (failure) {
    showFailure(errors, failure);
  }
}

// ---------------------------------------------------------------- reminders

async function remindersPage(ctx) {
  const page = pageNumber(ctx.query.page);
  const [answer, workloadAllowed] = await Promise.all([
    api.get('/litigation/reminders/mine', { query: { page, size: REMINDER_PAGE_SIZE } }),
    mayReadWorkload(),
  ]);
  if (!ctx.alive()) {
    return;
  }
  const items = answer.items || [];
  const total = Number(answer.total || 0);
  const first = total === 0 ? 0 : page * REMINDER_PAGE_SIZE + 1;
  const table = items.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'reminders-table' },
    h('caption', { class: 'cw-sr-only' }, t('litigation.reminders.title')),
    h('thead', null, h('tr', null, ['sent', 'dueOn', 'case', 'what', 'leadTime', 'emailed']
      .map((c) => h('th', { scope: 'col' }, t(`litigation.reminders.column.${c}`))))),
    h('tbody', null, items.map((r) => h('tr', { dataset: { reminderId: String(r.id), caseId: String(r.caseId) } },
      h('td', null, r.sentAt ? h('time', { datetime: r.sentAt }, formatDateTime(r.sentAt)) : ''),
      h('td', null, h('time', { datetime: r.dueOn }, formatDate(r.dueOn))),
      h('td', null, r.caseNumber || ''),
      h('td', null, label('dueDateType', r.type), r.description ? h('div', { class: 'cw-hint' }, r.description) : null),
      h('td', null, t('litigation.reminders.daysBefore', { days: formatNumber(r.daysBefore) })),
      h('td', null, r.emailed ? t('litigation.yes') : t('litigation.no'))))))) : null;

  ctx.render(
    h('h1', { tabindex: '-1' }, t('litigation.reminders.title')),
    tabs('reminders', workloadAllowed),
    h('p', null, t('litigation.reminders.intro')),
    h('p', { class: 'cw-results-summary', id: 'results-summary' }, total === 0 ? t('litigation.reminders.none')
      : t('litigation.reminders.showing', { from: formatNumber(first), to: formatNumber(page * REMINDER_PAGE_SIZE + items.length), total: formatNumber(total) })),
    table,
    pagination(page, REMINDER_PAGE_SIZE, total, (p) => hashOf(['reminders'], { page: p })));
}

// ---------------------------------------------------------------- calendar feed

async function feedPage(ctx) {
  const workloadAllowed = await mayReadWorkload();
  if (!ctx.alive()) {
    return;
  }
  const resultHost = h('div', { id: 'feed-result' });

  const show = (node) => {
    resultHost.replaceChildren(node);
    node.focus();
  };
  const failed = (error) => {
    if (!(error && error.handled)) {
      show(alertBox('error', describeError(error), { focusable: true, role: 'alert' }));
    }
  };

  const issue = button(t('litigation.feed.issue'), {
    id: 'feed-issue',
    onClick: async () => {
      issue.disabled = true;
      try {
        const token = await api.post('/litigation/calendar/feed-token');
        const url = `${location.origin}${token.path}`;
        const input = textInput({ id: 'feed-url', value: url, readonly: true, 'aria-describedby': 'feed-url-hint' });
        input.addEventListener('focus', () => input.select());
        show(alertBox('success', h('div', null,
          h('p', { class: 'cw-alert__text' }, t('litigation.feed.issued')),
          h('div', { class: 'cw-form-group' },
            h('label', { class: 'cw-label', for: 'feed-url' }, t('litigation.feed.url')),
            h('div', { class: 'cw-hint', id: 'feed-url-hint' }, t('litigation.feed.onlyOnce')),
            input)), { heading: t('litigation.feed.issuedTitle'), focusable: true, role: 'status' }));
      } catch (error) {
        failed(error);
      } finally {
        issue.disabled = false;
      }
    },
  });
  const revoke = button(t('litigation.feed.revoke'), {
    id: 'feed-revoke',
    variant: 'outline',
    onClick: async () => {
      revoke.disabled = true;
      try {
        const answer = await api.del('/litigation/calendar/feed-token');
        show(alertBox('info', answer && answer.revoked ? t('litigation.feed.revoked') : t('litigation.feed.noneToRevoke'),
          { focusable: true, role: 'status' }));
      } catch (error) {
        failed(error);
      } finally {
        revoke.disabled = false;
      }
    },
  });

  ctx.render(
    h('h1', { tabindex: '-1' }, t('litigation.feed.title')),
    tabs('feed', workloadAllowed),
    h('p', null, t('litigation.feed.intro')),
    h('p', null, t('litigation.feed.replaces')),
    h('div', { class: 'cw-button-group' }, issue, ' ', revoke),
    resultHost);
}

// ---------------------------------------------------------------- workload

/** The workload the address's query asks for. */
function loadWorkload(q) {
  return api.get('/litigation/workload', {
    query: compact({ attorney: q.attorney, office: q.office, asOf: q.asOf, size: WORKLOAD_LIST_SIZE }),
  });
}

async function workloadPage(ctx) {
  const q = ctx.query;
  const summaryHost = h('div');
  const errors = new FormErrors(summaryHost);
  const attorney = textInput({ value: q.attorney || '', autocomplete: 'off' });
  const office = textInput({ value: q.office || '', autocomplete: 'off' });
  const asOf = dateInput({ value: q.asOf || '' });
  const form = h('form', { class: 'cw-form cw-filter-form', id: 'workload-form', 'aria-labelledby': 'workload-form-heading', novalidate: true },
    h('h2', { id: 'workload-form-heading' }, t('litigation.workload.whose')),
    h('p', { class: 'cw-hint', id: 'workload-form-hint' }, t('litigation.workload.whoseHint')),
    h('div', { class: 'cw-filter-row' },
      field(errors, 'attorney', 'wl-attorney', t('litigation.field.attorney'), attorney),
      field(errors, 'office', 'wl-office', t('litigation.field.office'), office),
      field(errors, 'asOf', 'wl-as-of', t('litigation.field.asOf'), asOf, t('litigation.workload.asOfHint'))),
    h('button', { type: 'submit', class: 'cw-button', id: 'wl-submit' }, t('litigation.workload.show')));
  attorney.setAttribute('aria-describedby', 'workload-form-hint');
  office.setAttribute('aria-describedby', 'workload-form-hint');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = compact({ attorney: attorney.value.trim(), office: office.value.trim(), asOf: asOf.value });
    submitQuery(form, errors, hashOf(['workload'], wanted), () => loadWorkload(wanted), 'workload-results-heading');
  });

  // Without an attorney or an office the page is only the form (the API would refuse the question).
  const asked = !blank(q.attorney) || !blank(q.office);
  const { answer, failure } = asked ? await loadOrTake(() => loadWorkload(q)) : {};
  if (!ctx.alive()) {
    return;
  }
  if (failure instanceof ApiError && failure.status === 403) {
    ctx.render(h('h1', { tabindex: '-1' }, t('litigation.workload.title')),
      tabs('workload', false),
      alertBox('warning', t('litigation.workload.forbidden'), { role: 'status' }));
    return;
  }

  const results = answer ? workloadResults(answer) : null;
  ctx.render(
    h('h1', { tabindex: '-1' }, t('litigation.workload.title')),
    tabs('workload', true),
    summaryHost,
    form,
    results);
  if (failure) {
    showFailure(errors, failure);
  }
}

function workloadResults(w) {
  const whose = w.attorney ? t('litigation.workload.ofAttorney', { attorney: w.attorney, asOf: formatDate(w.asOf) })
    : t('litigation.workload.ofOffice', { office: w.office, asOf: formatDate(w.asOf) });
  const counts = summaryList([
    [t('litigation.workload.openCases'), h('span', { id: 'wl-open-cases' }, formatNumber(w.openCases))],
    [t('litigation.workload.upcomingHearings'), h('span', { id: 'wl-upcoming-hearings' }, formatNumber(w.upcomingHearings))],
    [t('litigation.workload.overdueDueDates'), h('span', { id: 'wl-overdue' }, formatNumber(w.overdueDueDates))],
  ], 'workload-counts');

  const byAttorney = (w.byAttorney || []).length ? h('section', { 'aria-labelledby': 'wl-by-attorney-heading' },
    h('h3', { id: 'wl-by-attorney-heading' }, t('litigation.workload.byAttorney')),
    h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'wl-by-attorney' },
      h('caption', { class: 'cw-sr-only' }, t('litigation.workload.byAttorney')),
      h('thead', null, h('tr', null, ['attorney', 'openCases', 'upcomingHearings', 'overdueDueDates']
        .map((c) => h('th', { scope: 'col' }, t(`litigation.workload.column.${c}`))))),
      h('tbody', null, w.byAttorney.map((c) => h('tr', { dataset: { attorney: c.attorney || '' } },
        h('th', { scope: 'row' }, c.attorney
          ? h('a', { href: hashOf(['workload'], compact({ attorney: c.attorney, asOf: w.asOf })) }, c.attorney)
          : t('litigation.unassigned')),
        h('td', null, formatNumber(c.openCases)),
        h('td', null, formatNumber(c.upcomingHearings)),
        h('td', null, formatNumber(c.overdueDueDates)))))))) : null;

  const cases = h('section', { 'aria-labelledby': 'wl-cases-heading' },
    h('h3', { id: 'wl-cases-heading' }, t('litigation.workload.cases')),
    (w.cases || []).length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'wl-cases' },
      h('caption', { class: 'cw-sr-only' }, t('litigation.workload.cases')),
      h('thead', null, h('tr', null, ['case', 'title', 'status', 'attorney', 'office', 'opened']
        .map((c) => h('th', { scope: 'col' }, t(`litigation.column.${c}`))))),
      h('tbody', null, w.cases.map((c) => h('tr', { dataset: { caseId: String(c.id) } },
        h('td', null, h('a', { href: `#/cases/${encodeURIComponent(c.type)}/${c.id}` }, c.number)),
        h('td', null, c.title || ''),
        h('td', null, humanize(c.status)),
        h('td', null, c.attorney || t('litigation.unassigned')),
        h('td', null, c.office || ''),
        h('td', null, c.openedAt ? h('time', { datetime: c.openedAt }, formatDateTime(c.openedAt)) : ''))))))
      : h('p', null, t('litigation.workload.noCases')));

  const hearings = h('section', { 'aria-labelledby': 'wl-hearings-heading' },
    h('h3', { id: 'wl-hearings-heading' }, t('litigation.workload.hearings')),
    (w.hearings || []).length ? entriesTable('wl-hearings', t('litigation.workload.hearings'), w.hearings, true)
      : h('p', null, t('litigation.workload.noHearings')));
  const overdue = h('section', { 'aria-labelledby': 'wl-overdue-heading' },
    h('h3', { id: 'wl-overdue-heading' }, t('litigation.workload.overdue')),
    (w.overdue || []).length ? entriesTable('wl-overdue-list', t('litigation.workload.overdue'), w.overdue, true)
      : h('p', null, t('litigation.workload.noOverdue')));

  return h('section', { 'aria-labelledby': 'workload-results-heading', id: 'workload-results' },
    h('h2', { id: 'workload-results-heading', tabindex: '-1' }, whose),
    counts,
    h('p', { class: 'cw-hint' }, t('litigation.workload.listed', { size: formatNumber(WORKLOAD_LIST_SIZE) })),
    byAttorney, cases, hearings, overdue);
}

// ---------------------------------------------------------------- section on the case page

/**
 * The case records of each kind, read-only, with the columns the section shows (the property,
 * and how it is shown: `date`, `instant`, `code` for an option translated or put into words).
 */
const RECORD_KINDS = [
  { kind: 'people', columns: [['role', 'code'], ['fullName'], ['aliases', 'list'], ['organisation']] },
  { kind: 'phase-notes', columns: [['phase', 'code'], ['text'], ['createdAt', 'instant'], ['createdBy']] },
  { kind: 'memoranda', columns: [['title'], ['status', 'code'], ['updatedAt', 'instant'], ['updatedBy']] },
  { kind: 'actions', columns: [['level', 'code'], ['date', 'date'], ['action'], ['disposition'], ['decisionMaker']] },
  { kind: 'applications', columns: [['type'], ['receivedDate', 'date'], ['filedDate', 'date'], ['decision', 'code'], ['decisionDate', 'date']] },
  { kind: 'visas', columns: [['visaType'], ['status', 'code'], ['visaNumber'], ['issueDate', 'date'], ['expiryDate', 'date']] },
  { kind: 'a-file-transfers', columns: [['date', 'date'], ['fromLocation'], ['toLocation']], types: ['immigration-case'] },
];
const RECORDS_SHOWN = 50;

function recordValue(record, [property, how]) {
  const value = record[property];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return '';
  }
  switch (how) {
    case 'date': return h('time', { datetime: value }, formatDate(value));
    case 'instant': return h('time', { datetime: value }, formatDateTime(value));
    case 'code': return label('value', value);
    case 'list': return value.join(', ');
    default: return String(value);
  }
}

/**
 * The section this module adds to the generic case page of an immigration, federal or
 * administrative case (the console calls it; see ConsoleModule#caseSections): every kind of case
 * record, read-only, the first 50 of each. A list the caller may not read is left out.
 */
export async function caseSection({ type, id }) {
  await addMessages(`/console/${KEY}/i18n`);
  const kinds = RECORD_KINDS.filter((k) => !k.types || k.types.includes(type));
  const pages = await Promise.all(kinds.map((k) => api.get(`/litigation/cases/${encodeURIComponent(id)}/${k.kind}`,
    { query: { page: 0, size: RECORDS_SHOWN } }).catch((error) => {
    if (error && error.handled) {
      throw error;
    }
    return { error };
  })));
  const parts = kinds.map((k, i) => {
    const answer = pages[i];
    const headingId = `lit-records-${k.kind}-heading`;
    const title = t(`litigation.records.${k.kind}`);
    let body;
    if (answer.error) {
      body = answer.error instanceof ApiError && (answer.error.status === 403 || answer.error.status === 404)
        ? h('p', { class: 'cw-hint' }, t('litigation.records.notShown'))
        : alertBox('error', describeError(answer.error));
    } else if (!(answer.items || []).length) {
      body = h('p', { class: 'cw-hint' }, t('litigation.records.none'));
    } else {
      const total = Number(answer.total || 0);
      body = [h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: `lit-records-${k.kind}` },
        h('caption', { class: 'cw-sr-only' }, title),
        h('thead', null, h('tr', null, k.columns.map(([property]) => h('th', { scope: 'col' }, t(`litigation.records.column.${property}`))))),
        h('tbody', null, answer.items.map((record) => h('tr', { dataset: { recordId: String(record.id) } },
          k.columns.map((column) => h('td', null, recordValue(record, column)))))))),
      total > answer.items.length ? h('p', { class: 'cw-hint' }, t('litigation.records.firstOf', { shown: formatNumber(answer.items.length), total: formatNumber(total) })) : null];
    }
    return h('section', { 'aria-labelledby': headingId, dataset: { records: k.kind } }, h('h3', { id: headingId }, title), body);
  });
  return h('section', { class: 'cw-section', id: 'case-litigation-records', 'aria-labelledby': 'case-litigation-records-heading' },
    h('h2', { id: 'case-litigation-records-heading' }, t('litigation.records.title')),
    h('p', { class: 'cw-hint' }, t('litigation.records.intro')),
    parts);
}
