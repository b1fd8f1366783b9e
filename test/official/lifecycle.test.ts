import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import type { TransactionLinkApi } from '../../src/engines/official/transactionlink-api.js';
import { button, click, control, shadow, type, until } from '../e2e/driver.js';
import { executionStatus } from '../e2e/flows.js';
import { setViewport } from '../helpers/commands.js';
import { widgetToken } from '../helpers/sandbox.js';
import { framedWorkflow, frames, realmFrame, recordEvents, REPLICA_SRC, replicaEmitted, replicaIn, widgetFrame } from './replica.js';

type Globals = { transactionlink?: TransactionLinkApi; transactionlink_ready?: unknown };
const page = window as unknown as Globals;

/** TransactionLink's API in the element's own frame (or the page's, with placement="light-dom"). */
const apiOf = (el: TlWorkflow): TransactionLinkApi => ((realmFrame(el)?.contentWindow ?? window) as unknown as Globals).transactionlink!;

/** A running official-engine element with a fresh sandbox token. */
async function startOfficial(options: { ttlSeconds?: number; warning?: number; src?: string; placement?: string } = {}) {
  const fixtureToken = await widgetToken({ ttlSeconds: options.ttlSeconds });
  const src = options.src ?? REPLICA_SRC;
  const el = await fixture<TlWorkflow>(
    html`<tl-workflow engine="official" widget-src=${src} placement=${options.placement ?? 'frame'} expiry-warning=${options.warning ?? 60}></tl-workflow>`,
  );
  const events = recordEvents(el);
  const ready = oneEvent(el, 'tl-ready');
  el.token = fixtureToken.token;
  await ready;
  return { el, events, ...fixtureToken };
}

/** TransactionLink's API as the replica at REPLICA_SRC defines it in the page (loaded once per page, by a light-DOM element). */
async function pageApi(): Promise<TransactionLinkApi> {
  (await startOfficial({ placement: 'light-dom' })).el.remove();
  return page.transactionlink!;
}

describe('<tl-workflow engine="official"> lifecycle, through the replica', function () {
  before(() => setViewport({ width: 1000, height: 900 }));
  afterEach(() => sinon.restore());

  it('removal removes the element\'s frame (after unmountWidget()): no frame, ready callback or timer; the page\'s globals untouched', async () => {
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { el } = await startOfficial();
      const unmount = sinon.spy(apiOf(el), 'unmountWidget');
      expect(frames()).to.have.length(2);
      expect(clock.countTimers(), 'the expiry watch only (the load\'s timer is cleared once ready)').to.equal(1);
      el.remove();
      expect(unmount.calledOnce).to.equal(true);
      expect(realmFrame(el)).to.equal(null);
      expect(frames()).to.deep.equal([]);
      expect(clock.countTimers(), 'timers after removal').to.equal(0);
      expect('transactionlink' in window || 'transactionlink_ready' in window, 'page globals').to.equal(false);
    } finally {
      clock.restore();
    }
  });

  it('placement="light-dom": removal calls unmountWidget() and leaves no frame, tag, message listener, ready callback or timer', async () => {
    const added = sinon.spy(window, 'addEventListener');
    const removed = sinon.spy(window, 'removeEventListener');
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // A first load of its own: the loader's timeout is set, and cleared once the script is ready.
      const { el } = await startOfficial({ src: `${REPLICA_SRC}?test=timers`, placement: 'light-dom' });
      const unmount = sinon.spy(page.transactionlink!, 'unmountWidget');
      expect(realmFrame(el)).to.equal(null);
      expect(widgetFrame(el)!.parentElement!.parentElement).to.equal(el);
      expect(widgetFrame(el)!.parentElement!.assignedSlot).to.equal(el.shadowRoot!.querySelector('slot'));
      expect(clock.countTimers(), 'the expiry watch only').to.equal(1);
      el.remove();
      expect(unmount.calledOnce).to.equal(true);
      expect(frames()).to.have.length(0);
      expect(el.querySelector('transactionlink-widget')).to.equal(null);
      expect('transactionlink_ready' in window).to.equal(false);
      expect(clock.countTimers(), 'timers after removal').to.equal(0);
      const messages = (spy: sinon.SinonSpy) => spy.getCalls().filter((c) => c.args[0] === 'message').length;
      expect(messages(added)).to.be.greaterThan(0);
      expect(messages(removed)).to.equal(messages(added));
    } finally {
      clock.restore();
    }
  });

  it('maps TransactionLink\'s events once each, tolerating unreadable payloads, redacting the token; removed, its listeners go quiet', async () => {
    const api = await pageApi();
    const on = sinon.spy(api, 'on');
    const { el, events, executionId, token } = await startOfficial({ placement: 'light-dom' });
    expect(on.getCalls().map((c) => c.args[0]).sort()).to.deep.equal(['error', 'widget-closed', 'widget-opened', 'workflow-finished']);
    const listener = (name: string) => on.getCalls().find((c) => c.args[0] === name)!.args[1];
    const unreadable = new Proxy({}, { get: () => { throw new Error('no reading'); } });

    listener('widget-opened')(unreadable);
    listener('error')(unreadable);
    listener('error')({ message: `bad ${token}` });
    listener('error')({ message: `claims ${token.split('.')[1]}` });
    listener('workflow-finished')(undefined);
    listener('workflow-finished')({ workflowId: 'another', status: 'COMPLETED' });
    listener('widget-closed')('closed');
    await el.updateComplete;

    expect(events.map((e) => e.type)).to.deep.equal(['tl-ready', 'tl-error', 'tl-error', 'tl-error', 'tl-complete']);
    expect(events[1]!.detail).to.deep.equal({ code: 'unexpected', message: 'TransactionLink\'s widget reported an error.', recoverable: false });
    expect(events[2]!.detail).to.deep.equal({ code: 'unexpected', message: 'bad [token]', recoverable: false });
    expect(events[3]!.detail).to.deep.equal({ code: 'unexpected', message: 'claims [token]', recoverable: false });
    // The id TransactionLink gave with widget-opened stays the workflow's id; "COMPLETED" when no status is readable.
    expect(events[4]!.detail).to.deep.equal({ workflowId: executionId, status: 'COMPLETED' });
    expect(el.state).to.equal('complete');

    el.remove();
    listener('widget-opened')({});
    listener('workflow-finished')({});
    listener('error')({});
    expect(events).to.have.length(5);
  });

  it('placement="light-dom": a second element waits (tl-error busy, no takeover) and starts by itself once the first is gone', async () => {
    const first = await startOfficial({ placement: 'light-dom' });
    const second = await fixture<TlWorkflow>(html`<tl-workflow engine="official" placement="light-dom" widget-src=${REPLICA_SRC}></tl-workflow>`);
    const events = recordEvents(second);
    const busy = oneEvent(second, 'tl-error');
    second.token = (await widgetToken()).token;
    expect((await busy).detail).to.include({ code: 'busy', recoverable: true });
    await second.updateComplete;
    expect(second.state).to.equal('error');
    expect(frames()).to.have.length(1);
    expect(widgetFrame(first.el)).to.exist;
    expect(second.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('already shows a verification');
    await expect(second).to.be.accessible();

    const ready = oneEvent(second, 'tl-ready');
    first.el.remove();
    await ready;
    expect(frames()).to.have.length(1);
    expect(widgetFrame(second)).to.exist;
    expect(events.map((e) => e.type)).to.deep.equal(['tl-error', 'tl-ready']);
    second.remove();
  });

  it('fires tl-token-expiring and tl-token-expired from exp; the frame keeps the input; a fresh token resumes on the same step', async () => {
    const { el, events, caseId, token } = await startOfficial({ ttlSeconds: 6, warning: 3 });
    const realm = realmFrame(el)!;
    const frame = widgetFrame(el)!;
    const inner = await framedWorkflow(el);
    await type(inner, 'firstName', 'Zoë');
    const expired = await oneEvent(el, 'tl-token-expired');
    expect(expired.detail.expiresAt.getTime()).to.equal(el.expiresAt!.getTime());
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    expect(events.map((e) => e.type).filter((t) => t.startsWith('tl-token'))).to.deep.equal(['tl-token-expiring', 'tl-token-expired']);
    expect(widgetFrame(el)).to.equal(frame);
    await until(() => inner.state === 'expired', 'the widget noticing the expiry too');

    const setOptions = sinon.spy(apiOf(el), 'setOptions');
    const fresh = await widgetToken({ caseId });
    expect(fresh.token).not.to.equal(token);
    el.token = fresh.token;
    await el.updateComplete;
    expect(setOptions.calledOnceWith({ token: fresh.token, inline: true, autoHeight: true })).to.equal(true);
    await until(() => inner.state === 'running', 'the widget running again');
    expect(el.state).to.equal('running');
    expect(realmFrame(el), 'the same frames, not a reload').to.equal(realm);
    expect(widgetFrame(el)).to.equal(frame);
    expect(frame.contentDocument!.querySelector('tl-workflow')).to.equal(inner);
    expect(control(inner, 'firstName').value).to.equal('Zoë');
    expect(frame.src).not.to.contain(fresh.token);
    expect(events.filter((e) => e.type === 'tl-ready' || e.type === 'tl-error')).to.have.length(1);
    el.remove();
  });

  it('after TransactionLink reports an error, a fresh token restarts the widget cleanly, in a new frame', async () => {
    // The same error again within a second is not reported again: frozen here, so the count is exact.
    sinon.useFakeTimers({ toFake: ['performance'] });
    const { el, events, caseId } = await startOfficial({ src: replicaIn('error-after-open') });
    await until(() => events.some((e) => e.type === 'tl-error'), 'the widget\'s error');
    const firstRealm = realmFrame(el)!;
    const unmount = sinon.spy(apiOf(el), 'unmountWidget');
    el.token = (await widgetToken({ caseId })).token;
    await el.updateComplete;
    expect(unmount.calledOnce).to.equal(true);
    expect(firstRealm.isConnected).to.equal(false);
    await until(() => realmFrame(el) && realmFrame(el) !== firstRealm, 'a new frame');
    await framedWorkflow(el);
    await until(() => replicaEmitted(el).error === 1, 'the new widget\'s error');
    expect(frames()).to.have.length(2);
    expect(events.map((e) => e.type)).to.deep.equal(['tl-ready', 'tl-error']);
    expect(events[1]!.detail).to.deep.equal({ code: 'unexpected', message: 'The widget failed.', recoverable: false });
    el.remove();
  });

  it('modal: the element\'s frame covers the viewport in the top layer once the widget opens (inline: false); removal takes it away', async () => {
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" modal widget-src=${REPLICA_SRC}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = (await widgetToken()).token;
    await ready;
    const realm = realmFrame(el)!;
    expect(realm.matches(':popover-open')).to.equal(true);
    const box = realm.getBoundingClientRect();
    expect([box.x, box.y, box.width, box.height]).to.deep.equal([0, 0, innerWidth, innerHeight]);
    // TransactionLink's own modal frame, over its (the element's frame's) page.
    expect(getComputedStyle(widgetFrame(el) ?? frames()[1]!).position).to.equal('fixed');
    expect(el.getBoundingClientRect().height, 'nothing inline').to.be.below(box.height);
    el.remove();
    expect(frames()).to.have.length(0);
  });

  it('placement="light-dom", modal: TransactionLink shows its widget over the page (inline: false); removal takes it away', async () => {
    const api = await pageApi();
    const setOptions = sinon.spy(api, 'setOptions');
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" modal placement="light-dom" widget-src=${REPLICA_SRC}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    const { token } = await widgetToken();
    el.token = token;
    await ready;
    expect(setOptions.calledWith({ token, inline: false, autoHeight: false })).to.equal(true);
    const frame = frames()[0]!;
    expect(el.contains(frame)).to.equal(false);
    expect(getComputedStyle(frame).position).to.equal('fixed');
    el.remove();
    expect(frames()).to.have.length(0);
  });

  it('the user leaves inside the frame: one tl-cancel, the frames go, the element says so', async () => {
    const { el, events, executionId } = await startOfficial();
    const inner = await framedWorkflow(el);
    await click(button(inner, 'Cancel'));
    await until(() => shadow(inner).querySelector('[role="alertdialog"]'), 'the confirmation');
    await click(button(inner, 'Leave'));
    await until(() => events.some((e) => e.type === 'tl-cancel'), 'tl-cancel');
    await until(() => realmFrame(el) === null, 'the element\'s frame removed');
    await el.updateComplete;
    expect(el.state).to.equal('cancelled');
    expect(frames()).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.contain('You left the verification');
    expect(await executionStatus(executionId)).to.equal('CANCELLED');
    await expect(el).to.be.accessible();
    expect(events.filter((e) => e.type === 'tl-cancel')).to.deep.equal([{ type: 'tl-cancel', detail: { workflowId: executionId } }]);
    el.remove();
  });
});
