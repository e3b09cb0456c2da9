// The start page: the case types and console modules the user may use.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { currentSession } from '../session.js';
import { may } from '../casetypes.js';
import { refreshNavigation, moduleLabel } from '../shell.js';
import { loadWarnings, warningsBanner } from '../warnings.js';

export async function homePage(ctx) {
  // Modules may have been installed or removed since the last visit.
  const [{ modules, types }, warnings] = await Promise.all([refreshNavigation(true), loadWarnings()]);
  const session = currentSession();
  const typeList = types.length
    ? h('ul', { class: 'cw-card-list', id: 'home-case-types' }, types.map((type) => h('li', { class: 'cw-card' },
      h('h3', { class: 'cw-card__heading' },
        h('a', { href: `#/cases/${encodeURIComponent(type.key)}` }, type.pluralLabel || type.label)),
      may(type, 'CREATE')
        ? h('p', { class: 'cw-card__body' }, h('a', { href: `#/cases/${encodeURIComponent(type.key)}/new` },
          t('home.newCase', { label: type.label })))
        : null)))
    : h('p', null, t('home.noCaseTypes'));
  const typeRoutes = new Set(types.map((type) => `#/cases/${encodeURIComponent(type.key)}`));
  // Modules whose entry is a case type's generic pages are already listed under Cases.
  const moduleLinks = modules.filter((m) => typeof m.entryPath === 'string' && /^(#\/|\/(?!\/))/.test(m.entryPath)
    && !typeRoutes.has(m.entryPath));
  ctx.render(
    h('h1', { tabindex: '-1' }, t('home.title', { name: session.displayName || session.username })),
    warningsBanner(warnings),
    h('p', { class: 'cw-intro' }, t('home.intro')),
    h('section', { 'aria-labelledby': 'home-cases-heading' },
      h('h2', { id: 'home-cases-heading' }, t('home.caseTypes')),
      typeList),
    moduleLinks.length ? h('section', { 'aria-labelledby': 'home-modules-heading' },
      h('h2', { id: 'home-modules-heading' }, t('home.modules')),
      h('ul', { class: 'cw-link-list', id: 'home-modules' },
        moduleLinks.map((m) => h('li', null, h('a', { href: m.entryPath }, moduleLabel(m)))))) : null);
}
