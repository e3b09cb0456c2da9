// The training warnings of GET /api/v1/users/me/warnings: the user's own (expired, missing or
// about to expire) and, for managers, their staff's. An empty list when the server does not offer them.

import { h } from './dom.js';
import { t, formatDate } from './i18n.js';
import { alertBox } from './components.js';
import { optionalGet, NOT_AVAILABLE } from './lists.js';

/** The warnings, or null when the endpoint is not installed. */
export async function loadWarnings() {
  try {
    const result = await optionalGet('/users/me/warnings');
    if (result === NOT_AVAILABLE) {
      return null;
    }
    return Array.isArray(result && result.items) ? result.items : [];
  } catch (error) {
    // A warning banner must never stop a page from showing.
    return null;
  }
}

/** The sentence for one of the user's own warnings. */
export function ownWarningText(warning) {
  const course = warning.courseTitle || warning.course || '';
  if (warning.status === 'missing') {
    return t('warnings.ownMissing', { course });
  }
  if (warning.status === 'expiring') {
    return t('warnings.ownExpiring', { course, date: formatDate(warning.expiresOn) });
  }
  return t('warnings.ownExpired', { course });
}

/** The banner for the home page: null when there is nothing to warn about. */
export function warningsBanner(items) {
  if (!items || !items.length) {
    return null;
  }
  const own = items.filter((w) => w.own);
  const staff = new Set(items.filter((w) => !w.own).map((w) => w.username));
  const lines = own.map((w) => h('p', { class: 'cw-alert__text' }, ownWarningText(w)));
  if (staff.size) {
    lines.push(h('p', { class: 'cw-alert__text' }, t('warnings.staff', { count: staff.size })));
  }
  lines.push(h('p', { class: 'cw-alert__text' }, h('a', { href: '#/account' }, t('warnings.details'))));
  const box = alertBox('warning', h('div', null, lines), { heading: t('warnings.title'), role: 'region' });
  box.setAttribute('aria-label', t('warnings.title'));
  box.id = 'training-warnings';
  return box;
}
