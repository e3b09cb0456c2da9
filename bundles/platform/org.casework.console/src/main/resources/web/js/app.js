// Boots the console: loads the messages and the session, then renders the page the location hash
// names into <main>, moving focus to its heading (or to a message) after every change of page.

import { h } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { onAuthProblem, describeError } from './api.js';
import { loadSession, currentSession, signOut, forgetSession } from './session.js';
import { forgetCaseTypes } from './casetypes.js';
import { matchRoute } from './router.js';
import { alertBox } from './components.js';
import { initShell, showUser, refreshNavigation, markCurrent } from './shell.js';
import { signInPage, changePasswordPage } from './pages/auth.js';
import { homePage } from './pages/home.js';
import { caseListPage } from './pages/case-list.js';
import { caseDetailPage } from './pages/case-detail.js';
import { caseCreatePage, caseEditPage } from './pages/case-form.js';
import { notFound } from './pages/common.js';
import { usersPage, userCreatePage, userDetailPage } from './pages/users.js';
import { rolesPage, roleDetailPage } from './pages/roles.js';
import { auditPage, auditHistoryPage } from './pages/audit.js';
import { alertsPage, alertDetailPage } from './pages/alerts.js';
import { accountPage } from './pages/account.js';
import { moduleScript } from './modules.js';

const PAGES = {
  signIn: signInPage,
  changePassword: changePasswordPage,
  home: homePage,
  caseList: caseListPage,
  caseDetail: caseDetailPage,
  caseCreate: caseCreatePage,
  caseEdit: caseEditPage,
  users: usersPage,
  userCreate: userCreatePage,
  userDetail: userDetailPage,
  roles: rolesPage,
  roleDetail: roleDetailPage,
  audit: auditPage,
  auditHistory: auditHistoryPage,
  alerts: alertsPage,
  alertDetail: alertDetailPage,
  account: accountPage,
  module: modulePage,
  notFound,
};

/**
 * A module's own page (#/m/<key>/...). The module's bundle serves /console/<key>/pages.js, whose
 * route(path, query) answers {name, params, page} for the rest of the path, or null; the page then
 * runs like the shell's own, inside the same frame, with the same focus handling and session.
 */
async function modulePage(ctx) {
  const { key, path } = ctx.params;
  let script;
  try {
    script = await moduleScript(key);
  } catch (e) {
    console.error(`Pages of module ${key} could not be loaded`, e);
    notFound(ctx);
    return;
  }
  const found = typeof script.route === 'function' ? await script.route(path, ctx.query) : null;
  if (!ctx.alive()) {
    return;
  }
  if (!found) {
    notFound(ctx);
    return;
  }
  main.dataset.page = found.name;
  ctx.params = { ...found.params };
  await found.page(ctx);
}

const PUBLIC_ROUTES = new Set(['signIn']);

const main = document.getElementById('main-content');
let renderCount = 0;
let pendingFlash = null;
let pendingFocus = null;
let returnTo = null;
let navigationLoaded = false;
let firstPageShown = false;

/**
 * Goes to a hash route. Options: flash ({type, text}) shown on the next page; focus (an element id
 * to focus instead of the heading, e.g. the control that changed the route).
 */
export function navigate(hash, options = {}) {
  pendingFlash = options.flash || pendingFlash;
  pendingFocus = options.focus || null;
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

/** Renders the current route again, e.g. after a change to the record it shows. */
export function refresh(options = {}) {
  navigate(location.hash || '#/', options);
}

/** Called after sign-in: reloads the navigation and goes where the user was heading. */
export async function afterSignIn(options = {}) {
  forgetCaseTypes();
  navigationLoaded = false;
  const target = returnTo && !returnTo.startsWith('#/sign-in') ? returnTo : '#/';
  returnTo = null;
  navigate(target, options);
}

/** After sign-out or an ended session: forget everything and show the sign-in page. */
export function toSignIn(flash) {
  forgetSession();
  forgetCaseTypes();
  navigationLoaded = false;
  showUser(null);
  navigate('#/sign-in', { flash });
}

/** What a page gets: its params and query, and render() that only draws while it is current. */
function context(route, count, flash) {
  return {
    route,
    params: route.params,
    query: route.query,
    flash,
    alive: () => count === renderCount,
    render: (...nodes) => {
      if (count !== renderCount) {
        return;
      }
      const banner = flash ? alertBox(flash.type || 'success', flash.text, {
        focusable: true, role: flash.type === 'error' ? 'alert' : 'status',
      }) : null;
      if (banner) {
        banner.id = 'flash-message';
      }
      main.replaceChildren(...[banner, ...nodes].filter(Boolean));
    },
  };
}

async function render() {
  renderCount += 1;
  const count = renderCount;
  const route = matchRoute(location.hash);
  const session = currentSession();
  if (!session && !PUBLIC_ROUTES.has(route.name)) {
    returnTo = location.hash || '#/';
    location.replace('#/sign-in');
    return;
  }
  if (session && session.passwordChangeRequired && route.name !== 'changePassword') {
    location.replace('#/change-password');
    return;
  }
  if (session && !session.passwordChangeRequired && route.name === 'signIn') {
    location.replace('#/');
    return;
  }
  showUser(session);
  const flash = pendingFlash;
  const focusId = pendingFocus;
  pendingFlash = null;
  pendingFocus = null;
  main.dataset.page = route.name;
  main.setAttribute('aria-busy', 'true');
  const ctx = context(route, count, flash);
  try {
    if (session && !session.passwordChangeRequired && !navigationLoaded) {
      navigationLoaded = true;
      // Home reloads the navigation itself.
      if (route.name !== 'home') {
        await refreshNavigation();
      }
    }
    markCurrent(location.hash);
    await PAGES[route.name](ctx);
  } catch (error) {
    if (!ctx.alive() || error.handled) {
      return;
    }
    console.error(error);
    ctx.render(h('h1', { tabindex: '-1' }, t('error.pageTitle')),
      alertBox('error', describeError(error), { role: 'alert' }),
      h('p', null, h('a', { href: '#/' }, t('notFound.home'))));
  }
  if (!ctx.alive()) {
    return;
  }
  main.setAttribute('aria-busy', 'false');
  const heading = main.querySelector('h1');
  document.title = heading ? t('app.pageTitle', { page: heading.textContent }) : t('app.name');
  const target = (focusId && document.getElementById(focusId))
    || document.getElementById('flash-message') || heading || main;
  // On the first page of a visit, focus stays at the start of the document (skip link first);
  // after that every change of page moves focus to the new page's heading or message.
  if (firstPageShown || focusId || document.getElementById('flash-message')) {
    target.focus();
  }
  firstPageShown = true;
}

async function start() {
  try {
    await loadMessages();
  } catch (e) {
    console.error('Messages could not be loaded', e);
  }
  initShell({
    onSignOut: async () => {
      try {
        await signOut();
      } catch (e) {
        // Signed out locally either way.
      }
      toSignIn({ type: 'info', text: t('signIn.signedOut') });
    },
  });
  onAuthProblem((error, method, path) => {
    if (path === '/session' || path === '/users/me/password') {
      return false;
    }
    if (error.status === 401) {
      returnTo = location.hash;
      toSignIn({ type: 'warning', text: t('signIn.sessionEnded') });
      return true;
    }
    if (error.status === 403 && error.problemType === 'password-change-required') {
      navigate('#/change-password');
      return true;
    }
    return false;
  });
  try {
    await loadSession();
  } catch (error) {
    console.error('Session could not be read', error);
  }
  window.addEventListener('hashchange', render);
  render();
}

start();
