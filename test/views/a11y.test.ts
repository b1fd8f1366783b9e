import { expect } from '@open-wc/testing';
import { galleryStates } from '../../demo/samples.js';
import { renderView } from './fixture.js';

/** axe on every state of the gallery: each step type, errors, busy, uploads, expired token, every phase. */
describe('renderRunner accessibility (axe) in every state', () => {
  for (const locale of ['en', 'pl']) {
    for (const state of galleryStates(locale)) {
      it(`${locale}: ${state.title}`, async () => {
        const { el } = await renderView(state.view);
        await expect(el).to.be.accessible();
      });
    }
  }
});
