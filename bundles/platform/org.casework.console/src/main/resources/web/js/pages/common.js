// Pieces several pages share.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError, describeError } from '../api.js';
import { caseType } from '../casetypes.js';
import { alertBox, button } from '../components.js';

/** The "not found" page, for an unknown case type or a case the user may not see. */
export function notFound(ctx) {
  ctx.render(h('h1', { tabindex: '-1' }, t('notFound.title')),
    h('p', null, t('notFound.text')),
    h('p', null, h('a', { href: '#/' }, t('notFound.home'))));
}

/** Breadcrumbs in the USWDS pattern: a nav with an ordered list, the last item the current page. */
export function breadcrumbs(items) {
  return h('nav', { class: 'cw-breadcrumb', 'aria-label': t('breadcrumb.label') },
    h('ol', { class: 'cw-breadcrumb__list' }, items.map((item, index) => h('li', { class: 'cw-breadcrumb__item' },
      index === items.length - 1 || !item.href
        ? h('span', { 'aria-current': index === items.length - 1 ? 'page' : null }, item.label)
        : h('a', { href: item.href }, item.label)))));
}

/**
 * The message for a stale edit (409): someone else changed the record; nothing was saved. The
 * button reloads the latest version. Shown in `host`, focused. texts: {title, text} for records
 * other than cases.
 */
export function showConflict(host, onReload, texts = {}) {
  const alert = alertBox('error', h('div', null,
    h('p', { class: 'cw-alert__text' }, texts.text || t('conflict.text')),
    h('p', { class: 'cw-alert__text' }, button(t('conflict.reload'), { id: 'conflict-reload', onClick: onReload }))),
  { heading: texts.title || t('conflict.title'), focusable: true, role: 'alert' });
  alert.id = 'conflict-alert';
  host.replaceChildren(alert);
  alert.focus();
  return alert;
}

/**
 * Runs a form's action: clears old errors, sends, and on failure shows the server's field errors
 * (or its message) in the form's error summary, or the conflict message for a 409.
 */
export async function submitting(form, errors, action, onConflict) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    errors.clear();
    await action();
  } catch (error) {
    if (error && error.handled) {
      return;
    }
    if (error instanceof ApiError && error.status === 409 && onConflict) {
      onConflict(error);
      return;
    }
    const list = error instanceof ApiError ? error.fieldErrors.filter((e) => e.field !== 'version') : [];
    errors.show(list.length ? list : [{ field: null, message: describeError(error) }]);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/**
 * The case type a page is for, or null once the "not found" page is shown (also null, without
 * rendering, when the user has already left the page).
 */
export async function pageCaseType(ctx) {
  const definition = await caseType(ctx.params.type);
  if (!ctx.alive()) {
    return null;
  }
  if (!definition) {
    notFound(ctx);
  }
  return definition || null;
}

/** The case at an API path, or null once the "not found" page is shown for a 404. */
export async function pageCase(ctx, path) {
  try {
    return await api.get(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      notFound(ctx);
      return null;
    }
    throw error;
  }
}
