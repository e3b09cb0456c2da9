// Inputs and displays for each field type of a case type definition.

import { h, addDescribedBy } from './dom.js';
import { t, formatDate, formatNumber, humanize } from './i18n.js';
import { formGroup, textInput, textarea, select, requiredMarker } from './components.js';

const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;
const DIGITS = /^[0-9]+$/;
const ADDRESS_PARTS = ['line1', 'line2', 'city', 'state', 'postalCode', 'country'];

/** Today as yyyy-MM-dd in the user's time zone (for date inputs' max). */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function blank(value) {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function trimmed(input) {
  const value = input.value.trim();
  return value === '' ? null : value;
}

/** The conventional A-Number form A123-456-789 for nine stored digits. */
export function formatANumber(value) {
  const s = String(value);
  return DIGITS.test(s) && s.length === 9 ? `A${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6)}` : s;
}

/** An option key as the label people read. */
export function optionLabel(option) {
  return humanize(option);
}

/**
 * Whole years from a yyyy-mm-dd date of birth to the user's today, or null for a date that cannot
 * be read or lies ahead; worked out here so the case page needs no second request.
 */
export function ageInYears(dateOfBirth, today = new Date()) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(dateOfBirth));
  if (!m) {
    return null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) {
    age -= 1;
  }
  return age < 0 ? null : age;
}

/** An alias of a person, whether the server gives a name or an object. */
function aliasText(alias) {
  if (alias && typeof alias === 'object') {
    return alias.fullName || alias.name || JSON.stringify(alias);
  }
  return String(alias);
}

/**
 * A field's value for reading: a string or a node, or null when there is no value.
 * compact: one line, for tables.
 */
export function formatValue(field, value, compact = false) {
  if (blank(value)) {
    return null;
  }
  switch (field.type) {
    case 'LONG_TEXT':
      return compact ? String(value) : h('span', { class: 'cw-pre-wrap' }, String(value));
    case 'NUMBER':
      return formatNumber(value);
    case 'DATE':
      return h('time', { datetime: String(value) }, formatDate(value));
    case 'BOOLEAN':
      return value === true || value === 'true' ? t('value.yes') : t('value.no');
    case 'ENUM':
      return optionLabel(value);
    case 'A_NUMBER':
      return formatANumber(value);
    case 'CASE_REFERENCE':
      return t('value.caseReference', { id: value });
    case 'PERSON': {
      if (typeof value !== 'object') {
        return String(value);
      }
      const aliases = (value.aliases || []).map(aliasText);
      if (compact) {
        return value.fullName || null;
      }
      return h('div', null,
        value.fullName ? h('div', null, value.fullName) : null,
        value.dateOfBirth ? h('div', null, ageInYears(value.dateOfBirth) === null
          ? t('value.bornOn', { date: formatDate(value.dateOfBirth) })
          : t('value.bornOnAge', { date: formatDate(value.dateOfBirth), age: ageInYears(value.dateOfBirth) })) : null,
        aliases.length ? h('div', null, t('value.alsoKnownAs', { names: aliases.join('; ') })) : null);
    }
    case 'ADDRESS': {
      if (typeof value !== 'object') {
        return String(value);
      }
      const cityLine = [value.city, value.state, value.postalCode].filter((x) => !blank(x)).join(' ');
      const lines = [value.line1, value.line2, cityLine, value.country].filter((x) => !blank(x));
      if (lines.length === 0) {
        return null;
      }
      return compact ? lines.join(', ') : h('div', null, lines.map((line) => h('div', null, line)));
    }
    default:
      return String(value);
  }
}

/** A value comparable across what the server stored and what the form reads (for PATCH diffs). */
export function comparable(field, value) {
  if (blank(value)) {
    return null;
  }
  switch (field.type) {
    case 'A_NUMBER': {
      const digits = String(value).replace(/[^0-9]/g, '');
      return digits ? digits.padStart(9, '0') : String(value);
    }
    case 'NUMBER':
    case 'CASE_REFERENCE':
      return NUMBER.test(String(value)) ? String(Number(value)) : String(value);
    case 'BOOLEAN':
      return String(value === true || value === 'true');
    case 'PERSON':
      return typeof value === 'object'
        ? JSON.stringify([value.fullName || null, value.dateOfBirth || null]) : String(value);
    case 'ADDRESS':
      return typeof value === 'object'
        ? JSON.stringify(ADDRESS_PARTS.map((p) => (blank(value[p]) ? null : value[p]))) : String(value);
    default:
      return String(value);
  }
}

function hintText(field, extra) {
  const parts = [field.help, extra].filter((x) => !blank(x));
  return parts.length ? parts.join(' ') : null;
}

function rangeHint(field) {
  const hasMin = field.min !== null && field.min !== undefined;
  const hasMax = field.max !== null && field.max !== undefined;
  if (hasMin && hasMax) {
    return t('field.number.between', { min: formatNumber(field.min), max: formatNumber(field.max) });
  }
  if (hasMin) {
    return t('field.number.atLeast', { min: formatNumber(field.min) });
  }
  if (hasMax) {
    return t('field.number.atMost', { max: formatNumber(field.max) });
  }
  return null;
}

function simpleEditor(field, value, id, path) {
  let input;
  let extraHint = null;
  let read = () => trimmed(input);
  const maxlength = field.maxLength || null;
  switch (field.type) {
    case 'LONG_TEXT':
      input = textarea({ maxlength });
      input.value = blank(value) ? '' : String(value);
      break;
    case 'NUMBER':
      input = textInput({ inputmode: 'decimal' });
      input.value = blank(value) ? '' : String(value);
      extraHint = rangeHint(field);
      read = () => {
        const text = trimmed(input);
        return text !== null && NUMBER.test(text) ? Number(text) : text;
      };
      break;
    case 'DATE':
      input = h('input', { class: 'cw-input cw-input--date', type: 'date', max: field.notInFuture ? today() : null });
      input.value = blank(value) ? '' : String(value);
      break;
    case 'ENUM':
      input = select(field.options.map((o) => ({ value: o, label: optionLabel(o) })), {}, t('form.selectOne'),
        blank(value) ? '' : value);
      read = () => (input.value === '' ? null : input.value);
      break;
    case 'EMAIL':
      input = textInput({ type: 'email', spellcheck: 'false', maxlength });
      input.value = blank(value) ? '' : String(value);
      break;
    case 'PHONE':
      input = textInput({ type: 'tel', maxlength });
      input.value = blank(value) ? '' : String(value);
      break;
    case 'A_NUMBER':
      input = textInput({ spellcheck: 'false', class: 'cw-input cw-input--medium' });
      input.value = blank(value) ? '' : formatANumber(value);
      extraHint = t('field.aNumber.hint');
      break;
    case 'CASE_REFERENCE':
      input = textInput({ inputmode: 'numeric', class: 'cw-input cw-input--small' });
      input.value = blank(value) ? '' : String(value);
      extraHint = t('field.caseReference.hint');
      read = () => {
        const text = trimmed(input);
        return text !== null && DIGITS.test(text) ? Number(text) : text;
      };
      break;
    default:
      input = textInput({ maxlength });
      input.value = blank(value) ? '' : String(value);
  }
  input.name = field.key;
  const { group } = formGroup({ id, label: field.label, input, hint: hintText(field, extraHint), required: field.required });
  group.dataset.field = field.key;
  return {
    element: group,
    read,
    register: (errors) => errors.register(path, { group, input, label: field.label }),
  };
}

function booleanEditor(field, value, id, path) {
  const input = h('input', { class: 'cw-checkbox__input', type: 'checkbox', id, name: field.key, checked: value === true || value === 'true' });
  const label = h('label', { class: 'cw-checkbox__label', for: id }, field.label, field.required ? [' ', requiredMarker()] : null);
  const box = h('div', { class: 'cw-checkbox' }, input, label);
  const hint = hintText(field, null);
  const hintEl = hint ? h('div', { class: 'cw-hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) {
    addDescribedBy(input, hintEl.id);
  }
  const group = h('div', { class: 'cw-form-group', dataset: { field: field.key } }, hintEl, box);
  return {
    element: group,
    read: () => input.checked,
    register: (errors) => errors.register(path, { group, input, anchor: box, label: field.label }),
  };
}

/** A fieldset with a legend for a field made of parts (person, address). */
function groupEditor(field, id, path, parts, extra) {
  const legend = h('legend', { class: 'cw-legend' }, field.label, field.required ? [' ', requiredMarker()] : null);
  const hint = hintText(field, null);
  const hintEl = hint ? h('div', { class: 'cw-hint', id: `${id}-hint` }, hint) : null;
  const fieldset = h('fieldset', { class: 'cw-fieldset cw-form-group', id, dataset: { field: field.key } },
    legend, hintEl, parts.map((p) => p.group), extra);
  if (hintEl) {
    fieldset.setAttribute('aria-describedby', hintEl.id);
  }
  return {
    fieldset,
    register: (errors) => {
      errors.register(path, { group: fieldset, input: parts[0].input, anchor: parts[0].group, label: field.label });
      for (const part of parts) {
        errors.register(`${path}.${part.key}`, { group: part.group, input: part.input, label: `${field.label}: ${part.label}` });
      }
    },
  };
}

function part(id, key, label, input, options = {}) {
  input.name = key;
  const { group } = formGroup({ id: `${id}-${key}`, label, input, hint: options.hint, required: options.required });
  return { key, label, input, group };
}

function personEditor(field, value, id, path) {
  const person = value && typeof value === 'object' ? value : {};
  const fullName = part(id, 'fullName', t('field.person.fullName'), textInput({ spellcheck: 'false', maxlength: field.maxLength || null }),
    { required: field.required });
  fullName.input.value = person.fullName || '';
  const dob = part(id, 'dateOfBirth', t('field.person.dateOfBirth'), h('input', { class: 'cw-input cw-input--date', type: 'date', max: today() }));
  dob.input.value = person.dateOfBirth || '';
  const aliases = (person.aliases || []).map(aliasText);
  const aliasBlock = aliases.length ? h('div', { class: 'cw-aliases' },
    h('p', { class: 'cw-aliases__title' }, t('field.person.aliases')),
    h('ul', { class: 'cw-aliases__list' }, aliases.map((a) => h('li', null, a))),
    h('p', { class: 'cw-hint' }, t('field.person.aliasesHint'))) : null;
  const editor = groupEditor(field, id, path, [fullName, dob], aliasBlock);
  return {
    element: editor.fieldset,
    read: () => {
      const name = trimmed(fullName.input);
      const date = trimmed(dob.input);
      return name === null && date === null ? null : { fullName: name, dateOfBirth: date };
    },
    register: editor.register,
  };
}

function addressEditor(field, value, id, path) {
  const address = value && typeof value === 'object' ? value : {};
  const parts = ADDRESS_PARTS.map((key) => {
    const sizeClass = key === 'postalCode' ? 'cw-input cw-input--medium' : 'cw-input';
    const p = part(id, key, t(`field.address.${key}`), textInput({ class: sizeClass }));
    p.input.value = address[key] || '';
    return p;
  });
  const editor = groupEditor(field, id, path, parts, null);
  return {
    element: editor.fieldset,
    read: () => {
      const result = {};
      let any = false;
      for (const p of parts) {
        result[p.key] = trimmed(p.input);
        any = any || result[p.key] !== null;
      }
      return any ? result : null;
    },
    register: editor.register,
  };
}

function readOnlyField(field, value, hint) {
  const shown = formatValue(field, value);
  const element = h('div', { class: 'cw-form-group cw-readonly', dataset: { field: field.key } },
    h('p', { class: 'cw-label' }, field.label),
    h('div', { class: 'cw-readonly__value' }, shown === null ? t('value.none') : shown),
    h('p', { class: 'cw-hint' }, hint || t('form.readOnlyField')));
  return { element, read: () => undefined, register: () => {}, readOnly: true };
}

/**
 * An editor for one field: {element, read() -> value for the API (null when empty), register(FormErrors)}.
 * A field the user may not set is shown read-only (with {@code readOnlyHint} saying why, when given)
 * and reads as undefined.
 */
export function fieldEditor(field, value, editable, readOnlyHint) {
  const id = `field-${field.key}`;
  const path = `fields.${field.key}`;
  if (!editable) {
    return readOnlyField(field, value, readOnlyHint);
  }
  switch (field.type) {
    case 'BOOLEAN':
      return booleanEditor(field, value, id, path);
    case 'PERSON':
      return personEditor(field, value, id, path);
    case 'ADDRESS':
      return addressEditor(field, value, id, path);
    default:
      return simpleEditor(field, value, id, path);
  }
}
