import { expect } from '@open-wc/testing';
import { dateLocaleOf, formatParam, KNOWN_LOCALES } from '../../src/i18n/format.js';
import { msg } from '../../src/i18n/localize.js';
import { datePartOrder } from '../../src/views/fields/date-field.js';

/** The order of day, month and year in a numeric date, as this browser's `Intl` writes it. */
function intlDateOrder(locale: string): string[] {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(0)
    .map((p) => p.type)
    .filter((type) => type === 'day' || type === 'month' || type === 'year');
}

// KNOWN_LOCALES answers for Intl without asking it (a page's first Intl object is slow): every answer
// must be the one this browser's Intl gives, or the widget would write numbers and dates otherwise
// in its own languages than in any other.
describe('what the widget knows of its languages without Intl', () => {
  it('lists the widget languages, and nothing else', () => {
    expect([...KNOWN_LOCALES.keys()].sort()).to.deep.equal(['de', 'en', 'pl']);
  });

  for (const [locale, order] of KNOWN_LOCALES) {
    it(`${locale}: the date order and the tag are Intl's`, () => {
      expect([...order]).to.deep.equal(intlDateOrder(locale));
      expect(datePartOrder(locale)).to.deep.equal(intlDateOrder(locale));
      expect(dateLocaleOf(locale)).to.equal(Intl.DateTimeFormat.supportedLocalesOf(locale)[0]);
    });

    it(`${locale}: whole numbers 0-999 as Intl writes them, larger and other numbers through Intl`, () => {
      const intl = new Intl.NumberFormat(locale);
      for (let n = 0; n < 1000; n += 1) expect(formatParam(n, locale), `${n}`).to.equal(intl.format(n));
      for (const n of [1000, 12345, -1, 2.5]) expect(formatParam(n, locale), `${n}`).to.equal(intl.format(n));
    });
  }

  it('a regional variant or another language still asks Intl', () => {
    expect(datePartOrder('en-GB')).to.deep.equal(['day', 'month', 'year']);
    expect(dateLocaleOf('en-GB')).to.equal('en-GB');
    expect(formatParam(1000, 'en')).to.equal('1,000');
    expect(msg('en', 'views.progress', { current: 2, total: 5 })).to.equal('Step 2 of 5');
  });
});
