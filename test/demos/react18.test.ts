import { expect } from '@open-wc/testing';
import { demoJourney } from './demo-journey.js';

demoJourney('React 18 (StrictMode)', () => {
  it('is React 18 (demo/react\'s sources, built against React 18), under StrictMode in a development build', () => {
    expect(document.querySelector('main h1')!.textContent).to.equal('<tl-workflow> in React 18');
    expect(document.body.dataset.effectRuns).to.equal('2');
  });
});
