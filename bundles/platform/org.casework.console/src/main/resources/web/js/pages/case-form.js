// #/cases/{type}/new and #/cases/{type}/{id}/edit: a form rendered from the case type's fields.
// The server validates; its errors appear next to the fields and in a summary at the top.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { may, mayEdit } from '../casetypes.js';
import { button, FormErrors, requiredMarker, alertBox } from '../components.js';
import { fieldEditor, comparable } from '../fields.js';
import { navigate, refresh } from '../app.js';
import { breadcrumbs, showConflict, submitting, pageCaseType, pageCase } from './common.js';

function caseForm(definition, record, onSave) {
  const editing = Boolean(record);
  const values = (record && record.fields) || {};
  const errorsHost = h('div', { class: 'cw-form-errors', id: 'form-errors' });
  const errors = new FormErrors(errorsHost);
  // The server says per field what this user may read and set; a field they may not read is not
  // shown at all, and one they may not set is shown read-only and never sent.
  // A value owned by another system (authoritativeSource) is given when the case is opened and
  // afterwards changes only through that system or an administrator's correction.
  const editors = definition.fields.filter((field) => field.readable !== false).map((field) => {
    const owned = editing && Boolean(field.authoritativeSource);
    const editable = !owned && (field.editable === undefined ? mayEdit(field) : field.editable);
    const editor = fieldEditor(field, values[field.key], editable,
      owned ? t('form.authoritativeField', { source: field.authoritativeSource }) : null);
    editor.register(errors);
    return { field, editor };
  });
  const cancelHref = editing
    ? `#/cases/${encodeURIComponent(definition.key)}/${record.id}`
    : `#/cases/${encodeURIComponent(definition.key)}`;
  const form = h('form', { class: 'cw-form', id: 'case-form', novalidate: true },
    editors.map((e) => e.editor.element),
    h('div', { class: 'cw-form-actions' },
      button(editing ? t('form.saveChanges') : t('form.create', { label: definition.label }), { type: 'submit', id: 'case-form-submit' }),
      h('a', { class: 'cw-button cw-button--unstyled', href: cancelHref, id: 'case-form-cancel' }, t('form.cancel'))));

  /** The fields to send: all filled ones on create; only the changed ones on edit (null clears). */
  const collect = () => {
    const fields = {};
    for (const { field, editor } of editors) {
      if (editor.readOnly) {
        continue;
      }
      const value = editor.read();
      if (!editing) {
        if (value !== null && value !== undefined) {
          fields[field.key] = value;
        }
      } else if (comparable(field, value) !== comparable(field, values[field.key])) {
        fields[field.key] = value;
      }
    }
    return fields;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(form, errors, () => onSave(collect()), () => showConflict(errorsHost, () => refresh()));
  });
  return { form, errorsHost };
}

function requiredNote() {
  return h('p', { class: 'cw-hint cw-required-note' }, t('form.requiredNotePrefix'), ' ', requiredMarker(), ' ', t('form.requiredNoteSuffix'));
}

export async function caseCreatePage(ctx) {
  const definition = await pageCaseType(ctx);
  if (!definition) {
    return;
  }
  const typeHash = `#/cases/${encodeURIComponent(definition.key)}`;
  const { form, errorsHost } = caseForm(definition, null, async (fields) => {
    const created = await api.post(`/cases/${encodeURIComponent(definition.key)}`, { json: { fields } });
    navigate(`${typeHash}/${created.id}`, {
      flash: { type: 'success', text: t('form.created', { number: created.number || created.id }) },
    });
  });
  ctx.render(
    breadcrumbs([
      { label: t('nav.home'), href: '#/' },
      { label: definition.pluralLabel || definition.label, href: typeHash },
      { label: t('form.newTitle', { label: definition.label }) }]),
    h('h1', { tabindex: '-1' }, t('form.newTitle', { label: definition.label })),
    may(definition, 'CREATE') ? null : alertBox('warning', t('form.mayNotCreate')),
    requiredNote(),
    errorsHost,
    form);
}

export async function caseEditPage(ctx) {
  const definition = await pageCaseType(ctx);
  if (!definition) {
    return;
  }
  const typeHash = `#/cases/${encodeURIComponent(definition.key)}`;
  const path = `/cases/${encodeURIComponent(definition.key)}/${ctx.params.id}`;
  const record = await pageCase(ctx, path);
  if (!record) {
    return;
  }
  if (!ctx.alive()) {
    return;
  }
  const detailHash = `${typeHash}/${record.id}`;
  const { form, errorsHost } = caseForm(definition, record, async (fields) => {
    if (Object.keys(fields).length === 0) {
      navigate(detailHash, { flash: { type: 'info', text: t('form.nothingChanged') } });
      return;
    }
    const saved = await api.patch(path, { json: { version: record.version, fields } });
    navigate(detailHash, { flash: { type: 'success', text: t('form.saved', { number: saved.number || saved.id }) } });
  });
  ctx.render(
    breadcrumbs([
      { label: t('nav.home'), href: '#/' },
      { label: definition.pluralLabel || definition.label, href: typeHash },
      { label: record.number || String(record.id), href: detailHash },
      { label: t('form.editBreadcrumb') }]),
    h('h1', { tabindex: '-1' }, t('form.editTitle', { number: record.number || record.id })),
    requiredNote(),
    errorsHost,
    form);
}
