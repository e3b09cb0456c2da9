// #/account: the signed-in user's own account: open sessions (end one), password, two-factor
// sign-in (set up with the secret and recovery codes shown once, or turn off), and training warnings.

import { h } from '../dom.js';
import { t, formatDateTime, formatDate } from '../i18n.js';
import { api, ApiError, describeError } from '../api.js';
import { currentSession } from '../session.js';
import { buildHash } from '../router.js';
import { alertBox, button, buttonLink, formGroup, textInput, FormErrors, tag } from '../components.js';
import { navigate, toSignIn } from '../app.js';
import { submitting } from './common.js';
import { sortParam, sortableHead, sortItems, summaryList } from '../lists.js';
import { loadWarnings, ownWarningText } from '../warnings.js';

const SESSION_SORT_KEYS = ['kind', 'createdAt', 'lastSeenAt', 'remoteAddress'];

function when(iso) {
  return iso ? h('time', { datetime: iso }, formatDateTime(iso)) : '';
}

function sessionsSection(sessions, sort) {
  const hashFor = (changes) => buildHash(['account'], { sort: `${sort.key},${sort.dir}`, ...changes, page: null });
  const columns = [
    { key: 'kind', label: t('account.sessionKind'), sortable: true },
    { key: 'createdAt', label: t('account.sessionCreated'), sortable: true },
    { key: 'lastSeenAt', label: t('account.sessionLastSeen'), sortable: true },
    { key: 'remoteAddress', label: t('account.sessionAddress'), sortable: true },
    { key: 'actions', label: t('account.sessionActions') },
  ];
  const status = h('div', { id: 'session-status', 'aria-live': 'polite' });
  const rows = sortItems(sessions, sort).map((s, index) => {
    const end = button(s.current ? t('account.endCurrent') : t('account.end'), {
      variant: 'outline', id: `end-session-${index}`,
      describedBy: `session-${index}-label`,
    });
    end.addEventListener('click', async () => {
      end.disabled = true;
      try {
        await api.del(`/session/list/${encodeURIComponent(s.id)}`);
        if (s.current) {
          toSignIn({ type: 'info', text: t('signIn.signedOut') });
          return;
        }
        navigate(location.hash, { flash: { type: 'success', text: t('account.ended') } });
      } catch (error) {
        end.disabled = false;
        if (!error.handled) {
          status.replaceChildren(alertBox('error', describeError(error), { role: 'alert' }));
        }
      }
    });
    return h('tr', { dataset: { sessionId: s.id } },
      h('th', { scope: 'row', id: `session-${index}-label` },
        s.kind === 'API' ? t('account.kindToken') : t('account.kindBrowser'),
        s.current ? [' ', tag(t('account.thisSession'))] : null),
      h('td', null, when(s.createdAt)),
      h('td', null, when(s.lastSeenAt)),
      h('td', null, s.remoteAddress || t('value.none')),
      h('td', null, end));
  });
  return h('section', { class: 'cw-section', 'aria-labelledby': 'sessions-heading', id: 'account-sessions' },
    h('h2', { id: 'sessions-heading' }, t('account.sessions')),
    h('p', null, t('account.sessionsIntro')),
    status,
    rows.length ? h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'session-table' },
      h('caption', { class: 'cw-sr-only' }, t('account.sessions')),
      h('thead', null, sortableHead(columns, sort, hashFor, 'sessions')),
      h('tbody', null, rows))) : h('p', null, t('account.noSessions')));
}

function passwordSection() {
  return h('section', { class: 'cw-section', 'aria-labelledby': 'password-heading' },
    h('h2', { id: 'password-heading' }, t('account.password')),
    h('p', null, t('account.passwordIntro')),
    buttonLink(t('shell.changePassword'), '#/change-password', { variant: 'outline', id: 'account-change-password' }));
}

/** A form with one code input, for confirming or turning off two-factor sign-in. */
function codeForm(id, submitText, onCode, variant = 'primary') {
  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const code = formGroup({ id: `${id}-code`, label: t('account.code'), required: true, hint: t('account.codeHint'),
    input: textInput({ name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: 'false' }) });
  errors.register('code', { ...code, label: t('account.code') });
  const form = h('form', { class: 'cw-form', novalidate: true, id }, code.group,
    h('div', { class: 'cw-form-actions' }, button(submitText, { type: 'submit', id: `${id}-submit`, variant })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = code.input.value.replace(/\s+/g, '');
    if (!value) {
      errors.show([{ field: 'code', message: t('account.codeMissing') }]);
      return;
    }
    await submitting(form, errors, async () => {
      try {
        await onCode(value);
      } catch (error) {
        // A wrong code is refused without naming a field; show it next to the code.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && !error.fieldErrors.length && !error.handled) {
          error.problem = { ...error.problem, errors: [{ field: 'code', message: error.problem.detail || error.problem.title || t('account.codeWrong') }] };
        }
        throw error;
      }
    });
  });
  return { form, errorsHost };
}

function twoFactorSection() {
  const host = h('div', { id: 'totp-host' });
  const start = button(t('account.totpStart'), { id: 'totp-start' });
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      const enrolment = await api.post('/users/me/totp');
      const confirm = codeForm('totp-confirm', t('account.totpConfirm'), async (code) => {
        await api.post('/users/me/totp/confirm', { json: { code } });
        navigate(location.hash, { flash: { type: 'success', text: t('account.totpOn') } });
      });
      const panel = h('div', { class: 'cw-totp', id: 'totp-enrolment', tabindex: '-1' },
        alertBox('warning', t('account.totpOnce'), { heading: t('account.totpOnceTitle') }),
        h('h3', null, t('account.totpStep1')),
        h('p', null, t('account.totpStep1Text')),
        summaryList([
          [t('account.totpSecret'), h('code', { class: 'cw-secret', id: 'totp-secret' }, enrolment.secret)],
          [t('account.totpUri'), h('code', { class: 'cw-secret', id: 'totp-uri' }, enrolment.otpauthUri)],
        ]),
        h('h3', null, t('account.totpStep2')),
        h('p', null, t('account.totpStep2Text')),
        h('ol', { class: 'cw-recovery-codes', id: 'totp-recovery-codes' },
          (enrolment.recoveryCodes || []).map((c) => h('li', null, h('code', null, c)))),
        h('h3', null, t('account.totpStep3')),
        confirm.errorsHost, confirm.form);
      host.replaceChildren(panel);
      panel.focus();
    } catch (error) {
      if (!error.handled) {
        host.replaceChildren(alertBox('error', describeError(error), { role: 'alert' }));
      }
    } finally {
      start.disabled = false;
    }
  });
  const off = codeForm('totp-disable', t('account.totpDisable'), async (code) => {
    await api.del('/users/me/totp', { json: { code } });
    navigate(location.hash, { flash: { type: 'success', text: t('account.totpOff') } });
  }, 'outline');
  return h('section', { class: 'cw-section', 'aria-labelledby': 'totp-heading', id: 'account-totp' },
    h('h2', { id: 'totp-heading' }, t('account.totp')),
    h('p', null, t('account.totpIntro')),
    start, host,
    h('h3', null, t('account.totpDisableHeading')),
    h('p', null, t('account.totpDisableIntro')),
    off.errorsHost, off.form);
}

function warningsSection(items) {
  let body;
  if (items === null) {
    body = h('p', null, t('warnings.notAvailable'));
  } else if (!items.length) {
    body = h('p', null, t('warnings.none'));
  } else {
    const own = items.filter((w) => w.own);
    const staff = items.filter((w) => !w.own);
    body = [
      own.length ? h('ul', { id: 'own-warnings' }, own.map((w) => h('li', null, ownWarningText(w)))) : null,
      staff.length ? [h('h3', null, t('warnings.staffHeading')),
        h('div', { class: 'cw-table-container' }, h('table', { class: 'cw-table', id: 'staff-warnings' },
          h('caption', { class: 'cw-sr-only' }, t('warnings.staffHeading')),
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('warnings.person')),
            h('th', { scope: 'col' }, t('warnings.course')),
            h('th', { scope: 'col' }, t('warnings.status')),
            h('th', { scope: 'col' }, t('warnings.expiresOn')))),
          h('tbody', null, staff.map((w) => h('tr', null,
            h('th', { scope: 'row' }, w.fullName ? `${w.fullName} (${w.username})` : w.username),
            h('td', null, w.courseTitle || w.course || ''),
            h('td', null, t(`warnings.status.${['missing', 'expired', 'expiring'].includes(w.status) ? w.status : 'expired'}`)),
            h('td', null, formatDate(w.expiresOn)))))))] : null,
    ];
  }
  return h('section', { class: 'cw-section', 'aria-labelledby': 'warnings-heading', id: 'account-warnings' },
    h('h2', { id: 'warnings-heading' }, t('warnings.heading')), body);
}

/** #/account */
export async function accountPage(ctx) {
  const session = currentSession();
  const sort = sortParam(ctx.query.sort, SESSION_SORT_KEYS, { key: 'lastSeenAt', dir: 'desc' });
  const [sessions, warnings] = await Promise.all([
    api.get('/session/list'),
    loadWarnings(),
  ]);
  if (!ctx.alive()) {
    return;
  }
  ctx.render(
    h('h1', { tabindex: '-1' }, t('account.title')),
    summaryList([
      [t('users.username'), session.username],
      [t('users.fullName'), session.displayName || t('value.none')],
      [t('users.roles'), (session.roles || []).join(', ') || t('value.none')],
    ], 'account-facts'),
    sessionsSection(Array.isArray(sessions) ? sessions : [], sort),
    passwordSection(),
    twoFactorSection(),
    warningsSection(warnings));
}
