import { en, type Catalogue, type MessageKey } from './en.js';
import { pl } from './pl.js';

export type { MessageKey } from './en.js';

const catalogues: Record<string, Catalogue> = { en, pl };

/** Languages the widget's own texts are available in. */
export const supportedLocales = Object.keys(catalogues);

/**
 * Picks the catalogue language for a BCP 47 tag: exact language match on the primary subtag
 * (`pl-PL` -> `pl`), else English.
 */
export function resolveLocale(tag: string | null | undefined): string {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary && primary in catalogues ? primary : 'en';
}

/** A message in the given language, with `{name}` placeholders filled from `params`. */
export function msg(locale: string, key: MessageKey, params?: Record<string, string | number>): string {
  const text = (catalogues[resolveLocale(locale)] ?? en)[key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
