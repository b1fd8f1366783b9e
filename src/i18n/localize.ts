import { de } from './de.js';
import { en, type Catalogue, type MessageKey } from './en.js';
import { formatParam, pluralForm, type MessageParams } from './format.js';
import { pl } from './pl.js';
import { pseudoRtl, PSEUDO_RTL_LOCALE } from './pseudo.js';

export type { MessageKey } from './en.js';
export type { MessageParams } from './format.js';

/** Catalogues by language: a `Map`, so that `constructor` or `__proto__` is never a language. */
const catalogues = new Map<string, Partial<Catalogue>>([
  ['en', en],
  ['pl', pl],
  ['de', de],
]);

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Picks the catalogue language for a BCP 47 tag: exact language match on the primary subtag
 * (`pl-PL` -> `pl`), else English. The right-to-left pseudo-locale (`ar-XB`) is kept as it is.
 */
export function resolveLocale(tag: string | null | undefined): string {
  const trimmed = (typeof tag === 'string' ? tag : '').trim();
  if (trimmed.toLowerCase() === PSEUDO_RTL_LOCALE.toLowerCase()) return PSEUDO_RTL_LOCALE;
  const primary = trimmed.toLowerCase().split(/[-_]/)[0];
  return primary && catalogues.has(primary) ? primary : 'en';
}

/**
 * The text of `key` in `catalogue`, falling back to English for a key the catalogue lacks (never
 * to the key itself), with its plural form chosen by `params.count` and `{name}` placeholders
 * filled from `params` (numbers, sizes and dates formatted for `locale`).
 */
export function translate(catalogue: Partial<Catalogue>, locale: string, key: MessageKey, params?: MessageParams): string {
  const count = params && own(params, 'count') ? params.count : undefined;
  const entry = own(catalogue, key) ? catalogue[key]! : en[key];
  const text = pluralForm(entry, locale, typeof count === 'number' ? count : undefined);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (own(params, name) ? formatParam(params[name]!, locale) : whole));
}

/** A message in the given language, with `{name}` placeholders filled from `params`. */
export function msg(locale: string, key: MessageKey, params?: MessageParams): string {
  const resolved = resolveLocale(locale);
  if (resolved === PSEUDO_RTL_LOCALE) return pseudoRtl(translate(en, 'en', key, params));
  return translate(catalogues.get(resolved) ?? en, resolved, key, params);
}
