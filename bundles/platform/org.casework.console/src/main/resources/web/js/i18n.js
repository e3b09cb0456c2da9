// Message bundles and locale-aware formatting. Every user-facing string of the console comes from
// /console/i18n/<lang>.json; English is the fallback for languages and keys a bundle lacks.

const SUPPORTED = ['en', 'es'];
let messages = {};
let language = 'en';

async function fetchBundle(lang) {
  const response = await fetch(`/console/i18n/${lang}.json`, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`Message bundle ${lang} not found`);
  }
  return response.json();
}

/** The first supported language among the browser's preferences, else English. */
export function chooseLanguage(preferences) {
  for (const pref of preferences || []) {
    const base = String(pref || '').toLowerCase().split('-')[0];
    if (SUPPORTED.includes(base)) {
      return base;
    }
  }
  return 'en';
}

/** Loads the bundle for the browser's language (English underneath) and sets the page's lang. */
export async function loadMessages() {
  const wanted = chooseLanguage(navigator.languages && navigator.languages.length
    ? navigator.languages : [navigator.language]);
  const english = await fetchBundle('en');
  messages = english;
  language = 'en';
  if (wanted !== 'en') {
    try {
      messages = { ...english, ...(await fetchBundle(wanted)) };
      language = wanted;
    } catch (e) {
      console.warn('Falling back to English messages', e);
    }
  }
  document.documentElement.lang = language;
}

const moduleBundles = new Map();

/**
 * Adds a module's messages (`<base>/en.json`, and `<base>/<lang>.json` for the page's language) to
 * the shell's, once per base. The shell's own keys win, so a module cannot change the frame's
 * texts; a module's Spanish is laid over its English like the shell's.
 */
export function addMessages(base) {
  if (!moduleBundles.has(base)) {
    const load = async (lang) => {
      const response = await fetch(`${base}/${lang}.json`, { credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error(`Message bundle ${base}/${lang}.json not found`);
      }
      return response.json();
    };
    const loading = (async () => {
      const english = await load('en');
      let local = {};
      if (language !== 'en') {
        try {
          local = await load(language);
        } catch (e) {
          console.warn('Falling back to English messages', e);
        }
      }
      messages = { ...english, ...local, ...messages };
    })();
    loading.catch(() => moduleBundles.delete(base));
    moduleBundles.set(base, loading);
  }
  return moduleBundles.get(base);
}

export function currentLanguage() {
  return language;
}

/** The message for a key with {placeholders} filled in; the key itself when it is missing. */
export function t(key, params) {
  let text = messages[key];
  if (text === undefined) {
    console.warn('Missing message', key);
    text = key;
  }
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) =>
      (params[name] === undefined || params[name] === null ? whole : String(params[name])));
  }
  return text;
}

/** Whether a bundle defines the key (for optional, data-driven labels). */
export function hasMessage(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** An ISO-8601 instant as a local date and time. */
export function formatDateTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar date (yyyy-MM-dd) without shifting it through a time zone. */
export function formatDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return String(isoDate);
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value) {
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(language).format(n) : String(value);
}

/** A byte count for people: 1.2 MB. */
export function formatBytes(bytes) {
  const units = ['B', 'kB', 'MB', 'GB'];
  let n = Number(bytes) || 0;
  let unit = 0;
  while (n >= 1000 && unit < units.length - 1) {
    n /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(n)} ${units[unit]}`;
}

/** A machine key such as IN_PROGRESS or duplicate-of as words: "In progress". */
export function humanize(key) {
  const words = String(key || '').replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
