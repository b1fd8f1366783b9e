import { expect } from '@open-wc/testing';
import { galleryStates } from '../fixtures/samples.js';
import { emulateMedia, setViewport } from '../helpers/commands.js';
import { DRIVER_NEEDS, describeWhereDriverHas, driverHas, engine } from '../helpers/engine.js';
import { $, renderView } from './fixture.js';

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

describeWhereDriverHas('mediaEmulation', 'renderRunner in dark mode (contrast included)', () => {
  before(() => emulateMedia({ colorScheme: 'dark' }));
  after(() => emulateMedia({ colorScheme: 'light' }));
  for (const state of galleryStates('en')) {
    it(`dark: ${state.title}`, async () => {
      const { el, root } = await renderView(state.view);
      expect(getComputedStyle($(root, '.runner')).backgroundColor).to.equal('rgb(22, 24, 29)');
      await expect(el).to.be.accessible();
    });
  }
});

// The widget's layout follows its own width (container queries), so where the window cannot be
// made 320 px wide the widget is put in a 320 px wide box instead.
const narrowTitle = driverHas('narrowViewport')
  ? 'renderRunner on a 320 px wide phone'
  : `renderRunner 320 px wide in a wider window [${engine}: ${DRIVER_NEEDS.narrowViewport.reason}]`;

describe(narrowTitle, () => {
  before(async () => {
    if (driverHas('narrowViewport')) await setViewport({ width: 320, height: 640 });
  });
  after(async () => {
    if (driverHas('narrowViewport')) await setViewport({ width: 800, height: 600 });
  });
  for (const state of galleryStates('pl')) {
    it(`320 px: ${state.title}: no horizontal overflow, touch targets of 44 px`, async () => {
      const { el, root } = await renderView(state.view);
      el.style.maxWidth = '320px';
      await el.updateComplete;
      const runner = $(root, '.runner');
      expect(runner.scrollWidth, 'horizontal overflow').to.be.at.most(runner.clientWidth);
      for (const target of root.querySelectorAll<HTMLElement>('button, .control, input[type=file]')) {
        const box = target.getBoundingClientRect();
        if (box.width === 0) continue;
        expect(box.height, `${target.outerHTML.slice(0, 80)} height`).to.be.at.least(44);
      }
      await expect(el).to.be.accessible();
    });
  }
});
