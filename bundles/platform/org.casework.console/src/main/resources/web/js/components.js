// Accessible building blocks in the U.S. Web Design System's patterns: alerts, form groups with
// the label above the input and the error inside the group, an error summary that links to the
// fields, buttons, tags and pagination. Module pages may import these too.

import { h, addDescribedBy, removeDescribedBy } from './dom.js';
import { t } from './i18n.js';

let sequence = 0;

/** A page-unique id with the given prefix. */
export function uniqueId(prefix) {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/**
 * An alert box. type: info, success, warning or error. Options: heading (text), headingLevel
 * (default 2), role (e.g. "alert" or "status"), focusable (tabindex -1 so focus can be moved there).
 */
export function alertBox(type, body, options = {}) {
  const level = options.headingLevel || 2;
  return h('div', {
    class: `cw-alert cw-alert--${type}`,
    role: options.role || null,
    tabindex: options.focusable ? '-1' : null,
    dataset: { alert: type },
  },
  h('div', { class: 'cw-alert__body' },
    options.heading ? h(`h${level}`, { class: 'cw-alert__heading', text: options.heading }) : null,
    typeof body === 'string' ? h('p', { class: 'cw-alert__text', text: body }) : body));
}

/** A button. variant: primary (default), outline, secondary, unstyled. */
export function button(text, options = {}) {
  const variant = options.variant && options.variant !== 'primary' ? ` cw-button--${options.variant}` : '';
  return h('button', {
    type: options.type || 'button',
    class: `cw-button${variant}`,
    id: options.id || null,
    onclick: options.onClick || null,
    dataset: options.dataset || null,
    'aria-describedby': options.describedBy || null,
  }, text);
}

/** A link that looks like a button (for navigation). */
export function buttonLink(text, href, options = {}) {
  const variant = options.variant && options.variant !== 'primary' ? ` cw-button--${options.variant}` : '';
  return h('a', { class: `cw-button${variant}`, href, id: options.id || null }, text);
}

/** A status tag such as "Open". */
export function tag(text, closed) {
  return h('span', { class: closed ? 'cw-tag cw-tag--closed' : 'cw-tag' }, text);
}

/** The red asterisk USWDS puts after a required field's label. */
export function requiredMarker() {
  return h('abbr', { class: 'cw-required', title: t('form.requiredTitle') }, '*');
}

/**
 * A form group: label above the input, an optional hint, and room for an error message between
 * the hint and the input. Returns {group, input}.
 */
export function formGroup({ id, label, input, hint, required }) {
  const parts = [h('label', { class: 'cw-label', for: id }, label, required ? [' ', requiredMarker()] : null)];
  if (hint) {
    const hintId = `${id}-hint`;
    parts.push(h('div', { class: 'cw-hint', id: hintId }, hint));
    addDescribedBy(input, hintId);
  }
  if (required) {
    input.setAttribute('aria-required', 'true');
  }
  input.id = id;
  parts.push(input);
  return { group: h('div', { class: 'cw-form-group' }, parts), input };
}

/** A text-like input with the console's styles. */
export function textInput(attrs = {}) {
  return h('input', { class: 'cw-input', type: 'text', ...attrs });
}

export function textarea(attrs = {}) {
  return h('textarea', { class: 'cw-input cw-textarea', rows: '5', ...attrs });
}

/** A select with an empty first choice when `empty` is given; options: [{value, label}]. */
export function select(options, attrs = {}, empty = null, selected = '') {
  const sel = h('select', { class: 'cw-input cw-select', ...attrs });
  if (empty !== null) {
    sel.append(h('option', { value: '' }, empty));
  }
  for (const option of options) {
    sel.append(h('option', { value: option.value, selected: String(option.value) === String(selected) }, option.label));
  }
  return sel;
}

/**
 * Shows server and client field errors on a form the USWDS way: each message inside its field's
 * group (red left border, red text, input marked invalid and described by the message), and a
 * summary at the top whose links move focus to the fields.
 */
export class FormErrors {
  /**
   * @param summaryHost the element the error summary is placed in
   */
  constructor(summaryHost) {
    this.summaryHost = summaryHost;
    this.fields = new Map();
    this.shown = [];
  }

  /**
   * Declares where errors for a field path go. path: the name the server uses, e.g.
   * "fields.title" or "fields.constituent.fullName"; group: the form group; input: the element
   * focused from the summary and described by the message; anchor: the error goes before it
   * (default: the input); label: the field's label for the summary.
   */
  register(path, { group, input, anchor, label }) {
    this.fields.set(path, { group, input, anchor: anchor || input, label });
  }

  /** The registration for a path, falling back to its parent (fields.a.b -> fields.a). */
  find(path) {
    let candidate = path || '';
    while (candidate) {
      if (this.fields.has(candidate)) {
        return this.fields.get(candidate);
      }
      if (this.fields.has(`fields.${candidate}`)) {
        return this.fields.get(`fields.${candidate}`);
      }
      const dot = candidate.lastIndexOf('.');
      candidate = dot > 0 ? candidate.slice(0, dot) : '';
    }
    return null;
  }

  clear() {
    for (const { group, input, message } of this.shown) {
      group.classList.remove('cw-form-group--error');
      input.classList.remove('cw-input--error');
      input.removeAttribute('aria-invalid');
      removeDescribedBy(input, message.id);
      message.remove();
    }
    this.shown = [];
    this.summaryHost.replaceChildren();
  }

  /**
   * Shows the errors ([{field, message}]) and moves focus to the summary. Errors whose field is
   * not on the form appear in the summary only.
   */
  show(errors, title) {
    this.clear();
    const items = [];
    const messagesByTarget = new Map();
    for (const error of errors) {
      const target = this.find(error.field);
      const text = error.message || t('form.invalidValue');
      if (target) {
        if (!messagesByTarget.has(target)) {
          messagesByTarget.set(target, []);
        }
        messagesByTarget.get(target).push(text);
        items.push(h('li', null, h('a', {
          href: `#${target.input.id}`,
          onclick: (event) => {
            event.preventDefault();
            target.input.focus();
          },
        }, target.label && !text.includes(target.label) ? t('form.errorItem', { label: target.label, message: text }) : text)));
      } else {
        items.push(h('li', null, text));
      }
    }
    for (const [target, texts] of messagesByTarget) {
      const message = h('span', { class: 'cw-error-message', id: uniqueId(`${target.input.id}-error`) },
        texts.join(' '));
      target.anchor.before(message);
      target.group.classList.add('cw-form-group--error');
      target.input.classList.add('cw-input--error');
      target.input.setAttribute('aria-invalid', 'true');
      addDescribedBy(target.input, message.id);
      this.shown.push({ ...target, message });
    }
    const summary = alertBox('error', h('ul', { class: 'cw-error-summary__list' }, items), {
      heading: title || t('form.errorSummaryTitle'), focusable: true, role: 'alert',
    });
    summary.classList.add('cw-error-summary');
    this.summaryHost.replaceChildren(summary);
    summary.focus();
    return summary;
  }
}

/** USWDS-style pagination: previous, numbered pages (with gaps), next. hrefFor(page) -> hash. */
export function pagination(page, size, total, hrefFor) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) {
    return null;
  }
  const list = h('ul', { class: 'cw-pagination__list' });
  if (page > 0) {
    list.append(h('li', { class: 'cw-pagination__item' },
      h('a', { class: 'cw-pagination__link', href: hrefFor(page - 1), id: 'pagination-previous' }, t('pagination.previous'))));
  }
  const shown = new Set([0, pages - 1, page - 1, page, page + 1].filter((p) => p >= 0 && p < pages));
  let last = -1;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - last > 1) {
      list.append(h('li', { class: 'cw-pagination__item cw-pagination__overflow', 'aria-hidden': 'true' }, '…'));
    }
    list.append(h('li', { class: 'cw-pagination__item' },
      h('a', {
        class: p === page ? 'cw-pagination__link cw-pagination__link--current' : 'cw-pagination__link',
        href: hrefFor(p),
        'aria-current': p === page ? 'page' : null,
        'aria-label': t('pagination.page', { page: p + 1 }),
      }, String(p + 1))));
    last = p;
  }
  if (page < pages - 1) {
    list.append(h('li', { class: 'cw-pagination__item' },
      h('a', { class: 'cw-pagination__link', href: hrefFor(page + 1), id: 'pagination-next' }, t('pagination.next'))));
  }
  return h('nav', { class: 'cw-pagination', 'aria-label': t('pagination.label') }, list);
}

/** A visually hidden text for screen readers. */
export function srOnly(text) {
  return h('span', { class: 'cw-sr-only' }, text);
}
