// Sign-in and the password change a new or reset account must make before anything else.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError, describeError } from '../api.js';
import { signIn, loadSession, currentSession } from '../session.js';
import { alertBox, button, formGroup, textInput, FormErrors } from '../components.js';
import { afterSignIn, navigate, toSignIn } from '../app.js';

export function signInPage(ctx) {
  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const username = formGroup({
    id: 'sign-in-username', label: t('signIn.username'), required: true,
    input: textInput({ name: 'username', autocomplete: 'username', spellcheck: 'false', autocapitalize: 'none' }),
  });
  const password = formGroup({
    id: 'sign-in-password', label: t('signIn.password'), required: true,
    input: textInput({ name: 'password', type: 'password', autocomplete: 'current-password' }),
  });
  const code = formGroup({
    id: 'sign-in-code', label: t('signIn.code'), hint: t('signIn.codeHint'),
    input: textInput({ name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', spellcheck: 'false' }),
  });
  // shown once the server says this account signs in with a second factor
  code.group.hidden = true;
  errors.register('username', { ...username, label: t('signIn.username') });
  errors.register('password', { ...password, label: t('signIn.password') });
  errors.register('code', { ...code, label: t('signIn.code') });

  const form = h('form', { class: 'cw-form', novalidate: true, id: 'sign-in-form' },
    username.group, password.group, code.group,
    h('div', { class: 'cw-form-actions' }, button(t('signIn.submit'), { type: 'submit', id: 'sign-in-submit' })));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = [];
    if (!username.input.value.trim()) {
      missing.push({ field: 'username', message: t('signIn.usernameMissing') });
    }
    if (!password.input.value) {
      missing.push({ field: 'password', message: t('signIn.passwordMissing') });
    }
    if (missing.length) {
      errors.show(missing);
      return;
    }
    try {
      const session = await signIn(username.input.value.trim(), password.input.value,
        code.group.hidden ? null : code.input.value.trim());
      if (session && session.passwordChangeRequired) {
        navigate('#/change-password');
      } else {
        await afterSignIn();
      }
    } catch (error) {
      const type = error instanceof ApiError ? String(error.problem.type || '') : '';
      if (type.endsWith('otp-required') && code.group.hidden) {
        code.group.hidden = false;
        errors.show([{ field: 'code', message: t('signIn.codeNeeded') }]);
        code.input.focus();
        return;
      }
      password.input.value = '';
      code.input.value = '';
      const text = error instanceof ApiError && error.status === 401 ? t('signIn.failed') : describeError(error);
      errors.show([{ field: null, message: text }], t('signIn.failedTitle'));
    }
  });

  ctx.render(
    h('div', { class: 'cw-narrow' },
      h('h1', { tabindex: '-1' }, t('signIn.title')),
      h('p', { class: 'cw-intro' }, t('signIn.intro')),
      errorsHost,
      form));
}

export function changePasswordPage(ctx) {
  const required = Boolean(currentSession() && currentSession().passwordChangeRequired);
  const errorsHost = h('div', { class: 'cw-form-errors' });
  const errors = new FormErrors(errorsHost);
  const current = formGroup({
    id: 'current-password', label: t('password.current'), required: true,
    input: textInput({ name: 'currentPassword', type: 'password', autocomplete: 'current-password' }),
  });
  const next = formGroup({
    id: 'new-password', label: t('password.new'), required: true, hint: t('password.newHint'),
    input: textInput({ name: 'newPassword', type: 'password', autocomplete: 'new-password' }),
  });
  const confirm = formGroup({
    id: 'confirm-password', label: t('password.confirm'), required: true,
    input: textInput({ name: 'confirmPassword', type: 'password', autocomplete: 'new-password' }),
  });
  errors.register('currentPassword', { ...current, label: t('password.current') });
  errors.register('newPassword', { ...next, label: t('password.new') });
  errors.register('confirmPassword', { ...confirm, label: t('password.confirm') });

  const form = h('form', { class: 'cw-form', novalidate: true, id: 'change-password-form' },
    current.group, next.group, confirm.group,
    h('div', { class: 'cw-form-actions' },
      button(t('password.submit'), { type: 'submit', id: 'change-password-submit' }),
      required ? null : h('a', { class: 'cw-button cw-button--unstyled', href: '#/' }, t('form.cancel'))));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = [];
    if (!current.input.value) {
      problems.push({ field: 'currentPassword', message: t('password.currentMissing') });
    }
    if (!next.input.value) {
      problems.push({ field: 'newPassword', message: t('password.newMissing') });
    } else if (next.input.value !== confirm.input.value) {
      problems.push({ field: 'confirmPassword', message: t('password.mismatch') });
    }
    if (problems.length) {
      errors.show(problems);
      return;
    }
    try {
      await api.post('/users/me/password', {
        json: { currentPassword: current.input.value, newPassword: next.input.value },
      });
    } catch (error) {
      if (error.handled) {
        return;
      }
      let list = error instanceof ApiError ? error.fieldErrors : [];
      if (error instanceof ApiError && error.status === 401) {
        list = [{ field: 'currentPassword', message: t('password.currentWrong') }];
      }
      errors.show(list.length ? list : [{ field: null, message: describeError(error) }]);
      return;
    }
    // Continue when the session is still valid; otherwise sign in with the new password.
    let session = null;
    try {
      session = await loadSession();
    } catch (e) {
      session = null;
    }
    if (session && !session.passwordChangeRequired) {
      await afterSignIn({ flash: { type: 'success', text: t('password.changed') } });
    } else {
      toSignIn({ type: 'success', text: t('password.changedSignIn') });
    }
  });

  ctx.render(
    h('div', { class: 'cw-narrow' },
      h('h1', { tabindex: '-1' }, t('password.title')),
      required ? alertBox('info', t('password.requiredText'), { heading: t('password.requiredTitle') }) : null,
      errorsHost,
      form));
}
