import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { tickTo, useFakeClock } from '../helpers/fake-clock.js';
import { API_BASE, tokenClaims } from '../helpers/sandbox.js';
import { control, shadow, stepId, type, until } from './driver.js';
import { continueTo, fillPersonal } from './flows.js';
import { BUILD, expectBuildLoaded } from './build.js';

/**
 * The page side of `tl-workflow/server`: tokens come from the demo's backend at /demo-api
 * (demo/backend.ts, widgetTokenHandler against the sandbox), mounted by the test runner next to it.
 */
const BACKEND = '/demo-api';

async function startCase(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${BACKEND}/start`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).to.equal(201);
}

async function tokenFromBackend(): Promise<string> {
  const response = await fetch(`${BACKEND}/token`, { method: 'POST' });
  expect(response.status).to.equal(200);
  return ((await response.json()) as { token: string }).token;
}

describe(`tokens from the backend (tl-workflow/server widgetTokenHandler) [${BUILD} build]`, function () {
  expectBuildLoaded();
  const installClock = useFakeClock();

  it('the page renews its token on tl-token-expiring: the user keeps typing on the same step and goes on', async () => {
    await startCase({ kind: 'kyc' });
    // The page's clock is the test's: the warning comes when the user is typing, however slow the machine.
    const clock = installClock();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE} expiry-warning="3"></tl-workflow>`);
    // The documented page-side listener:
    el.addEventListener('tl-token-expiring', async () => {
      const response = await fetch('/demo-api/token', { method: 'POST' });
      el.token = ((await response.json()) as { token: string }).token;
    });
    const expired: Event[] = [];
    el.addEventListener('tl-token-expired', (event) => expired.push(event));
    const ready = oneEvent(el, 'tl-ready');
    const first = await tokenFromBackend();
    el.token = first;
    await ready;

    await type(el, 'firstName', 'Anna');
    const typingIn = shadow(el).activeElement;
    expect(typingIn).to.equal(control(el, 'firstName'));
    // Three seconds before exp the warning fires and the page asks its backend for a new token.
    const expiring = oneEvent(el, 'tl-token-expiring');
    tickTo(clock, tokenClaims(first).exp as number, 3);
    expect((await expiring).detail.secondsLeft).to.equal(3);
    // Back to the real clock, which the backend's new token is issued by.
    clock.restore();
    await until(() => el.token !== first, 'the token renewed through the backend');
    await el.updateComplete;
    expect(el.expiresAt!.getTime(), 'the new token\'s expiry is the one watched').to.equal((tokenClaims(el.token).exp as number) * 1000);

    expect(tokenClaims(el.token).executionId, 'the same workflow execution').to.equal(tokenClaims(first).executionId);
    expect(stepId(el)).to.equal('personal');
    expect(control(el, 'firstName').value).to.equal('Anna');
    expect(shadow(el).activeElement, 'focus stays where the user types').to.equal(typingIn);
    expect(shadow(el).querySelector('[role="alert"]'), 'no alert').to.equal(null);
    expect(el.state).to.equal('running');

    // The user goes on: finishes the step and continues, with the renewed token.
    await fillPersonal(el);
    await continueTo(el, 'identity-document');
    expect(expired, 'tl-token-expired never fired').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the demo page starts through its backend: no access token request, no secret in its scripts', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 700px';
    const loaded = oneEvent(frame, 'load');
    frame.src = '/demo/index.html';
    document.body.append(frame);
    try {
      await loaded;
      const page = frame.contentWindow!;
      const widget = await until(() => page.customElements.get('tl-workflow') && page.document.querySelector('tl-workflow'), 'the demo widget');
      const ready = oneEvent(widget, 'tl-ready');
      page.document.querySelector<HTMLButtonElement>('#start-kyc')!.click();
      await ready;
      const requests = page.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
      expect(requests).to.include('/demo-api/start');
      expect(requests).to.include('/demo-api/token');
      expect(requests.filter((path) => /^\/tl-api\/(auth|token|cases|workflows)/.test(path)), 'client-backend calls from the page').to.deep.equal([]);
      const scripts = requests.filter((path) => /\.(ts|js|mjs)$/.test(path));
      expect(scripts.length).to.be.greaterThan(3);
      for (const path of scripts) {
        const text = await (await fetch(path)).text();
        expect(text.includes('sandbox-secret'), `${path} contains the secret`).to.equal(false);
      }
    } finally {
      frame.remove();
    }
  });
});
