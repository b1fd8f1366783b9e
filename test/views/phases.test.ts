import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { phaseView } from '../fixtures/samples.js';
import { emulateMedia } from '../helpers/commands.js';
import { describeWhereDriverHas, engine } from '../helpers/engine.js';
import { lateDelay } from '../helpers/late-screens.js';
import { $, renderView } from './fixture.js';

describe('renderRunner phases', () => {
  it('loading: a busy region with text', async () => {
    const { el, root } = await renderView(phaseView('loading'));
    const screen = $(root, '[aria-busy="true"]');
    expect(screen.textContent).to.contain('Loading your verification');
    expect($(root, '[role="status"]').textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('loading: the screen shows once the load has taken 0.3 s, so a quick load does not flash a spinner', async () => {
    const { root } = await renderView(phaseView('loading'), undefined, { late: true });
    const screen = $(root, '.screen--loading');
    // The delay runs on the screen's own animation clock: the test moves it, so no wall-clock time is involved.
    const delay = lateDelay(screen);
    if (!delay) throw new Error('the loading screen has no tl-late animation');
    expect(delay.effect!.getComputedTiming().duration).to.equal(300);
    delay.pause();
    delay.currentTime = 0;
    // Chromium hides it until then; Firefox and WebKit cannot animate display, and show it at once.
    if (engine === 'Chromium') expect(getComputedStyle(screen).display).to.equal('none');
    delay.currentTime = 299;
    if (engine === 'Chromium') expect(getComputedStyle(screen).display).to.equal('none');
    delay.finish();
    expect(getComputedStyle(screen).display).to.equal('grid');
    expect(screen.checkVisibility()).to.equal(true);
  });

  it('awaiting: says the answers are in and checks still run', async () => {
    const { el, root } = await renderView(phaseView('awaiting'));
    expect($(root, 'h2[data-step-heading]').textContent).to.contain('we have your answers');
    expect(root.textContent).to.contain('still running a few checks');
    await expect(el).to.be.accessible();
  });

  it('complete and cancelled screens', async () => {
    for (const [phase, text] of [['complete', 'All done'], ['cancelled', 'You left the verification']] as const) {
      const { el, root } = await renderView(phaseView(phase));
      expect($(root, 'h2[data-step-heading]').textContent).to.contain(text);
      expect($(root, 'h2[data-step-heading]').getAttribute('tabindex')).to.equal('-1');
      await expect(el).to.be.accessible();
    }
  });

  it('error: the failure, and Try again calls retry from the keyboard', async () => {
    const { el, root, actions } = await renderView(
      phaseView('error', { banner: { code: 'server', message: 'The server failed (HTTP 503).', retryable: true } }),
    );
    expect($(root, 'h2').textContent).to.contain('could not load');
    expect($(root, '[role="alert"]').textContent).to.contain('HTTP 503');
    const retry = $(root, 'button');
    expect(retry.textContent!.trim()).to.equal('Try again');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.retry.calledOnce).to.equal(true);
    await expect(el).to.be.accessible();
  });


  it('Polish texts', async () => {
    const { root } = await renderView(phaseView('complete', { locale: 'pl' }));
    expect($(root, 'h2').textContent).to.contain('Gotowe');
    expect($(root, '.runner').getAttribute('lang')).to.equal('pl');
  });
});

describeWhereDriverHas('mediaEmulation', 'renderRunner under prefers-reduced-motion', () => {
  it('the spinner stops for users who prefer reduced motion', async () => {
    const { root } = await renderView(phaseView('loading'));
    expect(getComputedStyle($(root, '.spinner')).animationName).to.equal('tl-spin');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle($(root, '.spinner')).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
