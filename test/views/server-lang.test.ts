import { expect } from '@open-wc/testing';
import { sampleView } from '../fixtures/samples.js';
import { renderView } from './fixture.js';

// The samples' workflow texts are English (execution.locale "en").
const SERVER_TEXT = '.step-heading, .step-description, .workflow-name, .steps__title, label.label, legend.label, .choice label, .hint[id$="-hint"], .group__title';

describe('workflow texts in another language than the UI', () => {
  for (const stepId of ['personal', 'identity-document', 'consents', 'review']) {
    it(`${stepId}: are marked with their own lang; the widget texts carry the UI lang`, async () => {
      const { el, root } = await renderView(sampleView(stepId, { locale: 'de' }));
      expect(root.querySelector('.runner')!.getAttribute('lang')).to.equal('de');
      const marked = [...root.querySelectorAll(SERVER_TEXT)];
      expect(marked.length, stepId).to.be.greaterThan(0);
      for (const node of marked) expect(node.getAttribute('lang'), `${stepId}: ${node.outerHTML.slice(0, 80)}`).to.equal('en');
      expect(root.querySelector('[data-primary]')!.hasAttribute('lang'), 'the widget text follows the UI').to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

  it('are not marked when they are in the UI language', async () => {
    const { root } = await renderView(sampleView('personal', { locale: 'en' }));
    expect(root.querySelectorAll('[lang]:not(.runner)')).to.have.length(0);
  });
});
