/**
 * The workflow texts of the theme studio's states, in the language the designer picks.
 *
 * The states are built in English (test/fixtures/samples.ts, shared with the view tests). On a
 * real page these texts come from the server in the token's language, so the studio translates
 * them with the translations the sandbox serves: every `{"en": ..., "pl": ..., "de": ...}` object of
 * its demo workflows and of its country and calling-code lists, and the few texts only the states
 * have (`STATE_ONLY`). Any other text stays as it is.
 */
import kyc from '../sandbox/workflows/01-individual-kyc.json';
import kyb from '../sandbox/workflows/02-company-kyb.json';
import countries from '../sandbox/data/countries.json';
import callingCodes from '../sandbox/data/calling-codes.json';
import { isTranslations, languageOf } from '../sandbox/i18n.ts';
import type { RunnerViewModel } from '../src/runner/view-model.js';

type Translations = Record<string, string>;

/** English text -> its translations, from every translations object in `value`. */
function collect(value: unknown, into: Map<string, Translations>): Map<string, Translations> {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (isTranslations(value)) {
    into.set(value.en!, value);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, into);
  }
  return into;
}

/** The texts of the two fields the states add to the demo workflow, to show a textarea and a number field. */
const STATE_ONLY: Translations[] = [
  { en: 'Occupation', pl: 'Zawód', de: 'Beruf' },
  { en: 'Optional. What do you do for a living?', pl: 'Opcjonalnie. Czym zajmujesz się zawodowo?', de: 'Optional. Was machen Sie beruflich?' },
  { en: 'Yearly income (PLN)', pl: 'Roczny dochód (PLN)', de: 'Jahreseinkommen (PLN)' },
];

const TEXTS = collect([kyc, kyb, countries, callingCodes, STATE_ONLY], new Map());

/** A deep copy of `value` with each English text of the demo data in `language`. */
function translate<T>(value: T, language: string): T {
  if (typeof value === 'string') return (TEXTS.get(value)?.[language] ?? value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => translate(item, language)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = translate(item, language);
    return out as T;
  }
  return value;
}

/**
 * `view` as the server would have sent it for `locale`: its workflow (step titles, labels, hints,
 * options, server messages at fields) in the language the sandbox serves for that locale.
 * English, or a locale the demo data has no language for, returns `view` itself.
 */
export function localisedSample(view: RunnerViewModel, locale: string): RunnerViewModel {
  const language = languageOf(locale);
  if (language === 'en' || !view.execution) return view;
  return {
    ...view,
    execution: { ...translate(view.execution, language), locale: language },
    step: translate(view.step, language),
    fieldErrors: translate(view.fieldErrors, language),
  };
}
