// The frame around every page: header with the site name and the user, the main navigation built
// from the installed console modules and case types, and the skip link.

import { h } from './dom.js';
import { t, currentLanguage } from './i18n.js';
import { api } from './api.js';
import { caseTypes } from './casetypes.js';
import { currentSession, hasRole } from './session.js';

const SAFE_ENTRY = /^(#\/|\/(?!\/))/;

let entries = [];

/**
 * A module's navigation label in the page's language: the module's own label for that language
 * when it gives one (`labels`, by language code), else its default (English) label, else its key.
 */
export function moduleLabel(module) {
  const labels = module && module.labels && typeof module.labels === 'object' ? module.labels : {};
  const local = labels[currentLanguage()];
  return (typeof local === 'string' && local.trim()) ? local : (module.label || module.key);
}

/** Puts the shell's own texts in the user's language and wires the skip link and sign-out. */
export function initShell({ onSignOut }) {
  document.getElementById('skip-link').textContent = t('shell.skipToMain');
  document.getElementById('site-title').textContent = t('app.name');
  document.getElementById('change-password-link').textContent = t('shell.changePassword');
  document.getElementById('footer-text').textContent = t('shell.footer');
  document.getElementById('site-nav').setAttribute('aria-label', t('shell.navLabel'));
  const signOut = document.getElementById('sign-out');
  signOut.textContent = t('shell.signOut');
  signOut.addEventListener('click', onSignOut);
  // The skip link must not change the route: move focus to the main region instead.
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main-content').focus();
  });
}

/** Shows or hides the signed-in parts of the frame. */
export function showUser(session) {
  const signedIn = Boolean(session) && !session.passwordChangeRequired;
  document.getElementById('user-area').hidden = !session;
  document.getElementById('site-nav').hidden = !signedIn;
  document.getElementById('change-password-link').hidden = !signedIn;
  document.getElementById('user-name').textContent = session
    ? t('shell.signedInAs', { name: session.displayName || session.username }) : '';
  if (!session) {
    entries = [];
    document.getElementById('site-nav').replaceChildren();
  }
}

/** Loads the modules and case types the user may see and rebuilds the navigation. */
export async function refreshNavigation(freshTypes = false) {
  const [modules, types] = await Promise.all([
    api.get('/console/modules').catch(() => []),
    caseTypes(freshTypes).catch(() => []),
  ]);
  const list = [{ key: 'home', label: t('nav.home'), href: '#/' }];
  const seen = new Set(['#/']);
  for (const type of types) {
    const href = `#/cases/${encodeURIComponent(type.key)}`;
    seen.add(href);
    list.push({ key: `cases-${type.key}`, label: type.pluralLabel || type.label || type.key, href });
  }
  for (const module of Array.isArray(modules) ? modules : []) {
    if (module && typeof module.entryPath === 'string' && SAFE_ENTRY.test(module.entryPath) && !seen.has(module.entryPath)) {
      seen.add(module.entryPath);
      list.push({ key: `module-${module.key}`, label: moduleLabel(module), href: module.entryPath });
    }
  }
  for (const entry of roleEntries()) {
    if (!seen.has(entry.href)) {
      seen.add(entry.href);
      list.push(entry);
    }
  }
  entries = list;
  const nav = document.getElementById('site-nav');
  nav.replaceChildren(h('ul', { class: 'cw-sidenav__list' },
    list.map((entry) => h('li', { class: 'cw-sidenav__item' },
      h('a', { class: 'cw-sidenav__link', href: entry.href, dataset: { nav: entry.key } }, entry.label)))));
  markCurrent(location.hash);
  return { modules: Array.isArray(modules) ? modules : [], types };
}

/**
 * The console's own tools the user's roles open (administrators hold every role): the server
 * checks each request anyway; this only keeps the menu to what the user can use.
 */
export function roleEntries() {
  if (!currentSession()) {
    return [];
  }
  const list = [];
  if (hasRole('helpdesk')) {
    list.push({ key: 'users', label: t('nav.users'), href: '#/users' });
  }
  if ((currentSession().roles || []).includes('admin')) {
    list.push({ key: 'roles', label: t('nav.roles'), href: '#/roles' });
  }
  if (hasRole('auditor')) {
    list.push({ key: 'audit', label: t('nav.audit'), href: '#/audit' });
  }
  if (hasRole('security-officer')) {
    list.push({ key: 'alerts', label: t('nav.alerts'), href: '#/alerts' });
  }
  list.push({ key: 'account', label: t('nav.account'), href: '#/account' });
  return list;
}

/** Marks the navigation entry for the current location (the longest matching entry). */
export function markCurrent(hash) {
  const path = String(hash || '#/').split('?')[0] || '#/';
  let best = null;
  for (const entry of entries) {
    const matches = entry.href === '#/' ? path === '#/' || path === '#' || path === ''
      : path === entry.href || path.startsWith(`${entry.href}/`);
    if (matches && (!best || entry.href.length > best.href.length)) {
      best = entry;
    }
  }
  for (const link of document.querySelectorAll('#site-nav a')) {
    const current = best && link.dataset.nav === best.key;
    link.classList.toggle('cw-current', Boolean(current));
    if (current) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}
