// The complaints module's console pages, shown inside the console's frame at #/m/complaints/...:
// the work queues, the intake form for telephone and paper complaints, and a complaint's work page
// (triage, engagement and correspondence logs, destruction of the original, resolution, reopening).
// Everything goes through the console's API client and form helpers and the module's REST API.

import { h } from '/console/js/dom.js';
import { t, addMessages, hasMessage, formatDate, formatDateTime, formatNumber, humanize } from '/console/js/i18n.js';
import { api, apiUrl, ApiError } from '/console/js/api.js';
import {
  alertBox, button, buttonLink, formGroup, textInput, textarea, select, tag, pagination, FormErrors,
} from '/console/js/components.js';
import { summaryList, optionalGet, NOT_AVAILABLE } from '/console/js/lists.js';
import { breadcrumbs, submitting, pageCase } from '/console/js/pages/common.js';
import { buildHash } from '/console/js/router.js';
import { refresh } from '/console/js/app.js';

const KEY = 'complaints';
const QUEUES = ['mine', 'unassigned', 'emergency', 'overdue'];
const PAGE_SIZE = 20;
const INTAKE_CHANNELS = ['TELEPHONE', 'MAIL', 'EMAIL', 'FAX', 'IN_PERSON'];
const RELATIONSHIPS = ['DETAINEE', 'FAMILY_MEMBER', 'ATTORNEY', 'ACCREDITED_REPRESENTATIVE', 'OTHER'];
const AGENCIES = ['OIG', 'CRCL', 'ICE_OPR', 'CBP_OPR', 'OTHER'];
const ENGAGEMENT_CHANNELS = ['EMAIL', 'TELEPHONE', 'MEETING', 'LETTER', 'FAX', 'VISIT', 'OTHER'];
const RECIPIENT_KINDS = ['SUBMITTER', 'DETAINEE', 'REPRESENTATIVE', 'FACILITY_POC', 'OTHER'];
const MEDIA = ['EMAIL', 'LETTER', 'FAX', 'TELEPHONE', 'IN_PERSON'];
const RESOLUTION_OUTCOMES = ['SUBSTANTIATED', 'UNSUBSTANTIATED', 'RESOLVED_INFORMALLY', 'WITHDRAWN', 'NO_ACTION_POSSIBLE'];
const TRIAGE_STATES = ['RECEIVED', 'TRIAGE'];
const RESOLVABLE_STATES = ['ACCEPTED', 'IN_RESOLUTION'];

/** The hash of one of this module's pages. */
export function hashOf(segments, query) {
  return buildHash(['m', KEY, ...segments], query);
}

/**
 * The page for the rest of the path after #/m/complaints: the queues (the default), the intake
 * form, or one complaint's work page.
 */
export async function route(path) {
  await addMessages(`/console/${KEY}/i18n`);
  if (!document.getElementById('complaints-styles')) {
    document.head.append(h('link', { rel: 'stylesheet', href: `/console/${KEY}/complaints.css`, id: 'complaints-styles' }));
  }
  if (path.length === 0) {
    return { name: 'complaintQueues', params: { queue: 'mine' }, page: queuesPage };
  }
  if (path.length === 2 && path[0] === 'queues' && QUEUES.includes(path[1])) {
    return { name: 'complaintQueues', params: { queue: path[1] }, page: queuesPage };
  }
  if (path.length === 1 && path[0] === 'intake') {
    return { name: 'complaintIntake', params: {}, page: intakePage };
  }
  if (path.length === 1 && /^[0-9]+$/.test(path[0])) {
    return { name: 'complaintWork', params: { id: path[0] }, page: workPage };
  }
  return null;
}

/** A code such as FAMILY_MEMBER in the page's language (the module's bundle), else as words. */
function label(group, code) {
  const key = `complaints.${group}.${code}`;
  return hasMessage(key) ? t(key) : humanize(code);
}

function options(group, codes) {
  return codes.map((code) => ({ value: code, label: label(group, code) }));
}

/** A marker that says "Emergency" in words and with a sign, so colour is never the only cue. */
function emergencyMarker() {
  return h('span', { class: 'cw-tag cw-tag--emergency', dataset: { emergency: 'true' } }, `⚠ ${t('complaints.emergency')}`);
}

function blank(value) {
  return value === null || value === undefined || String(value).trim() === '';
}

function today() {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
}

function nowLocal() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function checkbox(id, text, options = {}) {
  const input = h('input', { class: 'cw-checkbox__input', type: 'checkbox', id, name: options.name || id, value: options.value || null });
  const box = h('div', { class: 'cw-checkbox' }, input, h('label', { class: 'cw-checkbox__label', for: id }, text));
  return { box, input };
}

function fieldset(id, legend, children, hint) {
  const hintEl = hint ? h('div', { class: 'cw-hint', id: `${id}-hint` }, hint) : null;
  return h('fieldset', { class: 'cw-fieldset cw-form-group', id, 'aria-describedby': hintEl ? hintEl.id : null },
    h('legend', { class: 'cw-legend' }, legend), hintEl, children);
}

// ---------------------------------------------------------------- queues

async function queuesPage(ctx) {
  const queue = ctx.params.queue;
  const page = Math.max(0, parseInt(ctx.query.page || '0', 10) || 0);
  // The current queue a page at a time; the others only for their counts.
  const results = await Promise.all(QUEUES.map((q) => api.get(`/complaints/queues/${q}`, {
    query: q === queue ? { page, size: PAGE_SIZE } : { page: 0, size: 1 },
  })));
  if (!ctx.alive()) {
    return;
  }
  const counts = Object.fromEntries(QUEUES.map((q, i) => [q, Number(results[i].total || 0)]));
  const current = results[QUEUES.indexOf(queue)];
  const items = current.items || [];
  const total = counts[queue];

  const tabs = h('nav', { class: 'cw-tabs', 'aria-label': t('complaints.queues.tabsLabel') },
    h('ul', { class: 'cw-tabs__list' }, QUEUES.map((q) => h('li', { class: 'cw-tabs__item' },
      h('a', {
        class: q === queue ? 'cw-button cw-tabs__link' : 'cw-button cw-button--outline cw-tabs__link',
        href: hashOf(['queues', q]),
        id: `queue-tab-${q}`,
        'aria-current': q === queue ? 'page' : null,
      }, t(`complaints.queue.${q}`), ' ', h('span', { class: 'cw-tabs__count', dataset: { count: q } },
        t('complaints.queues.count', { count: formatNumber(counts[q]) })))))));

  const from = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const summary = h('p', { class: 'cw-results-summary', id: 'results-summary', tabindex: '-1' },
    total === 0 ? t('complaints.queues.none')
      : t('complaints.queues.showing', { from, to: Math.min(total, page * PAGE_SIZE + items.length), total }));

  const table = items.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'queue-table' },
    h('caption', { class: 'cw-sr-only' }, t(`complaints.queue.${queue}`)),
    h('thead', null, h('tr', null, ['number', 'detainee', 'status', 'channel', 'received', 'assignee']
      .map((c) => h('th', { scope: 'col' }, t(`complaints.queues.column.${c}`))))),
    h('tbody', null, items.map((item) => h('tr', { dataset: { caseId: String(item.caseId) } },
      h('td', null, h('a', { href: hashOf([String(item.caseId)]), class: 'cw-case-link' }, item.number),
        item.emergency ? [' ', emergencyMarker()] : null,
        item.overdue ? [' ', h('span', { class: 'cw-tag cw-tag--overdue', dataset: { overdue: 'true' } }, t('complaints.overdue'))] : null),
      h('td', null, item.detainee || ''),
      h('td', null, label('status', item.status)),
      h('td', null, item.channel ? label('channel', item.channel) : ''),
      h('td', null, item.receivedAt ? h('time', { datetime: item.receivedAt }, formatDateTime(item.receivedAt)) : ''),
      h('td', null, item.assignee || t('complaints.unassigned'))))))) : null;

  ctx.render(
    h('div', { class: 'cw-page-header' },
      h('h1', { tabindex: '-1' }, t('complaints.queues.title')),
      buttonLink(t('complaints.intake.open'), hashOf(['intake']), { id: 'intake-link' })),
    tabs,
    h('h2', { id: 'queue-heading' }, t(`complaints.queue.${queue}`)),
    summary,
    table,
    pagination(page, PAGE_SIZE, total, (p) => hashOf(['queues', queue], { page: p })),
    h('p', null, h('a', { href: '#/cases/complaint' }, t('complaints.queues.allComplaints'))));
}

// ---------------------------------------------------------------- intake

/** The facilities to choose from, or null when the facilities module is not installed here. */
async function facilities() {
  try {
    const result = await optionalGet('/facilities', { query: { page: 0, size: 200 } });
    if (result === NOT_AVAILABLE) {
      return null;
    }
    const list = Array.isArray(result) ? result : (result && result.items) || [];
    return list.filter((f) => f && f.code && f.active !== false);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      return null;
    }
    throw error;
  }
}

/** What the A-Number typed so far will be stored as, or what is still wrong with it. */
export function aNumberHint(raw) {
  const text = String(raw || '').trim();
  if (!text) {
    return t('complaints.intake.aNumberHint');
  }
  const digits = text.replace(/^[Aa]/, '').replace(/[\s-]/g, '');
  if (!/^[0-9]*$/.test(digits)) {
    return t('complaints.intake.aNumberDigitsOnly');
  }
  if (digits.length < 8 || digits.length > 9) {
    return t('complaints.intake.aNumberLength', { count: digits.length });
  }
  return t('complaints.intake.aNumberOk', { formatted: formatANumber(digits) });
}

/** A stored A-Number (nine digits) the way people write it: A123-456-789. */
function formatANumber(stored) {
  const digits = String(stored).replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 9) {
    return String(stored);
  }
  const nine = digits.padStart(9, '0');
  return `A${nine.slice(0, 3)}-${nine.slice(3, 6)}-${nine.slice(6)}`;
}

function readAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function intakePage(ctx) {
  const [categories, facilityList] = await Promise.all([
    api.get('/complaint-categories').catch(() => []),
    facilities(),
  ]);
  if (!ctx.alive()) {
    return;
  }
  const summaryHost = h('div', { class: 'cw-form-errors', id: 'intake-errors' });
  const errors = new FormErrors(summaryHost);
  const input = {};
  const group = (id, labelText, element, opts = {}) => {
    const made = formGroup({ id, label: labelText, input: element, hint: opts.hint, required: opts.required });
    input[id] = made.input;
    if (opts.path) {
      errors.register(opts.path, { group: made.group, input: made.input, label: labelText });
    }
    return made.group;
  };

  // 1. How the complaint came in.
  const channel = group('intake-channel', t('complaints.intake.channel'),
    select(options('channel', INTAKE_CHANNELS), { name: 'channel' }, null, 'TELEPHONE'),
    { required: true, path: 'fields.channel' });
  const receivedOn = group('intake-received-on', t('complaints.intake.receivedOn'),
    h('input', { class: 'cw-input cw-input--date', type: 'date', max: today(), value: today() }),
    { path: 'fields.receivedOn' });
  const anonymous = checkbox('intake-anonymous', t('complaints.intake.anonymous'));

  // 2. Who is calling.
  const submitterParts = [
    group('intake-submitter-name', t('complaints.intake.submitterName'), textInput({ autocomplete: 'off', spellcheck: 'false' }),
      { path: 'fields.submitter' }),
    group('intake-submitter-relationship', t('complaints.intake.relationship'),
      select(options('relationship', RELATIONSHIPS), {}, t('complaints.choose')), { path: 'fields.submitterRelationship' }),
    group('intake-submitter-organization', t('complaints.intake.organization'), textInput(), { path: 'fields.submitterOrganization' }),
    group('intake-submitter-phone', t('complaints.intake.phone'), textInput({ type: 'tel', autocomplete: 'off' }), { path: 'fields.submitterPhone' }),
    group('intake-submitter-email', t('complaints.intake.email'), textInput({ type: 'email', autocomplete: 'off', spellcheck: 'false' }),
      { path: 'fields.submitterEmail', hint: t('complaints.intake.emailHint') }),
    group('intake-submitter-line1', t('complaints.intake.addressLine1'), textInput({ autocomplete: 'off' }), { path: 'fields.submitterAddress' }),
    group('intake-submitter-city', t('complaints.intake.city'), textInput({ autocomplete: 'off' }), { path: 'fields.submitterAddress.city' }),
    group('intake-submitter-state', t('complaints.intake.state'), textInput({ autocomplete: 'off' }), { path: 'fields.submitterAddress.state' }),
    group('intake-submitter-postal', t('complaints.intake.postalCode'), textInput({ class: 'cw-input cw-input--medium', autocomplete: 'off' }),
      { path: 'fields.submitterAddress.postalCode' }),
  ];
  const submitter = fieldset('intake-submitter', t('complaints.intake.submitter'), submitterParts, t('complaints.intake.submitterHint'));
  const language = group('intake-language', t('complaints.intake.language'),
    select(options('language', ['EN', 'ES']), {}, null, 'EN'), { path: 'fields.language' });

  // 3. About whom.
  const aNumberHintEl = h('div', { class: 'cw-hint', id: 'intake-a-number-live', 'aria-live': 'polite' }, aNumberHint(''));
  const detainee = fieldset('intake-detainee', t('complaints.intake.detainee'), [
    group('intake-detainee-name', t('complaints.intake.detaineeName'), textInput({ autocomplete: 'off', spellcheck: 'false' }),
      { path: 'fields.detainee' }),
    group('intake-detainee-aliases', t('complaints.intake.aliases'), textarea({ rows: '3', spellcheck: 'false' }),
      { hint: t('complaints.intake.aliasesHint'), path: 'fields.detainee.aliases' }),
    group('intake-detainee-dob', t('complaints.intake.dateOfBirth'),
      h('input', { class: 'cw-input cw-input--date', type: 'date', max: today() }), { path: 'fields.detainee.dateOfBirth' }),
    (() => {
      const g = group('intake-a-number', t('complaints.intake.aNumber'),
        textInput({ class: 'cw-input cw-input--medium', autocomplete: 'off', spellcheck: 'false', inputmode: 'text' }),
        { path: 'fields.aNumber' });
      input['intake-a-number'].after(aNumberHintEl);
      input['intake-a-number'].setAttribute('aria-describedby', aNumberHintEl.id);
      input['intake-a-number'].addEventListener('input', () => {
        aNumberHintEl.textContent = aNumberHint(input['intake-a-number'].value);
      });
      return g;
    })(),
    facilityList && facilityList.length
      ? group('intake-facility', t('complaints.intake.facility'),
        select(facilityList.map((f) => ({ value: f.code, label: `${f.name} (${f.code})` })), {}, t('complaints.choose')),
        { path: 'fields.facility' })
      : group('intake-facility', t('complaints.intake.facility'), textInput({ class: 'cw-input cw-input--medium', spellcheck: 'false' }),
        { path: 'fields.facility', hint: t('complaints.intake.facilityHint') }),
  ]);

  // 4. What happened.
  const incidentDate = group('intake-incident-date', t('complaints.intake.incidentDate'),
    h('input', { class: 'cw-input cw-input--date', type: 'date', max: today() }), { path: 'fields.incidentDate' });
  const categoryBoxes = (Array.isArray(categories) ? categories : []).filter((c) => c.active !== false).map((c) =>
    checkbox(`intake-category-${c.key}`, hasMessage(`complaints.category.${c.key}`) ? t(`complaints.category.${c.key}`) : c.label,
      { name: 'categories', value: c.key }));
  const categoriesSet = fieldset('intake-categories', t('complaints.intake.categories'), categoryBoxes.map((c) => c.box));
  if (categoryBoxes.length) {
    errors.register('fields.categories', { group: categoriesSet, input: categoryBoxes[0].input, label: t('complaints.intake.categories') });
  }
  const description = group('intake-description', t('complaints.intake.description'), textarea({ rows: '6' }),
    { required: true, path: 'fields.description', hint: t('complaints.intake.descriptionHint') });

  // 5. Consent, urgency, the paper form.
  const consent = checkbox('intake-consent', t('complaints.intake.consent'));
  const repConsent = checkbox('intake-representative-consent', t('complaints.intake.representativeConsent'));
  const emergency = checkbox('intake-emergency', t('complaints.intake.emergency'));
  const consentSet = fieldset('intake-consents', t('complaints.intake.consentAndUrgency'), [consent.box, repConsent.box, emergency.box]);
  errors.register('fields.consentToInvestigate', { group: consentSet, input: consent.input, label: t('complaints.intake.consent') });
  errors.register('fields.emergency', { group: consentSet, input: emergency.input, label: t('complaints.intake.emergency') });
  const file = group('intake-paper-form', t('complaints.intake.paperForm'),
    h('input', { class: 'cw-file-input', type: 'file', accept: 'application/pdf,image/png,image/jpeg,image/tiff' }),
    { hint: t('complaints.intake.paperFormHint'), path: 'attachments' });

  const setAnonymous = () => {
    submitter.hidden = anonymous.input.checked;
    language.hidden = anonymous.input.checked;
  };
  anonymous.input.addEventListener('change', setAnonymous);

  const resultHost = h('div', { id: 'intake-result' });
  const form = h('form', { class: 'cw-form', id: 'intake-form', novalidate: true },
    summaryHost,
    h('p', { class: 'cw-hint', id: 'intake-keys' }, t('complaints.intake.keys')),
    channel, receivedOn, anonymous.box, submitter, language, detainee, incidentDate, categoriesSet, description,
    consentSet, file,
    h('div', { class: 'cw-form-actions' },
      button(t('complaints.intake.save'), { type: 'submit', id: 'intake-submit' }),
      buttonLink(t('complaints.cancel'), hashOf([]), { variant: 'outline', id: 'intake-cancel' })));

  const fieldsOf = () => {
    const value = (id) => (input[id] ? input[id].value.trim() : '');
    const fields = {
      channel: value('intake-channel'),
      anonymous: anonymous.input.checked,
      consentToInvestigate: consent.input.checked,
      representativeConsent: repConsent.input.checked,
      emergency: emergency.input.checked,
    };
    const put = (key, v) => {
      if (!blank(v)) {
        fields[key] = v;
      }
    };
    put('receivedOn', value('intake-received-on'));
    if (!anonymous.input.checked) {
      if (value('intake-submitter-name')) {
        fields.submitter = { fullName: value('intake-submitter-name') };
      }
      put('submitterRelationship', value('intake-submitter-relationship'));
      put('submitterOrganization', value('intake-submitter-organization'));
      put('submitterPhone', value('intake-submitter-phone'));
      put('submitterEmail', value('intake-submitter-email'));
      const address = { line1: value('intake-submitter-line1'), city: value('intake-submitter-city'),
        state: value('intake-submitter-state'), postalCode: value('intake-submitter-postal') };
      if (Object.values(address).some((v) => !blank(v))) {
        fields.submitterAddress = Object.fromEntries(Object.entries(address).filter(([, v]) => !blank(v)));
      }
      put('language', value('intake-language'));
    }
    const aliases = value('intake-detainee-aliases').split('\n').map((s) => s.trim()).filter(Boolean);
    if (value('intake-detainee-name') || value('intake-detainee-dob') || aliases.length) {
      fields.detainee = { fullName: value('intake-detainee-name') || null };
      if (value('intake-detainee-dob')) {
        fields.detainee.dateOfBirth = value('intake-detainee-dob');
      }
      if (aliases.length) {
        fields.detainee.aliases = aliases;
      }
    }
    put('aNumber', value('intake-a-number'));
    put('facility', value('intake-facility'));
    put('incidentDate', value('intake-incident-date'));
    const chosen = categoryBoxes.filter((c) => c.input.checked).map((c) => c.input.value);
    if (chosen.length) {
      fields.categories = chosen.join(',');
    }
    put('description', input['intake-description'].value);
    return fields;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(form, errors, async () => {
      const attachments = [];
      const chosenFile = input['intake-paper-form'].files[0];
      if (chosenFile) {
        attachments.push({ fileName: chosenFile.name, contentType: chosenFile.type || 'application/octet-stream',
          content: await readAsBase64(chosenFile) });
      }
      const result = await api.post('/complaints', { json: { fields: fieldsOf(), attachments } });
      if (!ctx.alive()) {
        return;
      }
      form.hidden = true;
      resultHost.replaceChildren(...intakeResult(result));
      const heading = document.getElementById('intake-saved');
      if (heading) {
        heading.focus();
      }
    });
  });
  // Ctrl+Enter (or ⌘+Enter) saves from anywhere in the form, including the long text boxes.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  ctx.render(
    breadcrumbs([{ label: t('complaints.queues.title'), href: hashOf([]) }, { label: t('complaints.intake.title') }]),
    h('h1', { tabindex: '-1' }, t('complaints.intake.title')),
    resultHost,
    form);
}

/** What the intake answered: the number, the confirmation, the checks and prior complaints. */
function intakeResult(result) {
  const complaint = result.complaint || {};
  const confirmation = result.confirmation || { medium: 'NONE' };
  let confirmationText;
  if (confirmation.medium === 'EMAIL') {
    confirmationText = h('p', { id: 'intake-confirmation', dataset: { medium: 'EMAIL' } },
      t('complaints.result.emailed', { recipient: confirmation.recipient || '' }));
  } else if (confirmation.medium === 'LETTER' && confirmation.letterAttachmentId) {
    confirmationText = h('p', { id: 'intake-confirmation', dataset: { medium: 'LETTER' } },
      t('complaints.result.letter'), ' ',
      h('a', { id: 'intake-letter-link',
        href: apiUrl(`/cases/complaint/${complaint.id}/attachments/${confirmation.letterAttachmentId}/content`) },
      t('complaints.result.downloadLetter', { number: complaint.number })));
  } else {
    confirmationText = h('p', { id: 'intake-confirmation', dataset: { medium: 'NONE' } }, t('complaints.result.noConfirmation'));
  }
  const heading = h('h2', { class: 'cw-alert__heading', id: 'intake-saved', tabindex: '-1' },
    t('complaints.result.saved', { number: complaint.number }));
  const saved = h('div', { class: 'cw-alert cw-alert--success', role: 'status', dataset: { alert: 'success' } },
    h('div', { class: 'cw-alert__body' }, heading,
      h('p', { class: 'cw-alert__text' }, t('complaints.result.number'), ' ',
        h('strong', { id: 'intake-number' }, complaint.number)),
      confirmationText));
  return [
    saved,
    checksSection(result.checks, 'intake-checks'),
    priorSection(result.prior || [], 'intake-prior', 'h2', { more: result.priorMore === true }),
    h('p', { class: 'cw-form-actions' },
      buttonLink(t('complaints.result.open'), hashOf([String(complaint.id)]), { id: 'intake-open' }),
      button(t('complaints.result.another'), { variant: 'outline', id: 'intake-another', onClick: () => refresh() })),
  ];
}

function checksSection(checks, id, level = 'h2') {
  const c = checks || {};
  const jurisdiction = c.jurisdiction ? label('jurisdiction', c.jurisdiction) : '';
  return h('section', { class: 'cw-section', id, 'aria-labelledby': `${id}-heading` },
    h(level, { id: `${id}-heading` }, t('complaints.checks.title')),
    summaryList([
      [t('complaints.checks.consent'), c.consent ? t('complaints.checks.consentGiven') : t('complaints.checks.consentMissing')],
      [t('complaints.checks.jurisdiction'), c.facilityName ? `${jurisdiction} (${c.facilityName})` : jurisdiction],
      [t('complaints.checks.emergency'), c.emergency ? emergencyMarker() : t('complaints.no')],
    ], `${id}-list`));
}

/** How many prior matches the server shows unless more are asked for (ComplaintService.PRIOR_SHOWN). */
const PRIOR_SHOWN = 25;

/**
 * The prior complaints found, best first. With `more`, a note says only the best are shown and,
 * given `loadAll`, offers to read up to 200 (each one read is audited as viewed).
 */
function priorSection(prior, id, level = 'h2', { more = false, loadAll = null } = {}) {
  const moreNote = more ? h('p', { class: 'cw-hint', id: `${id}-more` }, t('complaints.prior.more', { count: prior.length }),
    loadAll ? ' ' : null,
    loadAll ? button(t('complaints.prior.showAll'), {
      variant: 'outline',
      id: `${id}-all`,
      onClick: async () => {
        const all = await loadAll();
        if (all) {
          const replacement = priorSection(all, id, level);
          section.replaceWith(replacement);
          const heading = replacement.querySelector(`#${id}-heading`);
          if (heading) {
            heading.setAttribute('tabindex', '-1');
            heading.focus();
          }
        }
      },
    }) : null) : null;
  const section = h('section', { class: 'cw-section', id, 'aria-labelledby': `${id}-heading` },
    h(level, { id: `${id}-heading` }, t('complaints.prior.title')),
    prior.length === 0 ? h('p', { id: `${id}-none` }, t('complaints.prior.none'))
      : h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: `${id}-table` },
        h('caption', { class: 'cw-sr-only' }, t('complaints.prior.title')),
        h('thead', null, h('tr', null, ['number', 'detainee', 'status', 'reasons']
          .map((c) => h('th', { scope: 'col' }, t(`complaints.prior.column.${c}`))))),
        h('tbody', null, prior.map((match) => h('tr', { dataset: { caseId: String(match.caseId) } },
          h('td', null, h('a', { href: hashOf([String(match.caseId)]) }, match.number)),
          h('td', null, match.detainee || ''),
          h('td', null, label('status', match.status)),
          h('td', null, h('ul', { class: 'cw-link-list' }, (match.reasons || []).map((r) => h('li', null, r))))))))),
    moreNote);
  return section;
}

// ---------------------------------------------------------------- one complaint

async function workPage(ctx) {
  const id = ctx.params.id;
  const summary = await pageCase(ctx, `/complaints/${id}`);
  if (!summary || !ctx.alive()) {
    return;
  }
  const [prior, engagements, correspondence] = await Promise.all([
    api.get(`/complaints/${id}/prior`),
    api.get(`/complaints/${id}/engagements`),
    api.get(`/complaints/${id}/correspondence`),
  ]);
  if (!ctx.alive()) {
    return;
  }
  const complaint = summary.complaint || {};
  const facts = summary.intake || {};
  const fields = complaint.fields || {};
  const detainee = fields.detainee && fields.detainee.fullName;

  const done = (text, focus) => refresh({ flash: { type: 'success', text }, focus });

  const header = h('div', { class: 'cw-page-header' },
    h('h1', { tabindex: '-1' }, t('complaints.work.title', { number: complaint.number }),
      facts.emergency ? [' ', emergencyMarker()] : null),
    h('p', null, tag(label('status', complaint.status), complaint.closed)));

  const details = summaryList([
    [t('complaints.work.detainee'), detainee || t('complaints.notGiven')],
    [t('complaints.work.aNumber'), fields.aNumber ? formatANumber(fields.aNumber) : t('complaints.notGiven')],
    [t('complaints.work.channel'), facts.channel ? label('channel', facts.channel) : ''],
    [t('complaints.work.received'), facts.receivedAt ? formatDateTime(facts.receivedAt) : ''],
    [t('complaints.work.assignee'), complaint.assignee || t('complaints.unassigned')],
    facts.triageOutcome ? [t('complaints.work.triageOutcome'), [label('triage', facts.triageOutcome),
      facts.referredTo ? ` — ${label('agency', facts.referredTo)}` : '', facts.triageNote ? ` — ${facts.triageNote}` : '']] : null,
    facts.resolutionOutcome ? [t('complaints.work.resolutionOutcome'), label('outcome', facts.resolutionOutcome)] : null,
  ], 'complaint-details');

  const sections = [
    triageSection(id, complaint, summary.checks, prior || [], done),
    engagementSection(id, engagements || [], done),
    correspondenceSection(id, correspondence || [], done),
    destructionSection(id, facts, done),
    RESOLVABLE_STATES.includes(complaint.status) ? resolveSection(id, done) : null,
    complaint.closed ? reopenSection(id, done) : null,
  ];

  ctx.render(
    breadcrumbs([{ label: t('complaints.queues.title'), href: hashOf([]) }, { label: complaint.number }]),
    header,
    details,
    h('p', null, h('a', { href: `#/cases/complaint/${encodeURIComponent(id)}`, id: 'complaint-case-link' },
      t('complaints.work.casePage'))),
    ...sections.filter(Boolean));
}

/**
 * A small form of the work page: its fields, an error summary of its own and a submit button;
 * the server's field errors appear next to the fields registered under their names.
 */
function actionForm(id, submitText, build, send) {
  const summaryHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(summaryHost);
  const inputs = {};
  const add = (name, labelText, element, opts = {}) => {
    const made = formGroup({ id: `${id}-${name}`, label: labelText, input: element, hint: opts.hint, required: opts.required });
    made.input.name = name;
    inputs[name] = made.input;
    errors.register(name, { group: made.group, input: made.input, label: labelText });
    return made.group;
  };
  const form = h('form', { class: 'cw-form', id, novalidate: true }, summaryHost, build(add, errors, inputs),
    h('div', { class: 'cw-form-actions' }, button(submitText, { type: 'submit', id: `${id}-submit` })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(form, errors, () => send(inputs));
  });
  return form;
}

function value(element) {
  return element && !blank(element.value) ? element.value.trim() : null;
}

function triageSection(id, complaint, checks, prior, done) {
  const open = TRIAGE_STATES.includes(complaint.status);
  let form = null;
  if (open) {
    form = actionForm('triage-form', t('complaints.triage.record'), (add, errors, inputs) => {
      const radios = ['accept', 'refer', 'decline'].map((o) => {
        const radioId = `triage-outcome-${o}`;
        const radio = h('input', { class: 'cw-checkbox__input', type: 'radio', name: 'outcome', id: radioId, value: o });
        return { radio, box: h('div', { class: 'cw-checkbox' }, radio, h('label', { class: 'cw-checkbox__label', for: radioId },
          t(`complaints.triage.${o}`))) };
      });
      const outcomeSet = fieldset('triage-outcome', t('complaints.triage.outcome'), radios.map((r) => r.box));
      errors.register('outcome', { group: outcomeSet, input: radios[0].radio, label: t('complaints.triage.outcome') });
      inputs.outcomeRadios = radios.map((r) => r.radio);
      const agency = add('referredTo', t('complaints.triage.referredTo'),
        select(options('agency', AGENCIES), {}, t('complaints.choose')), { hint: t('complaints.triage.referredToHint') });
      const note = add('note', t('complaints.triage.note'), textarea({ rows: '3' }), { hint: t('complaints.triage.noteHint') });
      return [outcomeSet, agency, note];
    }, async (inputs) => {
      const chosen = inputs.outcomeRadios.find((r) => r.checked);
      await api.post(`/complaints/${id}/triage`, { json: {
        outcome: chosen ? chosen.value : null, referredTo: value(inputs.referredTo), note: value(inputs.note),
      } });
      done(t('complaints.triage.done'));
    });
  }
  return h('section', { class: 'cw-section', id: 'triage', 'aria-labelledby': 'triage-heading' },
    h('h2', { id: 'triage-heading' }, t('complaints.triage.title')),
    checksSection(checks, 'triage-checks', 'h3'),
    priorSection(prior, 'triage-prior', 'h3', {
      more: prior.length >= PRIOR_SHOWN,
      loadAll: () => api.get(`/complaints/${id}/prior?limit=200`),
    }),
    form ? [h('h3', null, t('complaints.triage.outcome')), form] : null);
}

function engagementSection(id, entries, done) {
  const table = entries.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'engagement-table' },
    h('caption', { class: 'cw-sr-only' }, t('complaints.engagement.title')),
    h('thead', null, h('tr', null, ['when', 'party', 'channel', 'summary', 'followUp', 'by']
      .map((c) => h('th', { scope: 'col' }, t(`complaints.engagement.column.${c}`))))),
    h('tbody', null, entries.map((e) => h('tr', null,
      h('td', null, h('time', { datetime: e.contactedAt }, formatDateTime(e.contactedAt))),
      h('td', null, e.party || ''),
      h('td', null, label('engagementChannel', e.channel)),
      h('td', { class: 'cw-pre-wrap' }, e.summary || ''),
      h('td', null, e.followUpOn ? formatDate(e.followUpOn) : ''),
      h('td', null, e.recordedBy || '')))))) : h('p', { id: 'engagement-none' }, t('complaints.engagement.none'));
  const form = actionForm('engagement-form', t('complaints.engagement.add'), (add) => [
    add('contactedAt', t('complaints.engagement.contactedAt'),
      h('input', { class: 'cw-input', type: 'datetime-local', value: nowLocal(), max: nowLocal() })),
    add('party', t('complaints.engagement.party'), textInput(), { required: true, hint: t('complaints.engagement.partyHint') }),
    add('channel', t('complaints.engagement.channel'), select(options('engagementChannel', ENGAGEMENT_CHANNELS), {}, null, 'EMAIL'),
      { required: true }),
    add('summary', t('complaints.engagement.summary'), textarea({ rows: '3' }), { required: true }),
    add('followUpOn', t('complaints.engagement.followUpOn'), h('input', { class: 'cw-input cw-input--date', type: 'date', min: today() }),
      { hint: t('complaints.engagement.followUpHint') }),
  ], async (inputs) => {
    const local = value(inputs.contactedAt);
    await api.post(`/complaints/${id}/engagements`, { json: {
      contactedAt: local ? new Date(local).toISOString() : null,
      party: value(inputs.party), channel: value(inputs.channel), summary: value(inputs.summary),
      followUpOn: value(inputs.followUpOn),
    } });
    done(t('complaints.engagement.done'));
  });
  return h('section', { class: 'cw-section', id: 'engagements', 'aria-labelledby': 'engagements-heading' },
    h('h2', { id: 'engagements-heading' }, t('complaints.engagement.title')),
    table,
    h('h3', null, t('complaints.engagement.add')),
    form);
}

function correspondenceSection(id, entries, done) {
  const table = entries.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'correspondence-table' },
    h('caption', { class: 'cw-sr-only' }, t('complaints.correspondence.title')),
    h('thead', null, h('tr', null, ['sent', 'to', 'medium', 'subject', 'by']
      .map((c) => h('th', { scope: 'col' }, t(`complaints.correspondence.column.${c}`))))),
    h('tbody', null, entries.map((c) => h('tr', null,
      h('td', null, h('time', { datetime: c.sentAt }, formatDateTime(c.sentAt))),
      h('td', null, [label('recipient', c.recipientKind), c.recipient ? `: ${c.recipient}` : '']),
      h('td', null, label('medium', c.medium)),
      h('td', null, c.attachmentId
        ? h('a', { href: apiUrl(`/cases/complaint/${id}/attachments/${c.attachmentId}/content`) }, c.subject || t('complaints.correspondence.document'))
        : (c.subject || '')),
      h('td', null, c.recordedBy || '')))))) : h('p', { id: 'correspondence-none' }, t('complaints.correspondence.none'));
  const form = actionForm('correspondence-form', t('complaints.correspondence.add'), (add) => [
    add('recipientKind', t('complaints.correspondence.recipientKind'), select(options('recipient', RECIPIENT_KINDS), {}, null, 'DETAINEE'),
      { required: true }),
    add('recipient', t('complaints.correspondence.recipient'), textInput()),
    add('medium', t('complaints.correspondence.medium'), select(options('medium', MEDIA), {}, null, 'LETTER'), { required: true }),
    add('subject', t('complaints.correspondence.subject'), textInput(), { required: true }),
    add('sentAt', t('complaints.correspondence.sentAt'), h('input', { class: 'cw-input', type: 'datetime-local', value: nowLocal(), max: nowLocal() })),
  ], async (inputs) => {
    const local = value(inputs.sentAt);
    await api.post(`/complaints/${id}/correspondence`, { json: {
      recipientKind: value(inputs.recipientKind), recipient: value(inputs.recipient), medium: value(inputs.medium),
      subject: value(inputs.subject), sentAt: local ? new Date(local).toISOString() : null,
    } });
    done(t('complaints.correspondence.done'));
  });
  return h('section', { class: 'cw-section', id: 'correspondence', 'aria-labelledby': 'correspondence-heading' },
    h('h2', { id: 'correspondence-heading' }, t('complaints.correspondence.title')),
    table,
    h('h3', null, t('complaints.correspondence.add')),
    form);
}

function destructionSection(id, facts, done) {
  if (!facts.destructionDue && !facts.destroyedAt) {
    return null;
  }
  let body;
  if (facts.destroyedAt) {
    body = h('p', { id: 'destruction-done' }, t('complaints.destruction.confirmed', {
      when: formatDateTime(facts.destroyedAt), who: facts.destroyedBy || '' }),
    facts.destructionNote ? ` — ${facts.destructionNote}` : '');
  } else {
    body = [
      h('p', { id: 'destruction-due' }, t('complaints.destruction.due', { date: formatDate(facts.destructionDue) })),
      actionForm('destruction-form', t('complaints.destruction.confirm'), (add) => [
        add('note', t('complaints.destruction.note'), textInput(), { hint: t('complaints.destruction.noteHint') }),
      ], async (inputs) => {
        await api.post(`/complaints/${id}/destruction`, { json: { note: value(inputs.note) } });
        done(t('complaints.destruction.done'));
      }),
    ];
  }
  return h('section', { class: 'cw-section', id: 'destruction', 'aria-labelledby': 'destruction-heading' },
    h('h2', { id: 'destruction-heading' }, t('complaints.destruction.title')), body);
}

function resolveSection(id, done) {
  return h('section', { class: 'cw-section', id: 'resolution', 'aria-labelledby': 'resolution-heading' },
    h('h2', { id: 'resolution-heading' }, t('complaints.resolve.title')),
    actionForm('resolve-form', t('complaints.resolve.submit'), (add) => [
      add('outcome', t('complaints.resolve.outcome'), select(options('outcome', RESOLUTION_OUTCOMES), {}, t('complaints.choose')),
        { required: true }),
      add('summary', t('complaints.resolve.summary'), textarea({ rows: '3' }), { required: true }),
    ], async (inputs) => {
      await api.post(`/complaints/${id}/resolution`, { json: { outcome: value(inputs.outcome), summary: value(inputs.summary) } });
      done(t('complaints.resolve.done'));
    }));
}

function reopenSection(id, done) {
  return h('section', { class: 'cw-section', id: 'reopen', 'aria-labelledby': 'reopen-heading' },
    h('h2', { id: 'reopen-heading' }, t('complaints.reopen.title')),
    actionForm('reopen-form', t('complaints.reopen.submit'), (add) => [
      add('reason', t('complaints.reopen.reason'), textarea({ rows: '3' }), { required: true }),
    ], async (inputs) => {
      await api.post(`/complaints/${id}/reopen`, { json: { reason: value(inputs.reason) } });
      done(t('complaints.reopen.done'));
    }));
}
