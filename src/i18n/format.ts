/**
 * Locale-aware formatting of message parameters and plural forms, with `Intl` only (no data
 * tables of our own). Used by `msg()`; independent of where catalogues come from.
 */

/**
 * One catalogue entry: a plain text, or plural forms chosen with `Intl.PluralRules` by the
 * message's `{count}` parameter. `other` is required; a language adds the forms it uses
 * (`one`, `few`, `many`, ...).
 */
type PluralForms = { readonly other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;
export type CatalogueEntry = string | PluralForms;

/** A parameter value: text as is, a number (formatted), a byte count, or an ISO date (`YYYY-MM-DD`). */
export type MessageParam = string | number | { readonly bytes: number } | { readonly date: string };
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A part of a numeric date. */
export type DatePart = 'day' | 'month' | 'year';

/**
 * What `Intl` answers for the widget's own languages as bare tags, known without asking it: a
 * page's first `Intl` object costs tens of milliseconds (its locale data loads), and the KYC first
 * step would pay about 14 ms of its cold load for "Step 1 of 5" and the order of the date of birth's
 * boxes. Each of these languages writes a whole number from 0 to 999 as its plain digits
 * (`String(n)`), and its numeric dates in the order given here. test/i18n/format.test.ts checks every
 * entry against `Intl` in each browser; a language file that writes otherwise must not be listed.
 */
export const KNOWN_LOCALES: ReadonlyMap<string, readonly DatePart[]> = new Map([
  ['en', ['month', 'day', 'year']],
  ['pl', ['day', 'month', 'year']],
  ['de', ['day', 'month', 'year']],
]);

/**
 * One formatter per language (and kind), and one answer per question: building an `Intl` object
 * costs far more than using it, and every keystroke redraws the step's messages.
 */
const made = new Map<string, unknown>();

/** What `make` returns for `key`, made the first time it is asked for and kept for the page's life. */
function once<T>(key: string, make: () => T): T {
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

/** Picks the plural form of `entry` for `count` in `locale` (`other` when the language has no such form). */
export function pluralForm(entry: CatalogueEntry, locale: string, count: number | undefined): string {
  if (typeof entry === 'string') return entry;
  if (count === undefined) return entry.other;
  const rule = once(`plural ${locale}`, () => new Intl.PluralRules(locale)).select(count);
  return (rule === 'other' ? undefined : entry[rule]) ?? entry.other;
}

/** A byte count for people (1 kB = 1024 bytes, as file managers show it): `2.4 MB`, `350 kB`, in `locale`. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  const unit = units[i];
  const format = once(`${unit} ${locale}`, () =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: i ? 'short' : 'long', maximumFractionDigits: i ? 1 : 0 }),
  );
  return format.format(value);
}

/**
 * An ISO date (`2024-05-01`) as `locale` writes it: `medium` in messages (`May 1, 2024`, `1 maj 2024`,
 * `01.05.2024`), `long` in the review (`May 1, 2024`, `1 maja 2024`, `1. Mai 2024`). Anything else is returned as it is.
 */
export function formatDate(iso: string, locale: string, style: 'medium' | 'long' = 'medium'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return once(`${style} ${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' })).format(date);
}

/**
 * `tag` as `Intl` knows it (`en-GB` writes dates day first, `en` month first), or `undefined` for
 * a tag `Intl` does not support or cannot parse. Asked on every redraw: answered once per tag.
 */
export function dateLocaleOf(tag: string): string | undefined {
  if (KNOWN_LOCALES.has(tag)) return tag;
  return once(`tag ${tag}`, () => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf(tag)[0];
    } catch {
      return undefined; // not a BCP 47 tag
    }
  });
}

/** A parameter as text in `locale`. */
export function formatParam(value: MessageParam, locale: string): string {
  if (typeof value === 'number') {
    if (KNOWN_LOCALES.has(locale) && Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
    return once(`number ${locale}`, () => new Intl.NumberFormat(locale)).format(value);
  }
  if (typeof value === 'string') return value;
  return 'bytes' in value ? formatSize(value.bytes, locale) : formatDate(value.date, locale);
}
