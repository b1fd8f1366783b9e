/**
 * Localised text in workflow data: any string in a definition may instead be an object of
 * translations, e.g. `{"en": "First name", "pl": "Imię", "de": "Vorname"}`. The API resolves those to the
 * execution's language, falling back to English.
 */

/** Languages the demo data is translated into. */
const SUPPORTED_LANGUAGES = ['en', 'pl', 'de'] as const;
/** A supported language code. */
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** The language to show for a locale such as `pl`, `pl-PL` or `de-AT` (unsupported, e.g. `fr`, falls back to `en`). */
export function languageOf(locale: string | undefined | null): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/** True for `{"en": "...", "pl": "..."}`: an object of two-letter keys to strings, English included. */
function isTranslations(value: unknown): value is Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    typeof (value as Record<string, unknown>).en === 'string' &&
    entries.every(([key, text]) => /^[a-z]{2}$/.test(key) && typeof text === 'string')
  );
}

/** Returns a deep copy of `value` with every translations object replaced by the text for `language`. */
export function localise<T>(value: unknown, language: Language): T {
  if (isTranslations(value)) return (value[language] ?? value.en) as T;
  if (Array.isArray(value)) return value.map((item) => localise(item, language)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = localise(item, language);
    return out as T;
  }
  return value as T;
}
