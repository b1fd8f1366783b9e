import { en, type Catalogue, type MessageKey } from './en.js';
import { pl } from './pl.js';

export type { MessageKey } from './en.js';

/** Catalogues by language: a `Map`, so that `constructor` or `__proto__` is never a language. */
const catalogues = new Map<string, Catalogue>([
  ['en', en],
  ['pl', pl],
]);

/** Languages the widget's own texts are available in. */
export const supportedLocales = [...catalogues.keys()];

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Picks the catalogue language for a BCP 47 tag: exact language match on the primary subtag
 * (`pl-PL` -> `pl`), else English.
 */
export function resolveLocale(tag: string | null | undefined): string {
  const primary = (typeof tag === 'string' ? tag : '').trim().toLowerCase().split(/[-_]/)[0];
  return primary && catalogues.has(primary) ? primary : 'en';
}

/** A message in the given language, with `{name}` placeholders filled from `params`. */
export function msg(locale: string, key: MessageKey, params?: Record<string, string | number>): string {
  const catalogue = catalogues.get(resolveLocale(locale)) ?? en;
  const text = own(catalogue, key) ? catalogue[key] : en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (own(params, name) ? String(params[name]) : whole));
}
