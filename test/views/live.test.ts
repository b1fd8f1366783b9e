import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sampleView } from '../fixtures/samples.js';
import { $, renderView, update } from './fixture.js';

/** The controls show what the runner says, even where the user changed them since the last render (views/live.ts). */
describe('controls follow the view model', () => {
  it('a text field: typed text the runner keeps stays; a value the runner puts back replaces it', async () => {
    const { el, root } = await renderView(sampleView('personal', { values: { firstName: 'Anna' } }));
    const input = $<HTMLInputElement>(root, '[data-field-path="firstName"]');
    input.focus();
    input.setSelectionRange(4, 4);
    await sendKeys({ type: 'x' });
    expect(input.value).to.equal('Annax');
    await update(el, sampleView('personal', { values: { firstName: 'Annax' } }));
    expect(input.value).to.equal('Annax');
    // Back to the value of the first render: the field must show it, not keep the typed text.
    await update(el, sampleView('personal', { values: { firstName: 'Anna' } }));
    expect(input.value).to.equal('Anna');
  });

  it('a checkbox: a click the runner does not take is undone on the next render', async () => {
    const { el, root } = await renderView(sampleView('consents', { values: { terms: true, marketing: true } }));
    const box = $<HTMLInputElement>(root, '[data-field-path="marketing"]');
    box.click();
    expect(box.checked).to.equal(false);
    await update(el, sampleView('consents', { values: { terms: true, marketing: true } }));
    expect(box.checked).to.equal(true);
  });
});
