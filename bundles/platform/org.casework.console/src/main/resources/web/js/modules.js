// Installed modules' own scripts (/console/<key>/pages.js), each loaded once, and the sections they
// add to the generic case page (ConsoleModule#caseSections on the server).

import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { alertBox } from './components.js';

const MODULE_KEY = /^[a-z0-9][a-z0-9-]*$/;
const scripts = new Map();

/** The module's pages script, imported once; a failed import is tried again next time. */
export function moduleScript(key) {
  if (!scripts.has(key)) {
    const loading = import(`/console/${key}/pages.js`);
    loading.catch(() => scripts.delete(key));
    scripts.set(key, loading);
  }
  return scripts.get(key);
}

/**
 * The sections the installed modules add to the page of a case of this type, in navigation
 * order: each module listed by GET /console/modules with the type among its caseSections gives
 * one through its script's caseSection({type, id, record, definition}). A module whose script or
 * section fails shows a short message in its place instead of taking the case page down.
 */
export async function caseSectionsFor(type, args) {
  let modules;
  try {
    modules = await api.get('/console/modules');
  } catch (error) {
    if (error && error.handled) {
      throw error;
    }
    return [];
  }
  const keys = (Array.isArray(modules) ? modules : [])
    .filter((m) => m && MODULE_KEY.test(m.key || '') && Array.isArray(m.caseSections) && m.caseSections.includes(type))
    .map((m) => m.key);
  const sections = await Promise.all(keys.map(async (key) => {
    try {
      const script = await moduleScript(key);
      if (typeof script.caseSection !== 'function') {
        return null;
      }
      const section = await script.caseSection({ type, ...args });
      return section instanceof Node ? section : null;
    } catch (error) {
      if (error && error.handled) {
        throw error;
      }
      console.error(`The case page section of module ${key} failed`, error);
      return h('section', { class: 'cw-section', dataset: { moduleSection: key } },
        alertBox('warning', t('detail.moduleSectionFailed')));
    }
  }));
  return sections.filter(Boolean);
}
