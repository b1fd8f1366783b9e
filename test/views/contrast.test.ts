import { expect } from '@open-wc/testing';
import { sampleView } from '../fixtures/samples.js';
import { DARK_THEME } from '../fixtures/runner-state-host.js';
import { contrast, toRgb as rgb } from '../fixtures/contrast.js';
import { renderView } from './fixture.js';

// Dark and light blues, the workflow's own #0b5fff, yellow, green, red, mid grey, black and white.
const ACCENTS = ['#0b5fff', '#1d4ed8', '#8ab4f8', '#ffeb3b', '#00c853', '#ff0000', '#7f7f7f', '#000000', '#ffffff', '#6b21a8'];

describe('contrast with any accent', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: text on the accent and accent-coloured text reach 4.5:1 whatever the accent`, async () => {
      const { el, root } = await renderView(sampleView('personal', { banner: { code: 'network', message: 'Offline.', retryable: true } }));
      if (scheme === 'dark') for (const [name, value] of Object.entries(DARK_THEME)) el.style.setProperty(name, value);
      const runner = root.querySelector<HTMLElement>('.runner')!;
      const primary = root.querySelector<HTMLElement>('.button--primary')!;
      const link = root.querySelector<HTMLElement>('.footer__cancel')!;
      const secondary = root.querySelector<HTMLElement>('.banner .button--secondary')!;
      const failures: string[] = [];
      for (const accent of ACCENTS) {
        el.style.setProperty('--tl-color-accent', accent);
        const bg = getComputedStyle(runner).backgroundColor;
        const checks: Array<[string, string, string]> = [
          ['text on the primary button', getComputedStyle(primary).color, getComputedStyle(primary).backgroundColor],
          ['the cancel link', getComputedStyle(link).color, bg],
          ['a secondary button', getComputedStyle(secondary).color, getComputedStyle(secondary).backgroundColor],
        ];
        for (const [what, fg, back] of checks) {
          const ratio = contrast(fg, back);
          if (ratio < 4.5) failures.push(`${accent}: ${what} ${ratio.toFixed(2)}:1 (${fg} on ${back})`);
        }
      }
      expect(failures).to.deep.equal([]);
      // The primary button really is the accent (the check above is not about some other colour).
      el.style.setProperty('--tl-color-accent', '#0b5fff');
      expect(rgb(getComputedStyle(primary).backgroundColor)).to.deep.equal([11, 95, 255]);
    });
  }

  it('an explicit --tl-color-accent-contrast still wins', async () => {
    const { el, root } = await renderView(sampleView('personal'));
    el.style.setProperty('--tl-color-accent-contrast', 'rgb(1, 2, 3)');
    expect(getComputedStyle(root.querySelector('.button--primary')!).color).to.equal('rgb(1, 2, 3)');
  });
});
