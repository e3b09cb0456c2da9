// The work on one case, shown on the case page: time spent (with totals per person and a form to
// record one's own time), the people working on the case and its dated events. The engine serves
// them for every case type; a list the user may not read is simply not shown.

import { h } from '../dom.js';
import { t, formatDate, formatDateTime } from '../i18n.js';
import { api, describeError } from '../api.js';
import { alertBox, button, formGroup, textInput, FormErrors } from '../components.js';
import { refresh } from '../app.js';
import { submitting } from './common.js';

function section(id, title, ...content) {
  return h('section', { class: 'cw-section', 'aria-labelledby': `${id}-heading`, id },
    h('h2', { id: `${id}-heading` }, title), content);
}

function load(path) {
  return api.get(path).then((value) => value, (error) => {
    if (error && error.handled) {
      throw error;
    }
    return { error };
  });
}

function failed(result) {
  return alertBox('error', describeError(result.error), { role: 'alert' });
}

function duration(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return t('work.duration', { hours: String(hours), minutes: String(rest).padStart(2, '0') });
}

function table(id, caption, headings, rows) {
  return h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table cw-table--compact', id },
    h('caption', { class: 'cw-sr-only' }, caption),
    h('thead', null, h('tr', null, headings.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', null, rows)));
}

function timeForm(base) {
  const today = new Date().toISOString().slice(0, 10);
  const date = formGroup({ id: 'time-date', label: t('work.timeDate'), input: textInput({ name: 'workDate', type: 'date', value: today }) });
  const minutes = formGroup({ id: 'time-minutes', label: t('work.timeMinutes'), input: textInput({ name: 'minutes', inputmode: 'numeric' }) });
  const activity = formGroup({ id: 'time-activity', label: t('work.timeActivity'), input: textInput({ name: 'activity', maxlength: '500' }) });
  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const form = h('form', { class: 'cw-form cw-form--inline', id: 'time-form', novalidate: true },
    errorsHost, [date.group, minutes.group, activity.group],
    h('div', { class: 'cw-form-actions' }, button(t('work.timeSubmit'), { type: 'submit', id: 'time-submit' })));
  errors.register('workDate', { ...date, label: t('work.timeDate') });
  errors.register('minutes', { ...minutes, label: t('work.timeMinutes') });
  errors.register('activity', { ...activity, label: t('work.timeActivity') });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = minutes.input.value.trim();
    if (!/^\d+$/.test(value)) {
      errors.show([{ field: 'minutes', message: t('work.timeMinutesInvalid') }]);
      return;
    }
    submitting(form, errors, async () => {
      await api.post(`${base}/time-entries`, {
        json: { workDate: date.input.value, minutes: Number(value), activity: activity.input.value },
      });
      refresh({ flash: { type: 'success', text: t('work.timeAdded') } });
    });
  });
  return form;
}

/** The sections for the case at {@code base}, e.g. {@code /cases/project/42}. */
export async function workSections(base, canUpdate) {
  const [entries, totals, members, events] = await Promise.all([
    load(`${base}/time-entries?size=50`), load(`${base}/time-entries/totals`), load(`${base}/members`),
    load(`${base}/events`)]);

  let timeContent;
  if (entries.error) {
    timeContent = failed(entries);
  } else if (entries.items.length === 0) {
    timeContent = h('p', { class: 'cw-muted' }, t('work.noTime'));
  } else {
    timeContent = [
      totals.error ? null : h('p', { id: 'time-total' }, t('work.timeTotal', {
        total: duration(totals.totalMinutes),
        people: totals.byPerson.map((p) => `${p.person} ${duration(p.minutes)}`).join(', '),
      })),
      table('time-table', t('work.timeSection'), [t('work.timeDate'), t('work.timePerson'), t('work.timeSpent'),
        t('work.timeActivity')], entries.items.map((e) => h('tr', null,
        h('td', null, formatDate(e.workDate)), h('td', null, e.person), h('td', null, duration(e.minutes)),
        h('td', null, e.activity))))];
  }

  let teamContent;
  if (members.error) {
    teamContent = failed(members);
  } else if (members.length === 0) {
    teamContent = h('p', { class: 'cw-muted' }, t('work.noTeam'));
  } else {
    teamContent = h('ul', { class: 'cw-link-list', id: 'team-list' }, members.map((m) => h('li', null,
      t('work.member', { person: m.person, role: m.role }))));
  }

  let eventsContent;
  if (events.error) {
    eventsContent = failed(events);
  } else if (events.length === 0) {
    eventsContent = h('p', { class: 'cw-muted' }, t('work.noEvents'));
  } else {
    eventsContent = table('events-table', t('work.eventsSection'), [t('work.eventDate'), t('work.eventKind'),
      t('work.eventDescription'), t('work.eventAdded')], events.map((e) => h('tr', null,
      h('td', null, formatDate(e.eventDate)), h('td', null, e.kind), h('td', null, e.description),
      h('td', null, `${e.createdBy}, ${formatDateTime(e.createdAt)}`))));
  }

  return [
    section('case-time', t('work.timeSection'), timeContent, canUpdate ? timeForm(base) : null),
    section('case-team', t('work.teamSection'), teamContent),
    section('case-events', t('work.eventsSection'), eventsContent)];
}
