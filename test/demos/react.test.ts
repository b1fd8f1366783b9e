import { expect } from '@open-wc/testing';
import { demoJourney } from './demo-journey.js';

demoJourney('React 19 (StrictMode)', () => {
  it('runs under StrictMode in a development build (effects ran twice)', () => {
    expect(document.body.dataset.effectRuns).to.equal('2');
  });
});
