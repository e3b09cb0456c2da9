// #/cases/{type}/{id}: one case with its fields, status and workflow actions, assignment, notes,
// attachments, links, time spent, team, events (case-work.js), the sections installed modules add
// (modules.js) and history.

import { h } from '../dom.js';
import { t, formatDateTime, formatBytes, hasMessage, humanize } from '../i18n.js';
import { api, apiUrl, ApiError, describeError } from '../api.js';
import { may, stateOf, transitionsFrom } from '../casetypes.js';
import { alertBox, button, buttonLink, formGroup, textInput, textarea, select, tag, FormErrors } from '../components.js';
import { formatValue } from '../fields.js';
import { refresh } from '../app.js';
import { hasRole } from '../session.js';
import { breadcrumbs, showConflict, submitting, pageCaseType, pageCase } from './common.js';
import { workSections } from './case-work.js';
import { caseSectionsFor } from '../modules.js';

const RELATIONS = ['related', 'duplicate-of', 'follows'];

function none() {
  return h('span', { class: 'cw-muted' }, t('value.none'));
}

function summaryRow(label, value) {
  return h('div', { class: 'cw-summary__row' },
    h('dt', { class: 'cw-summary__term' }, label),
    h('dd', { class: 'cw-summary__value' }, value === null || value === undefined || value === '' ? none() : value));
}

function when(instant) {
  return instant ? h('time', { datetime: instant }, formatDateTime(instant)) : null;
}

function section(id, title, ...content) {
  return h('section', { class: 'cw-section', 'aria-labelledby': `${id}-heading`, id },
    h('h2', { id: `${id}-heading` }, title), content);
}

function loadList(path) {
  return api.get(path).then((list) => (Array.isArray(list) ? list : []), (error) => {
    if (error && error.handled) {
      throw error;
    }
    return { error };
  });
}

function listError(result) {
  return alertBox('error', describeError(result.error), { role: 'alert' });
}

/** A small form in a section: its own error summary above its fields. */
function sectionForm(id, groups, actions) {
  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const form = h('form', { class: 'cw-form cw-form--inline', id, novalidate: true },
    errorsHost, groups, h('div', { class: 'cw-form-actions' }, actions));
  return { form, errors, errorsHost };
}

function historyValue(definition, entry, raw) {
  if (raw === null || raw === undefined || raw === '') {
    return '';
  }
  let value = raw;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    value = raw;
  }
  if (entry.field === 'status') {
    return stateOf(definition, value).label;
  }
  const field = definition.fields.find((f) => f.key === entry.field);
  if (field) {
    const shown = formatValue(field, value, true);
    return shown === null ? '' : shown;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Where an authoritative value came from, for the line under it. */
function provenanceNote(field, provenance, hasValue) {
  if (!field.authoritativeSource || !hasValue) {
    return null;
  }
  const p = provenance || {};
  let text;
  if (p.origin === 'SOURCE') {
    text = t('provenance.source', { source: p.source, when: p.fetchedAt ? formatDateTime(p.fetchedAt) : '' });
  } else if (p.origin === 'CORRECTED') {
    text = t('provenance.corrected', { who: p.recordedBy || '', when: p.recordedAt ? formatDateTime(p.recordedAt) : '',
      reason: p.reason || '', source: p.source });
  } else if (p.origin === 'ENTERED') {
    text = t('provenance.entered', { who: p.recordedBy || '', when: p.recordedAt ? formatDateTime(p.recordedAt) : '',
      source: p.source });
  } else {
    text = t('provenance.owned', { source: field.authoritativeSource });
  }
  return h('span', { class: 'cw-provenance', dataset: { provenance: field.key, origin: p.origin || '' } }, text);
}

function fieldValue(field, value, provenance) {
  const shown = formatValue(field, value);
  const note = provenanceNote(field, provenance, value !== null && value !== undefined && value !== '');
  if (!note) {
    return shown;
  }
  return h('span', null, shown === null || shown === '' ? none() : shown, h('br'), note);
}

/** Administrators only: set an owned field over what its source said, with a reason. */
function correctionSection(definition, record, base) {
  const owned = definition.fields.filter((f) => f.authoritativeSource && f.readable !== false);
  if (!owned.length || !hasRole('admin')) {
    return null;
  }
  const field = formGroup({ id: 'correction-field', label: t('correction.field'),
    input: select(owned.map((f) => ({ value: f.key, label: `${f.label} (${f.authoritativeSource})` })), { name: 'field' }) });
  const value = formGroup({ id: 'correction-value', label: t('correction.value'), hint: t('correction.valueHint'),
    input: textInput({ name: 'value' }) });
  const reason = formGroup({ id: 'correction-reason', label: t('correction.reason'), hint: t('correction.reasonHint'),
    input: textarea({ name: 'reason', rows: '3' }) });
  const f = sectionForm('correction-form', [field.group, value.group, reason.group],
    button(t('correction.submit'), { type: 'submit', id: 'correction-submit' }));
  f.errors.register('value', { ...value, label: t('correction.value') });
  f.errors.register('reason', { ...reason, label: t('correction.reason') });
  f.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!reason.input.value.trim()) {
      f.errors.show([{ field: 'reason', message: t('correction.reasonMissing') }]);
      return;
    }
    submitting(f.form, f.errors, async () => {
      await api.post(`${base}/fields/${encodeURIComponent(field.input.value)}/correction`, {
        json: { version: record.version, value: value.input.value.trim() || null, reason: reason.input.value },
      });
      refresh({ flash: { type: 'success', text: t('correction.done') } });
    }, () => showConflict(f.errorsHost, () => refresh()));
  });
  return section('case-correction', t('correction.section'), h('p', { class: 'cw-hint' }, t('correction.intro')), f.form);
}

export async function caseDetailPage(ctx) {
  const definition = await pageCaseType(ctx);
  if (!definition) {
    return;
  }
  const base = `/cases/${encodeURIComponent(definition.key)}/${ctx.params.id}`;
  const record = await pageCase(ctx, base);
  if (!record) {
    return;
  }
  const [notes, attachments, links, history] = await Promise.all([
    loadList(`${base}/notes`), loadList(`${base}/attachments`), loadList(`${base}/links`), loadList(`${base}/history`)]);
  const [work, moduleSections] = await Promise.all([
    workSections(base, may(definition, 'UPDATE')),
    caseSectionsFor(definition.key, { id: record.id, record, definition })]);
  if (!ctx.alive()) {
    return;
  }
  const canUpdate = may(definition, 'UPDATE');
  const state = stateOf(definition, record.status);
  const typeHash = `#/cases/${encodeURIComponent(definition.key)}`;
  const fieldsOf = record.fields || {};

  // Details.
  const details = section('case-details', t('detail.details'),
    h('dl', { class: 'cw-summary' },
      // Fields this user may not read are neither sent by the server nor listed here.
      definition.fields.filter((field) => field.readable !== false)
        .map((field) => summaryRow(field.label, fieldValue(field, fieldsOf[field.key], (record.provenance || {})[field.key]))),
      summaryRow(t('detail.status'), state.label),
      summaryRow(t('detail.assignee'), record.assignee),
      summaryRow(t('detail.team'), record.team),
      summaryRow(t('detail.opened'), record.createdAt ? t('detail.byOn', { who: record.createdBy || '', when: formatDateTime(record.createdAt) }) : null),
      summaryRow(t('detail.changed'), record.updatedAt ? t('detail.byOn', { who: record.updatedBy || '', when: formatDateTime(record.updatedAt) }) : null),
      summaryRow(t('detail.referenceId'), String(record.id))));

  // Workflow.
  const transitions = canUpdate ? transitionsFrom(definition, record.status) : [];
  let workflow;
  if (transitions.length) {
    const needComment = transitions.filter((tr) => tr.commentRequired).map((tr) => tr.label);
    const comment = formGroup({ id: 'transition-comment', label: t('detail.transitionComment'),
      hint: needComment.length ? t('detail.transitionCommentRequired', { actions: needComment.join(', ') }) : t('detail.transitionCommentHint'),
      input: textarea({ name: 'comment', rows: '3' }) });
    const buttons = transitions.map((tr) => button(tr.label, {
      id: `transition-${tr.key}`, variant: 'outline', dataset: { transition: tr.key },
    }));
    const f = sectionForm('transition-form', [comment.group], buttons);
    f.errors.register('comment', { ...comment, label: t('detail.transitionComment') });
    buttons.forEach((b, i) => b.addEventListener('click', () => submitting(f.form, f.errors, async () => {
      const tr = transitions[i];
      await api.post(`${base}/transitions`, {
        json: { transition: tr.key, version: record.version, comment: comment.input.value.trim() || null },
      });
      refresh({ flash: { type: 'success', text: t('detail.transitionDone', { action: tr.label }) } });
    }, () => showConflict(f.errorsHost, () => refresh()))));
    f.form.addEventListener('submit', (event) => event.preventDefault());
    workflow = section('case-status', t('detail.statusSection'),
      h('p', null, t('detail.currentStatus'), ' ', tag(state.label, record.closed || state.closed)),
      f.form);
  } else {
    workflow = section('case-status', t('detail.statusSection'),
      h('p', null, t('detail.currentStatus'), ' ', tag(state.label, record.closed || state.closed)),
      h('p', { class: 'cw-muted' }, t('detail.noTransitions')));
  }

  // Assignment.
  let assignment = null;
  if (canUpdate) {
    const assignee = formGroup({ id: 'assign-assignee', label: t('detail.assignee'), hint: t('detail.assigneeHint'),
      input: textInput({ name: 'assignee', spellcheck: 'false', value: record.assignee || '' }) });
    const team = formGroup({ id: 'assign-team', label: t('detail.team'),
      input: textInput({ name: 'team', value: record.team || '' }) });
    const f = sectionForm('assignment-form', [assignee.group, team.group],
      button(t('detail.assignSubmit'), { type: 'submit', id: 'assign-submit' }));
    f.errors.register('assignee', { ...assignee, label: t('detail.assignee') });
    f.errors.register('team', { ...team, label: t('detail.team') });
    f.form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitting(f.form, f.errors, async () => {
        await api.put(`${base}/assignment`, {
          json: { version: record.version, assignee: assignee.input.value.trim() || null, team: team.input.value.trim() || null },
        });
        refresh({ flash: { type: 'success', text: t('detail.assigned') } });
      }, () => showConflict(f.errorsHost, () => refresh()));
    });
    assignment = section('case-assignment', t('detail.assignmentSection'), f.form);
  }

  // Notes.
  let notesContent;
  if (notes.error) {
    notesContent = listError(notes);
  } else if (notes.length === 0) {
    notesContent = h('p', { class: 'cw-muted' }, t('detail.noNotes'));
  } else {
    notesContent = h('ol', { class: 'cw-notes', id: 'notes-list' }, notes.map((note) => h('li', { class: 'cw-note' },
      h('p', { class: 'cw-note__text cw-pre-wrap' }, note.text),
      h('p', { class: 'cw-note__meta' }, t('detail.byOn', { who: note.createdBy || '', when: formatDateTime(note.createdAt) })))));
  }
  let noteForm = null;
  if (canUpdate) {
    const text = formGroup({ id: 'note-text', label: t('detail.noteText'), input: textarea({ name: 'text', rows: '4' }) });
    const f = sectionForm('note-form', [text.group], button(t('detail.noteSubmit'), { type: 'submit', id: 'note-submit' }));
    f.errors.register('text', { ...text, label: t('detail.noteText') });
    f.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!text.input.value.trim()) {
        f.errors.show([{ field: 'text', message: t('detail.noteMissing') }]);
        return;
      }
      submitting(f.form, f.errors, async () => {
        await api.post(`${base}/notes`, { json: { text: text.input.value } });
        refresh({ flash: { type: 'success', text: t('detail.noteAdded') } });
      });
    });
    noteForm = f.form;
  }

  // Attachments.
  let attachmentsContent;
  if (attachments.error) {
    attachmentsContent = listError(attachments);
  } else if (attachments.length === 0) {
    attachmentsContent = h('p', { class: 'cw-muted' }, t('detail.noAttachments'));
  } else {
    attachmentsContent = h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'attachments-table' },
      h('caption', { class: 'cw-sr-only' }, t('detail.attachmentsSection')),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('detail.fileName')), h('th', { scope: 'col' }, t('detail.fileType')),
        h('th', { scope: 'col' }, t('detail.fileSize')), h('th', { scope: 'col' }, t('detail.addedBy')))),
      h('tbody', null, attachments.map((a) => h('tr', null,
        h('th', { scope: 'row' }, h('a', { href: apiUrl(`${base}/attachments/${a.id}/content`), download: a.fileName || true }, a.fileName)),
        h('td', null, a.contentType || ''),
        h('td', null, formatBytes(a.size)),
        h('td', null, t('detail.byOn', { who: a.createdBy || '', when: formatDateTime(a.createdAt) })))))));
  }
  let uploadForm = null;
  if (canUpdate) {
    const file = formGroup({ id: 'attachment-file', label: t('detail.fileChoose'), hint: t('detail.fileHint'),
      input: h('input', { type: 'file', name: 'file', class: 'cw-file-input' }) });
    const f = sectionForm('attachment-form', [file.group], button(t('detail.fileSubmit'), { type: 'submit', id: 'attachment-submit' }));
    f.errors.register('file', { ...file, label: t('detail.fileChoose') });
    f.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = file.input.files && file.input.files[0];
      if (!chosen) {
        f.errors.show([{ field: 'file', message: t('detail.fileMissing') }]);
        return;
      }
      submitting(f.form, f.errors, async () => {
        try {
          await api.post(`${base}/attachments`, {
            body: chosen, contentType: chosen.type || 'application/octet-stream', query: { fileName: chosen.name },
          });
        } catch (error) {
          // Whatever field the server names, the file input is what the user can change.
          if (error instanceof ApiError && error.fieldErrors.length) {
            error.problem.errors = error.fieldErrors.map((e) => ({ ...e, field: 'file' }));
          }
          throw error;
        }
        refresh({ flash: { type: 'success', text: t('detail.fileAdded', { name: chosen.name }) } });
      });
    });
    uploadForm = f.form;
  }

  // Links.
  let linksContent;
  if (links.error) {
    linksContent = listError(links);
  } else if (links.length === 0) {
    linksContent = h('p', { class: 'cw-muted' }, t('detail.noLinks'));
  } else {
    linksContent = h('ul', { class: 'cw-link-list', id: 'links-list' }, links.map((link) => h('li', null,
      relationLabel(link.relation), ': ',
      link.otherNumber
        ? h('a', { href: `#/cases/${encodeURIComponent(link.otherType)}/${link.otherCaseId}` }, link.otherNumber)
        : h('span', { class: 'cw-muted' }, t('detail.linkHidden')))));
  }
  let linkForm = null;
  if (canUpdate) {
    const other = formGroup({ id: 'link-other', label: t('detail.linkOther'), hint: t('detail.linkOtherHint'),
      input: textInput({ name: 'otherCaseId', inputmode: 'numeric', class: 'cw-input cw-input--small' }) });
    const relation = formGroup({ id: 'link-relation', label: t('detail.linkRelation'),
      input: select(RELATIONS.map((r) => ({ value: r, label: relationLabel(r) })), { name: 'relation' }) });
    const f = sectionForm('link-form', [other.group, relation.group], button(t('detail.linkSubmit'), { type: 'submit', id: 'link-submit' }));
    f.errors.register('otherCaseId', { ...other, label: t('detail.linkOther') });
    f.errors.register('relation', { ...relation, label: t('detail.linkRelation') });
    f.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const id = other.input.value.trim();
      if (!/^[0-9]+$/.test(id)) {
        f.errors.show([{ field: 'otherCaseId', message: t('detail.linkOtherInvalid') }]);
        return;
      }
      submitting(f.form, f.errors, async () => {
        await api.post(`${base}/links`, { json: { otherCaseId: Number(id), relation: relation.input.value } });
        refresh({ flash: { type: 'success', text: t('detail.linkAdded') } });
      });
    });
    linkForm = f.form;
  }

  // History.
  let historyContent;
  if (history.error) {
    historyContent = listError(history);
  } else if (history.length === 0) {
    historyContent = h('p', { class: 'cw-muted' }, t('detail.noHistory'));
  } else {
    historyContent = h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table cw-table--compact', id: 'history-table' },
      h('caption', { class: 'cw-sr-only' }, t('detail.historySection')),
      h('thead', null, h('tr', null,
        [t('detail.historyWhen'), t('detail.historyWho'), t('detail.historyWhat'), t('detail.historyField'),
          t('detail.historyFrom'), t('detail.historyTo')].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', null, history.map((entry) => h('tr', null,
        h('td', null, when(entry.at)),
        h('td', null, entry.actor || ''),
        h('td', null, hasMessage(`history.action.${entry.action}`) ? t(`history.action.${entry.action}`) : humanize(entry.action),
          entry.detail ? h('span', { class: 'cw-history-detail' }, h('br'), entry.detail) : null),
        h('td', null, fieldLabel(definition, entry.field)),
        h('td', null, historyValue(definition, entry, entry.oldValue)),
        h('td', null, historyValue(definition, entry, entry.newValue)))))));
  }

  ctx.render(
    breadcrumbs([
      { label: t('nav.home'), href: '#/' },
      { label: definition.pluralLabel || definition.label, href: typeHash },
      { label: record.number || String(record.id) }]),
    h('div', { class: 'cw-page-header' },
      h('div', null,
        h('h1', { tabindex: '-1' }, record.number || String(record.id)),
        record.title ? h('p', { class: 'cw-lead', id: 'case-title' }, record.title) : null,
        h('p', null, tag(state.label, record.closed || state.closed))),
      canUpdate ? buttonLink(t('detail.edit'), `${typeHash}/${record.id}/edit`, { id: 'edit-case' }) : null),
    details,
    correctionSection(definition, record, base),
    workflow,
    assignment,
    section('case-notes', t('detail.notesSection'), notesContent, noteForm),
    section('case-attachments', t('detail.attachmentsSection'), attachmentsContent, uploadForm),
    section('case-links', t('detail.linksSection'), linksContent, linkForm),
    work,
    ...moduleSections,
    section('case-history', t('detail.historySection'), historyContent));
}

function relationLabel(relation) {
  return hasMessage(`links.relation.${relation}`) ? t(`links.relation.${relation}`) : humanize(relation);
}

function fieldLabel(definition, key) {
  if (!key) {
    return '';
  }
  const field = definition.fields.find((f) => f.key === key);
  if (field) {
    return field.label;
  }
  return hasMessage(`history.field.${key}`) ? t(`history.field.${key}`) : humanize(key);
}
