import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, clearFaults, injectFault, widgetToken } from '../helpers/sandbox.js';

/** Names of the `tl-*` events the element fires, in order. */
function recordEvents(el: HTMLElement): string[] {
  const seen: string[] = [];
  for (const type of ['tl-token-expiring', 'tl-token-expired', 'tl-error', 'tl-ready']) el.addEventListener(type, () => seen.push(type));
  return seen;
}

/**
 * The API refuses the token (401): the client only reports how; the element's token lifecycle
 * decides whether the token expired (one `tl-token-expired`, no `tl-error`) or was refused
 * (`tl-error` `unauthorized`).
 */
describe('<tl-workflow> when the API refuses the token', () => {
  let clock: sinon.SinonFakeTimers | undefined;

  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    await clearFaults();
  });

  it('the server says "token-expired" although our clock says it is valid (clock skew): expired, no tl-error', async () => {
    const { token } = await widgetToken();
    await injectFault({ method: 'GET', pathContains: '/widget/execution', status: 401, code: 'token-expired', count: 1 });
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const seen = recordEvents(el);
    const expired = oneEvent(el, 'tl-token-expired');
    el.token = token;
    expect((await expired).detail.expiresAt.getTime()).to.be.greaterThan(Date.now());
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    expect(seen).to.deep.equal(['tl-token-expired']);
  });

  it('a refusal for another reason while the token is valid is an unauthorized tl-error, not an expiry', async () => {
    const { token } = await widgetToken();
    await injectFault({ method: 'GET', pathContains: '/widget/execution', status: 401, code: 'token-invalid', count: 1 });
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const seen = recordEvents(el);
    const error = oneEvent(el, 'tl-error');
    el.token = token;
    expect((await error).detail).to.include({ code: 'unauthorized', recoverable: false });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(seen).to.deep.equal(['tl-error']);
  });

  it('a refusal once the token is past its exp by our clock is an expiry, even before the expiry timer fired', async () => {
    const { token } = await widgetToken({ ttlSeconds: 30 });
    await injectFault({ method: 'GET', pathContains: '/widget/execution', status: 401, code: 'token-invalid', count: 1 });
    // Only the clock moves on: the expiry watch's timer (a real one) has not fired yet.
    clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const seen = recordEvents(el);
    const expired = oneEvent(el, 'tl-token-expired');
    el.token = token;
    await el.updateComplete;
    clock.tick(60_000);
    await expired;
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    // The warning came at once (30 s left is inside the default 60 s window), then the expiry; no error.
    expect(seen).to.deep.equal(['tl-token-expiring', 'tl-token-expired']);
  });
});
