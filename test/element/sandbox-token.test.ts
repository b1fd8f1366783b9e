import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { useFakeClock, tickTo } from '../helpers/fake-clock.js';
import { API_BASE, tokenClaims, widgetToken } from '../helpers/sandbox.js';

/** Resolves with the name of whichever of the events fires first on `el`. */
function firstOf(el: HTMLElement, names: string[]): Promise<string> {
  return new Promise((resolve) => {
    for (const name of names) el.addEventListener(name, () => resolve(name), { once: true });
  });
}

describe('<tl-workflow> with tokens from the sandbox', () => {
  const installClock = useFakeClock();

  it('decodes a token the sandbox issued: claims and expiry match the JWT', async () => {
    const { token } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await el.updateComplete;
    const payload = tokenClaims(token);
    expect(el.claims).to.deep.equal(payload);
    expect(el.expiresAt!.getTime()).to.equal((payload.exp as number) * 1000);
    expect((payload.exp as number) - (payload.iat as number)).to.equal(3600);
    for (const claim of ['customerId', 'partyId', 'workspaceId', 'iat', 'exp']) expect(payload).to.have.property(claim);
    await ready;
    expect(el.state).to.equal('running');
  });

  it('a short token warns right after it is set, before tl-ready, never inside the setter (as the README says)', async () => {
    const { token } = await widgetToken({ ttlSeconds: 30 });
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const order: string[] = [];
    for (const name of ['tl-token-expiring', 'tl-ready']) el.addEventListener(name, () => order.push(name));
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    expect(order, 'nothing fires synchronously inside the property set').to.deep.equal([]);
    await ready;
    expect(order).to.deep.equal(['tl-token-expiring', 'tl-ready']);
  });

  it('expires a sandbox token at its exp, mid-step, and keeps the screen', async () => {
    const { token } = await widgetToken();
    const exp = tokenClaims(token).exp as number;
    // The page's clock from here on: the expiry comes when the test moves it there.
    const clock = installClock();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE} expiry-warning="1"></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    const expiringEvent = oneEvent(el, 'tl-token-expiring');
    const expiredEvent = oneEvent(el, 'tl-token-expired');
    el.token = token;
    await ready;
    tickTo(clock, exp, 1);
    const expiring = await expiringEvent;
    expect(expiring.detail.secondsLeft).to.equal(1);
    expect(expiring.detail.expiresAt.getTime()).to.equal(exp * 1000);
    expect(el.state, 'one second before exp').to.equal('running');
    tickTo(clock, exp);
    const expired = await expiredEvent;
    expect(Date.now(), 'fired at exp, not later').to.equal(exp * 1000);
    expect(expired.detail.expiresAt.getTime()).to.equal(exp * 1000);
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    // The step stays on screen, with an alert saying the session timed out.
    expect(el.shadowRoot!.querySelector('[data-step-heading]')).to.exist;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
  });

  it('a token signed by someone else is refused by the API and reported, without retrying forever', async () => {
    const { token } = await widgetToken();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(80)}`;
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const outcome = firstOf(el, ['tl-error', 'tl-ready']);
    const error = oneEvent(el, 'tl-error');
    el.token = forged;
    expect(await outcome).to.equal('tl-error');
    const { detail } = await error;
    expect(detail.code).to.equal('unauthorized');
    expect(detail.recoverable).to.equal(false);
    expect(JSON.stringify(detail)).not.to.contain(forged);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    await expect(el).to.be.accessible();
  });
});
