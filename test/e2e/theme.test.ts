import { expect } from '@open-wc/testing';
import { contrast, toRgb } from '../fixtures/contrast.js';
import { BUILD, expectBuildLoaded } from './build.js';
import { shadow } from './driver.js';
import { startKyc } from './flows.js';

// The theme as the built file paints it: the build minifies the widget's CSS (build/css-literals.ts),
// which the view tests, on the sources, never see.
describe(`<tl-workflow> theme: any accent stays readable [${BUILD} build]`, function () {
  expectBuildLoaded();

  it('text on the accent and accent-coloured text reach 4.5:1 for light, dark and saturated accents', async () => {
    const { el } = await startKyc();
    const root = shadow(el);
    const runner = root.querySelector<HTMLElement>('.runner')!;
    const primary = root.querySelector<HTMLElement>('.button--primary')!;
    const cancel = root.querySelector<HTMLElement>('.footer__cancel')!;
    const failures: string[] = [];
    for (const accent of ['#0b5fff', '#8ab4f8', '#ffeb3b', '#00c853', '#ff0000', '#7f7f7f', '#ffffff', '#000000']) {
      el.style.setProperty('--tl-color-accent', accent);
      const primaryStyle = getComputedStyle(primary);
      expect(toRgb(primaryStyle.backgroundColor), `the primary button is the accent ${accent}`).to.deep.equal(toRgb(accent));
      const pairs: Array<[string, string, string]> = [
        ['text on the primary button', primaryStyle.color, primaryStyle.backgroundColor],
        ['the cancel link', getComputedStyle(cancel).color, getComputedStyle(runner).backgroundColor],
      ];
      for (const [what, fg, bg] of pairs) {
        const ratio = contrast(fg, bg);
        if (ratio < 4.5) failures.push(`${accent}: ${what} ${ratio.toFixed(2)}:1 (${fg} on ${bg})`);
      }
    }
    expect(failures).to.deep.equal([]);
  });
});
