import type { FieldValue, PhoneValue } from '../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../runner/view-model.js';
import { msg, type MessageKey, type MessageParams } from '../i18n/localize.js';

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
  if (!lang) return undefined;
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return primary(lang) === primary(view.locale) ? undefined : lang;
}

/** `text` made safe inside a DOM id: every character but letters, digits, `_` and `-` becomes `-`. */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** A DOM id, unique in the shadow root, for a field path and a suffix: `tl-f-owners-1-firstName-hint`. */
export function idFor(path: string, suffix?: string): string {
  const base = `tl-f-${idPart(path)}`;
  return suffix ? `${base}-${suffix}` : base;
}

/** Joins the non-empty ids for `aria-describedby`, or `undefined` when there is none. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length ? list.join(' ') : undefined;
}

/** The string form of a value for a text-like control. */
export function asText(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/**
 * A link target that is safe to bind: http(s) URLs only. Relative URLs are resolved against the
 * document; anything else (`javascript:`, `data:`, `vbscript:`) gives `null` and is not rendered.
 */
export function safeHref(href: string | undefined | null): string | null {
  if (typeof href !== 'string' || href.trim() === '') return null;
  try {
    const base = typeof document !== 'undefined' ? document.baseURI : undefined;
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Country names by language and code, from one `Intl.DisplayNames` per language: building one costs
 * far more than asking it for a name, and every new workflow names its country options again.
 */
const regionNames = new Map<string, { names: Intl.DisplayNames | null; known: Map<string, string> }>();

/** A localised country name for an ISO 3166-1 alpha-2 code, or the code itself. */
export function countryName(code: string, locale: string): string {
  let language = regionNames.get(locale);
  if (!language) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      // not a BCP 47 tag: codes stay codes
    }
    language = { names, known: new Map() };
    regionNames.set(locale, language);
  }
  let name = language.known.get(code);
  if (name === undefined) {
    try {
      name = language.names?.of(code.toUpperCase()) ?? code;
    } catch {
      name = code; // not a region code
    }
    language.known.set(code, name);
  }
  return name;
}

/** Formats a phone number for reading: `+48 600 000 000`. */
export function formatPhone(value: PhoneValue): string {
  const digits = String(value.number ?? '').replace(/\D/g, '');
  const groups = digits.replace(/(\d{3})(?=\d)/g, '$1 ').trim();
  const code = String(value.countryCode ?? '').trim();
  const prefix = code ? (code.startsWith('+') ? code : `+${code}`) : '';
  return [prefix, groups].filter(Boolean).join(' ');
}
