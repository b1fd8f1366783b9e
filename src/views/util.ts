import { nothing } from 'lit';
import type { FieldValue, PhoneValue } from '../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../runner/view-model.js';
import { msg, type MessageKey, type MessageParams } from '../i18n/localize.js';
import { dateLocaleOf } from '../i18n/format.js';

export { formatSize } from '../i18n/format.js';
export { getPath, isFileRef, isPhone } from '../shared/field-values.js';

/** What every field renderer receives: the view, the actions, and where the field sits. */
export interface FieldContext {
  view: RunnerViewModel;
  actions: RunnerActions;
  /** Dotted path of the field's value in `view.values` (`owners.1.firstName`). */
  path: string;
}

/** Shorthand for a message in the view's language. */
export function t(view: RunnerViewModel, key: MessageKey, params?: MessageParams): string {
  return msg(view.locale, key, params);
}

/**
 * The language of the workflow's own texts (titles, labels, hints: the execution's `locale`) when
 * it differs from the UI language, so that they can be marked with `lang`; else `undefined`.
 */
export function serverLang(view: RunnerViewModel): string | undefined {
  const lang = view.execution?.locale;
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return lang && primary(lang) !== primary(view.locale) ? lang : undefined;
}

/** `serverLang` for a `lang=${...}` binding: no attribute when the texts are in the UI language. */
export function langAttr(view: RunnerViewModel): string | typeof nothing {
  return serverLang(view) ?? nothing;
}

/** `text` made safe inside a DOM id: every character but letters, digits, `_` and `-` becomes `-`. */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** A DOM id, unique in the shadow root, for a field path and a suffix: `tl-f-owners-1-firstName-hint`. */
export function idFor(path: string, suffix?: string): string {
  return `tl-f-${idPart(path)}${suffix ? `-${suffix}` : ''}`;
}

/** Joins the non-empty ids for `aria-describedby`, or `undefined` when there is none. */
export function describedBy(...ids: Array<string | undefined>): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** The string form of a value for a text-like control. */
export function asText(value: FieldValue | undefined): string {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? String(value) : '';
}

/**
 * A link target that is safe to bind: http(s) URLs only. Relative URLs are resolved against the
 * document; anything else (`javascript:`, `data:`, `vbscript:`) gives `null` and is not rendered.
 */
export function safeHref(href: string | undefined): string | null {
  try {
    const url = new URL(href!.trim() || 'data:,', document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null; // not a string, or not a URL
  }
}

/**
 * Country names by language and code, from one `Intl.DisplayNames` per language: building one costs
 * far more than asking it for a name, and every new workflow names its country options again.
 */
const displayNames = new Map<string, Intl.DisplayNames>();
const countryNames = new Map<string, string>();

/** A localised country name for an ISO 3166-1 alpha-2 code, or the code itself. */
export function countryName(code: string, locale: string): string {
  const key = `${locale} ${code}`;
  let name = countryNames.get(key);
  if (name === undefined) {
    try {
      let names = displayNames.get(locale);
      if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' })));
      name = names.of(code.toUpperCase()) ?? code;
    } catch {
      name = code; // not a BCP 47 tag, or not a region code
    }
    countryNames.set(key, name);
  }
  return name;
}

/**
 * The locale dates are written in: the one asked for when `Intl` knows it (`en-GB` writes dates day
 * first, `en` month first), else the UI language. Asked only where a date is drawn: a page's first
 * `Intl` date lookup costs tens of milliseconds, which the loading screen and date-less steps skip.
 */
export function dateLocale(view: RunnerViewModel): string {
  return (view.dateLocale && dateLocaleOf(view.dateLocale)) || view.locale;
}

/** Formats a phone number for reading: `+48 600 000 000`. */
export function formatPhone(value: PhoneValue): string {
  const code = String(value.countryCode ?? '').trim();
  const digits = String(value.number ?? '').replace(/\D/g, '').replace(/(\d{3})(?=\d)/g, '$1 ');
  return [code && (code.startsWith('+') ? code : `+${code}`), digits].filter(Boolean).join(' ');
}
