import { expect } from '@open-wc/testing';
import de from '../../src/i18n/de.js';
import { en as main, type Catalogue } from '../../src/i18n/en.js';
import { bankStrings } from '../../src/i18n/en-bank.js';
import { choicesStrings } from '../../src/i18n/en-choices.js';
import { validationStrings } from '../../src/i18n/en-validation.js';
import { groupStrings } from '../../src/i18n/en-group.js';
import { officialStrings } from '../../src/i18n/en-official.js';
import { reviewStrings } from '../../src/i18n/en-review.js';
import { uploadStrings } from '../../src/i18n/en-upload.js';
import { addEnglish, isLanguageLoaded, loadLanguage, msg, resolveLocale, translate } from '../../src/i18n/localize.js';
import { renderMessage, message, serverText } from '../../src/i18n/message.js';
import pl from '../../src/i18n/pl.js';

const catalogues: Record<string, Partial<Catalogue>> = { pl, de };
/** Every English text: the main file's and the parts'. */
const en: Catalogue = { ...main, ...uploadStrings, ...bankStrings, ...reviewStrings, ...officialStrings, ...groupStrings, ...choicesStrings, ...validationStrings };
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const forms = (entry: Catalogue[keyof Catalogue]): string[] => (typeof entry === 'string' ? [entry] : Object.values(entry));

// Runs first, in a page where no language file has loaded yet.
describe('language files', () => {
  it('a language other than English shows English until its file has loaded, then its own texts', async () => {
    expect(isLanguageLoaded('pl-PL')).to.equal(false);
    expect(msg('pl', 'views.footer.back')).to.equal('Back');
    expect(await loadLanguage('pl-PL')).to.equal(true);
    expect(isLanguageLoaded('pl')).to.equal(true);
    expect(msg('pl', 'views.footer.back')).to.equal('Wstecz');
    expect(isLanguageLoaded('de')).to.equal(false);
  });

  it('English and the pseudo-locale need no file; a language without a catalogue is English', async () => {
    expect(isLanguageLoaded('en-GB')).to.equal(true);
    expect(isLanguageLoaded('ar-XB')).to.equal(true);
    expect(await loadLanguage('fr')).to.equal(true);
    expect(msg('fr', 'views.footer.back')).to.equal('Back');
  });
});

describe('message catalogues', () => {
  // The parts' English texts come with their parts (src/engines/step-parts.ts); here, all at once.
  before(() => {
    addEnglish({ ...uploadStrings, ...bankStrings, ...reviewStrings, ...officialStrings, ...groupStrings, ...choicesStrings, ...validationStrings });
    return Promise.all([loadLanguage('pl'), loadLanguage('de')]);
  });

  it('English is built in; German and Polish are supported', () => {
    expect(['en', 'de', 'pl'].map(resolveLocale)).to.deep.equal(['en', 'de', 'pl']);
    expect(resolveLocale('de-AT')).to.equal('de');
    expect(resolveLocale('fr')).to.equal('en');
  });

  for (const [lang, catalogue] of Object.entries(catalogues)) {
    it(`${lang} has every key English has, no other key, and the same placeholders`, () => {
      const missing = Object.keys(en).filter((key) => !(key in catalogue));
      const extra = Object.keys(catalogue).filter((key) => !(key in en));
      expect(missing, `${lang} lacks`).to.deep.equal([]);
      expect(extra, `${lang} has unknown keys`).to.deep.equal([]);
      for (const key of Object.keys(en) as Array<keyof Catalogue>) {
        const wanted = placeholders(forms(en[key]).join(' '));
        for (const text of forms(catalogue[key]!)) {
          expect(text.trim(), `${lang} ${key} is empty`).not.to.equal('');
          for (const name of placeholders(text)) expect(wanted, `${lang} ${key} uses {${name}}`).to.include(name);
        }
      }
    });
  }

  it('a key a catalogue lacks falls back to English, never to the key', () => {
    const partial: Partial<Catalogue> = { 'views.footer.back': 'Zurück' };
    expect(translate(partial, 'de', 'views.footer.back')).to.equal('Zurück');
    expect(translate(partial, 'de', 'views.footer.continue')).to.equal('Continue');
    expect(translate({}, 'de', 'views.progress', { current: 2, total: 5 })).to.equal('Step 2 of 5');
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    expect(msg('en', 'views.bank.count', { count: 1 })).to.equal('1 bank found');
    expect(msg('en', 'views.bank.count', { count: 3 })).to.equal('3 banks found');
    expect(msg('pl', 'views.bank.count', { count: 1 })).to.equal('Znaleziono 1 bank');
    expect(msg('pl', 'views.bank.count', { count: 3 })).to.equal('Znaleziono 3 banki');
    expect(msg('pl', 'views.bank.count', { count: 5 })).to.equal('Znaleziono 5 banków');
    expect(msg('pl', 'views.bank.count', { count: 22 })).to.equal('Znaleziono 22 banki');
    expect(msg('de', 'views.bank.count', { count: 1 })).to.equal('1 Bank gefunden');
    expect(msg('de', 'views.bank.count', { count: 2 })).to.equal('2 Banken gefunden');
    expect(msg('en', 'runner.validation.minLength', { count: 1 })).to.equal('Enter at least 1 character.');
  });

  it('formats numbers, sizes and dates for the language with Intl', () => {
    expect(msg('de', 'runner.validation.min', { min: 1500.5 })).to.equal('Geben Sie eine Zahl von mindestens 1.500,5 ein.');
    expect(msg('en', 'runner.validation.min', { min: 1500.5 })).to.equal('Enter a number of at least 1,500.5.');
    expect(msg('pl', 'runner.upload.tooLarge', { size: { bytes: 1.5 * 1024 * 1024 } })).to.equal('Plik jest za duży (maksymalnie 1,5 MB).');
    expect(msg('en', 'runner.upload.tooLarge', { size: { bytes: 10 * 1024 * 1024 } })).to.equal('The file is too large (maximum 10 MB).');
    expect(msg('de', 'runner.validation.dateMax', { max: { date: '2008-01-31' } })).to.equal('Geben Sie ein Datum bis zum 31.01.2008 ein.');
    expect(msg('en', 'runner.validation.dateMax', { max: { date: '2008-01-31' } })).to.equal('Enter a date on or before Jan 31, 2008.');
  });

  it('stored messages render in the language asked for at render time; server texts stay as they are', () => {
    const required = message('runner.validation.required');
    expect(renderMessage(required, 'pl')).to.equal('To pole jest wymagane.');
    expect(renderMessage(required, 'de')).to.equal('Dieses Feld ist erforderlich.');
    expect(renderMessage(serverText('Podaj kod pocztowy.', 'pl'), 'en')).to.equal('Podaj kod pocztowy.');
  });

  it('the right-to-left pseudo-locale ar-XB shows every English text wrapped in a right-to-left override', () => {
    expect(resolveLocale('ar-XB')).to.equal('ar-XB');
    expect(msg('ar-XB', 'views.footer.continue')).to.equal('\u202eContinue\u202c');
    expect(resolveLocale('ar')).to.equal('en');
  });
});
