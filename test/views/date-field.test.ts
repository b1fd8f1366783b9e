import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sampleView } from '../fixtures/samples.js';
import { datePartOrder, joinDate, splitDate } from '../../src/views/fields/date-field.js';
import { $, renderView, textOfIds } from './fixture.js';

/** The day/month/year boxes of a date field, in the order shown. */
function boxes(root: ShadowRoot, path: string): HTMLInputElement[] {
  const first = $<HTMLInputElement>(root, `[data-field-path="${path}"]`);
  return [...first.closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[data-date-part]')];
}

describe('date field (follows the widget locale, not the browser)', () => {
  it('English: month, day, year boxes, labelled, under the field label as legend', async () => {
    const { el, root } = await renderView(sampleView('personal', { locale: 'en' }));
    const parts = boxes(root, 'dateOfBirth');
    expect(parts.map((p) => p.dataset.datePart)).to.deep.equal(['month', 'day', 'year']);
    expect(parts.map((p) => p.labels![0]!.textContent!.trim())).to.deep.equal(['Month', 'Day', 'Year']);
    expect(parts[0]!.closest('fieldset')!.querySelector('legend')!.textContent).to.contain('Date of birth');
    expect(parts.map((p) => p.getAttribute('autocomplete'))).to.deep.equal(['bday-month', 'bday-day', 'bday-year']);
    for (const part of parts) {
      expect(part.inputMode).to.equal('numeric');
      expect(part.required).to.equal(true);
      expect(textOfIds(root, part.getAttribute('aria-describedby'))).to.contain('You must be at least 18 years old.');
    }
    await expect(el).to.be.accessible();
  });

  it('Polish: day, month, year (Dzień, Miesiąc, Rok); a saved ISO value fills the boxes', async () => {
    const view = sampleView('personal', { locale: 'pl', values: { dateOfBirth: '1990-05-17' } });
    const { el, root } = await renderView(view);
    const parts = boxes(root, 'dateOfBirth');
    expect(parts.map((p) => p.labels![0]!.textContent!.trim())).to.deep.equal(['Dzień', 'Miesiąc', 'Rok']);
    expect(parts.map((p) => p.value)).to.deep.equal(['17', '05', '1990']);
    await expect(el).to.be.accessible();
  });

  it('typing with the keyboard: partial values while typing, an ISO date with leading zeros on leaving a box', async () => {
    const { root, actions } = await renderView(sampleView('personal', { locale: 'pl' }));
    const [day] = boxes(root, 'dateOfBirth');
    day!.focus();
    await sendKeys({ type: '7' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['dateOfBirth', '--7']);
    await sendKeys({ press: 'Tab' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['dateOfBirth', '--07']);
    await sendKeys({ type: '5' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '1990' });
    // The spied actions keep no state, so the boxes still show what was typed.
    expect(actions.setValue.lastCall.args).to.deep.equal(['dateOfBirth', '1990-5-7']);
    await sendKeys({ press: 'Tab' });
    expect(actions.setValue.lastCall.args).to.deep.equal(['dateOfBirth', '1990-05-07']);
  });

  it('Enter in a box pads the date before the step is submitted', async () => {
    const { root, actions } = await renderView(sampleView('personal', { locale: 'en' }));
    const [month] = boxes(root, 'dateOfBirth');
    month!.focus();
    await sendKeys({ type: '5' });
    await sendKeys({ press: 'Enter' });
    expect(actions.submit.calledOnce, 'submitted').to.equal(true);
    expect(actions.setValue.calledWith('dateOfBirth', '-05-')).to.equal(true);
    expect(actions.setValue.lastCall.calledBefore(actions.submit.firstCall)).to.equal(true);
  });

  it('the region of the widget locale orders the parts: en-GB is day first, with English labels', async () => {
    const { root } = await renderView(sampleView('personal', { locale: 'en', dateLocale: 'en-GB' }));
    const parts = boxes(root, 'dateOfBirth');
    expect(parts.map((p) => p.labels![0]!.textContent!.trim())).to.deep.equal(['Day', 'Month', 'Year']);
  });

  it('the review reads the date back in the same locale', async () => {
    const { root } = await renderView(sampleView('review', { dateLocale: 'en-GB' }));
    expect(root.textContent).to.contain('17 May 1990');
  });

  it('the error is linked from every box and marks them invalid', async () => {
    const view = sampleView('personal', { fieldErrors: { dateOfBirth: 'Enter a valid date.' } });
    const { el, root } = await renderView(view);
    for (const part of boxes(root, 'dateOfBirth')) {
      expect(part.getAttribute('aria-invalid')).to.equal('true');
      expect(textOfIds(root, part.getAttribute('aria-describedby'))).to.contain('Error: Enter a valid date.');
    }
    await expect(el).to.be.accessible();
  });

  it('order per locale, and the stored value round trip', () => {
    expect(datePartOrder('en')).to.deep.equal(['month', 'day', 'year']);
    expect(datePartOrder('pl')).to.deep.equal(['day', 'month', 'year']);
    expect(datePartOrder('en-GB')).to.deep.equal(['day', 'month', 'year']);
    expect(datePartOrder('ja')).to.deep.equal(['year', 'month', 'day']);
    expect(splitDate('1990-05-17')).to.deep.equal({ year: '1990', month: '05', day: '17' });
    expect(splitDate('not a date')).to.deep.equal({ year: '', month: '', day: '' });
    expect(joinDate({ year: '1990', month: '5', day: '7' }, true)).to.equal('1990-05-07');
    expect(joinDate({ year: '1990', month: '5', day: '7' }, false)).to.equal('1990-5-7');
    expect(joinDate({ year: '', month: '', day: '' }, true)).to.equal('');
    expect(joinDate({ year: '19a9', month: '', day: '' }, true)).to.equal('199--');
  });
});
