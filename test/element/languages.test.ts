import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, widgetToken } from '../helpers/sandbox.js';
import { button, control, shadow, type, until } from '../e2e/driver.js';

/** The error paragraph of a field, as a screen reader reads it (with its visually hidden prefix). */
const errorOf = (el: TlWorkflow, path: string) => shadow(el).getElementById(`tl-f-${path}-error`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<tl-workflow> languages', () => {
  // First in this page, while no language file has loaded yet.
  it('shows English until the German file has loaded, then German, keeping what the user typed', async () => {
    const { token } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await el.updateComplete;
    await type(el, 'firstName', 'Anna');
    el.locale = 'de';
    await el.updateComplete;
    // The file is on its way (a module load takes at least a task): English meanwhile, marked so.
    expect(shadow(el).querySelector('[data-primary]')!.textContent!.trim()).to.equal('Continue');
    expect(shadow(el).querySelector('.base')!.getAttribute('lang')).to.equal('en');
    await until(() => shadow(el).querySelector('[data-primary]')?.textContent?.trim() === 'Weiter', 'German once its file has loaded');
    expect(shadow(el).querySelector('.base')!.getAttribute('lang')).to.equal('de');
    expect(control(el, 'firstName').value).to.equal('Anna');
    expect(shadow(el).activeElement, 'focus stays in the field').to.equal(control(el, 'firstName'));
  });

  it('errors shown in Polish follow a switch to German and English, with the screen-reader prefix', async () => {
    const { token } = await widgetToken({ lang: 'pl' });
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE} locale="pl"></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await until(() => shadow(el).querySelector('[data-primary]')?.textContent?.trim() === 'Dalej', 'Polish once its file has loaded');
    button(el, 'Dalej').click();
    await until(() => errorOf(el, 'dateOfBirth'), 'the Polish error');
    expect(errorOf(el, 'dateOfBirth')).to.equal('Błąd: To pole jest wymagane.');
    el.locale = 'de';
    await el.updateComplete;
    expect(errorOf(el, 'dateOfBirth')).to.equal('Fehler: Dieses Feld ist erforderlich.');
    expect(shadow(el).querySelector('[data-error-summary]')!.textContent!.trim()).to.equal('Einige Antworten müssen noch korrigiert werden.');
    el.locale = 'en';
    await el.updateComplete;
    expect(errorOf(el, 'dateOfBirth')).to.equal('Error: This field is required.');
    // The workflow's texts are Polish (the token's language), the UI English: they say so.
    expect(shadow(el).querySelector('.base')!.getAttribute('lang')).to.equal('en');
    expect(shadow(el).querySelector('[data-step-heading]')!.getAttribute('lang')).to.equal('pl');
    expect(shadow(el).querySelector('label[for="tl-f-firstName"]')!.getAttribute('lang')).to.equal('pl');
    await expect(el).to.be.accessible();
  });

  it('without a locale, follows the page lang, also when it changes', async () => {
    const { token } = await widgetToken();
    const page = await fixture<HTMLDivElement>(html`<div lang="pl"><tl-workflow api-base=${API_BASE}></tl-workflow></div>`);
    const el = page.querySelector('tl-workflow')!;
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await until(() => shadow(el).querySelector('[data-primary]')?.textContent?.trim() === 'Dalej', 'Polish once its file has loaded');
    page.lang = 'de-DE';
    await until(() => shadow(el).querySelector('[data-primary]')?.textContent?.trim() === 'Weiter', 'German after the page lang changed');
    // Workflow texts in English in a German UI: marked lang="en"; the widget's own texts lang="de".
    expect(shadow(el).querySelector('.base')!.getAttribute('lang')).to.equal('de');
    expect(shadow(el).querySelector('[data-step-heading]')!.getAttribute('lang')).to.equal('en');
    page.lang = 'en';
    await until(() => shadow(el).querySelector('[data-primary]')?.textContent?.trim() === 'Continue', 'English again');
    expect(shadow(el).querySelector('[data-step-heading]')!.hasAttribute('lang'), 'same language: no mark').to.equal(false);
  });

  it('lays out right to left under dir="rtl" on the page (logical properties), axe-clean', async () => {
    const { token } = await widgetToken();
    const page = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 600px"><tl-workflow api-base=${API_BASE} locale="ar-XB"></tl-workflow></div>`);
    const el = page.querySelector('tl-workflow')!;
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await el.updateComplete;
    const runner = shadow(el).querySelector<HTMLElement>('.runner')!;
    expect(getComputedStyle(runner).direction).to.equal('rtl');
    const box = runner.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(shadow(el).querySelector('label[for="tl-f-firstName"]')!);
    const label = range.getBoundingClientRect();
    // Labels start on the right; a short date field hugs the right edge.
    expect(box.right - label.right).to.be.lessThan(box.width / 10);
    expect(label.left - box.left).to.be.greaterThan(box.width / 3);
    const date = shadow(el).querySelector('#tl-f-dateOfBirth')!.getBoundingClientRect();
    expect(box.right - date.right).to.be.lessThan(date.left - box.left);
    expect(shadow(el).querySelector('[data-primary]')!.textContent).to.contain('\u202eContinue\u202c');
    await expect(el).to.be.accessible();
  });
});
