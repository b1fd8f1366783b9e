import { expect } from '@open-wc/testing';
import { demoJourney } from './demo-journey.js';

demoJourney('React 19 (StrictMode)', () => {
  it('is React 19, under StrictMode in a development build (effects ran twice)', () => {
    expect(document.querySelector('main h1')!.textContent).to.equal('<tl-workflow> in React 19');
    expect(document.body.dataset.effectRuns).to.equal('2');
  });
});
