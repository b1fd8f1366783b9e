import { en, type Catalogue, type MessageKey } from './en.js';
import { formatParam, pluralForm, type MessageParams } from './format.js';
import { loadPart } from '../on-demand/load-part.js';
import { pseudoRtl, PSEUDO_RTL_LOCALE } from './pseudo.js';

export type { MessageKey } from './en.js';
export type { MessageParams } from './format.js';

/** The language files, parts of their own (`tl-workflow.pl.js`), by language; English is built in. */
const LANGUAGE_FILES: Record<string, () => Promise<{ default: Partial<Catalogue> }>> = {
  pl: () => loadPart('pl', () => import('./pl.js')),
  de: () => loadPart('de', () => import('./de.js')),
};

/** Languages the widget's own texts are available in: English, and those of the language files. */
const supportedLocales: readonly string[] = ['en', ...Object.keys(LANGUAGE_FILES)];

/** English: the main file's texts, and a part's once it has loaded (`addEnglish`). */
const english: Partial<Catalogue> = { ...en };
/** The catalogues at hand: English from the start, a language file's once it has loaded. A `Map`, so that `constructor` or `__proto__` is never a language. */
const catalogues = new Map<string, Partial<Catalogue>>([['en', english]]);
/** One load per language and page: a failed load (offline) stays failed, the texts stay English. */
const loading = new Map<string, Promise<boolean>>();

/**
 * Picks the catalogue language for a BCP 47 tag: exact language match on the primary subtag
 * (`pl-PL` -> `pl`), else English. The right-to-left pseudo-locale (`ar-XB`) is kept as it is.
 */
export function resolveLocale(tag: string | null | undefined): string {
  const lower = (typeof tag === 'string' ? tag : '').trim().toLowerCase();
  if (lower === PSEUDO_RTL_LOCALE.toLowerCase()) return PSEUDO_RTL_LOCALE;
  const primary = lower.split(/[-_]/)[0]!;
  return supportedLocales.includes(primary) ? primary : 'en';
}

/** True when the texts of `locale` can be shown now: English, the pseudo-locale, or a loaded language file. */
export function isLanguageLoaded(locale: string): boolean {
  const resolved = resolveLocale(locale);
  return resolved === PSEUDO_RTL_LOCALE || catalogues.has(resolved);
}

/**
 * Loads the language file of `locale`, once per page. Resolves to true when its texts are at hand
 * (at once for English), false when the file could not be loaded: the texts then stay English.
 */
export function loadLanguage(locale: string): Promise<boolean> {
  const lang = resolveLocale(locale);
  if (isLanguageLoaded(lang)) return Promise.resolve(true);
  let pending = loading.get(lang);
  if (!pending) {
    pending = LANGUAGE_FILES[lang]!().then(
      (file) => {
        catalogues.set(lang, file.default);
        return true;
      },
      () => false,
    );
    loading.set(lang, pending);
  }
  return pending;
}

/** Adds the English texts of a part that has loaded (the language files have every text already). */
export function addEnglish(texts: Partial<Catalogue>): void {
  Object.assign(english, texts);
}

/**
 * The text of `key` in `catalogue`, falling back to English for a key the catalogue lacks (never
 * to the key itself), with its plural form chosen by `params.count` and `{name}` placeholders
 * filled from `params` (numbers, sizes and dates formatted for `locale`).
 */
export function translate(catalogue: Partial<Catalogue>, locale: string, key: MessageKey, params?: MessageParams): string {
  const count = params && Object.hasOwn(params, 'count') ? params.count : undefined;
  const entry = Object.hasOwn(catalogue, key) ? catalogue[key]! : english[key]!;
  const text = pluralForm(entry, locale, typeof count === 'number' ? count : undefined);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? formatParam(params[name]!, locale) : whole));
}

/**
 * A message in the given language, with `{name}` placeholders filled from `params`. A language
 * whose file has not loaded (yet) gives the English text, formatted for English.
 */
export function msg(locale: string, key: MessageKey, params?: MessageParams): string {
  const resolved = resolveLocale(locale);
  const catalogue = catalogues.get(resolved);
  const text = catalogue ? translate(catalogue, resolved, key, params) : translate(english, 'en', key, params);
  return resolved === PSEUDO_RTL_LOCALE ? pseudoRtl(text) : text;
}
