import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { setViewport } from '../helpers/commands.js';
import { widgetToken, type WidgetTokenFixture } from '../helpers/sandbox.js';
import { individualToBank, TestWidgetApi } from '../helpers/widget-api.js';
import { framedWorkflow, frames, realmFrame, recordEvents, REPLICA_SRC, replicaEmitted } from '../official/replica.js';
import { ConsoleLines, expectNoToken } from '../official/traces.js';
import { BUILD, expectBuildLoaded } from './build.js';
import { button, click, until } from './driver.js';

type Placement = 'frame' | 'light-dom';

/** The replica in `modes`, at a URL of this test's own (in the page, a script URL is loaded once and its counts add up). */
const replicaFor = (test: string, ...modes: string[]): string => `${REPLICA_SRC}?mode=${modes.join(',')}&test=${encodeURIComponent(test)}`;

/** TransactionLink's API as the element's frame (or, light-DOM, the page) holds it. */
type Api = Record<string, (...args: unknown[]) => void>;
const apiOf = (el: TlWorkflow): Api => ((realmFrame(el)?.contentWindow ?? window) as unknown as { transactionlink: Api }).transactionlink;

/** A token for an execution the user has already finished. */
async function finishedExecution(): Promise<WidgetTokenFixture> {
  const fixtureToken = await widgetToken();
  await individualToBank(fixtureToken.token);
  const api = new TestWidgetApi(fixtureToken.token);
  await api.saveStep('bank', { outcome: 'OMITTED' });
  await api.saveStep('consents', { terms: true, privacy: true, marketing: false });
  await api.saveStep('review', {});
  return fixtureToken;
}

const unexpected = (message: string, recoverable: boolean) => ({ type: 'tl-error', detail: { code: 'unexpected', message, recoverable } });

/** The events of a workflow that completed, each once and in order. */
const completed = (workflowId: string) => [
  { type: 'tl-ready', detail: { workflowId } },
  { type: 'tl-complete', detail: { workflowId, status: 'COMPLETED' } },
];

/**
 * Each mode of the sandbox's replica (sandbox/replica/modes.ts) against the built element: the
 * events a page sees are exactly these, whatever TransactionLink's script does.
 */
describe(`<tl-workflow engine="official"> and TransactionLink's script misbehaving [${BUILD} build]`, function () {
  expectBuildLoaded();
  let lines: ConsoleLines;
  before(() => setViewport({ width: 1000, height: 900 }));
  beforeEach(() => (lines = new ConsoleLines()));
  afterEach(() => {
    lines.stop();
    sinon.restore();
  });

  async function mount(src: string, options: { placement?: Placement; token?: WidgetTokenFixture } = {}) {
    const fixtureToken = options.token ?? (await widgetToken());
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${src} placement=${options.placement ?? 'frame'}></tl-workflow>`);
    lines.watch(el);
    const events = recordEvents(el);
    el.token = fixtureToken.token;
    return { el, events, ...fixtureToken };
  }

  it('old-api: setContext takes the token (no ready callback), a fresh one too; removal unsubscribes with off() and closes', async () => {
    const { el, events, token, caseId, executionId } = await mount(replicaFor('old-api', 'old-api'));
    await until(() => events.length === 1, 'tl-ready');
    expect(events).to.deep.equal([{ type: 'tl-ready', detail: { workflowId: executionId } }]);
    const api = apiOf(el);
    expect(Object.keys(api).sort()).to.deep.equal(['close', 'off', 'on', 'open', 'setContext']);
    const setContext = sinon.spy(api, 'setContext');
    const off = sinon.spy(api, 'off');
    const close = sinon.spy(api, 'close');
    const inner = await framedWorkflow(el);

    const fresh = await widgetToken({ caseId });
    el.token = fresh.token;
    await el.updateComplete;
    expect(setContext.calledOnceWith(fresh.token)).to.equal(true);
    await until(() => inner.token === fresh.token, 'the framed workflow holding the fresh token');

    el.remove();
    expect(off.getCalls().map((call) => call.args[0]).sort()).to.deep.equal(['error', 'widget-closed', 'widget-opened', 'workflow-finished']);
    expect(close.calledOnce).to.equal(true);
    expect(frames()).to.deep.equal([]);
    expect(events.map((e) => e.type)).to.deep.equal(['tl-ready']);
    expectNoToken(token, events, lines);
    expectNoToken(fresh.token, events, lines);
  });

  it('no-unmount: removal closes the widget (close) and fires nothing', async () => {
    const { el, events, token } = await mount(replicaFor('no-unmount', 'no-unmount'));
    await until(() => events.length === 1, 'tl-ready');
    expect(apiOf(el)).not.to.have.property('unmountWidget');
    const close = sinon.spy(apiOf(el), 'close');
    el.remove();
    expect(close.calledOnce).to.equal(true);
    expect(frames()).to.deep.equal([]);
    expect(events.map((e) => e.type)).to.deep.equal(['tl-ready']);
    expectNoToken(token, events, lines);
  });

  for (const placement of ['frame', 'light-dom'] as const) {
    it(`events-during-open (${placement}): a finished workflow that says so inside open() and again after: tl-ready and tl-complete once each`, async () => {
      const finished = await finishedExecution();
      const { el, events, token, executionId } = await mount(replicaFor(`during-${placement}`, 'events-during-open'), { placement, token: finished });
      // Inside open(), then in a task of its own, then the framed workflow's own report of the end.
      await until(() => replicaEmitted(el)['workflow-finished'] === 3 && replicaEmitted(el).error === 1, 'every event the replica sends');
      expect(events).to.deep.equal(completed(executionId));
      expect(el.state).to.equal('complete');
      expectNoToken(token, events, lines);
      el.remove();
    });

    it(`close-during-open (${placement}): a widget that closes inside open() and again after: tl-cancel once`, async () => {
      const { el, events, token } = await mount(replicaFor(`close-${placement}`, 'close-during-open'), { placement });
      if (placement === 'frame') {
        // Its frame is removed, and with it the script that would have sent more.
        await until(() => el.state === 'cancelled' && realmFrame(el) === null, 'the cancelled element without its frame');
      } else {
        await until(() => replicaEmitted(el)['widget-closed'] === 2 && replicaEmitted(el).error === 1, 'every event the replica sends');
      }
      await el.updateComplete;
      expect(events).to.deep.equal([{ type: 'tl-cancel', detail: { workflowId: '' } }]);
      expect(el.state).to.equal('cancelled');
      expect(el.shadowRoot!.textContent).to.contain('You left the verification');
      expectNoToken(token, events, lines);
      el.remove();
    });
  }

  it('error-in-open: an error from inside open() ends on the error screen; Try again tries again', async () => {
    const { el, events, token } = await mount(replicaFor('error-in-open', 'error-in-open'));
    const message = 'The workflow could not be opened (header [token]).';
    await until(() => events.length === 1, 'tl-error');
    await el.updateComplete;
    expect(events).to.deep.equal([unexpected(message, true)]);
    expect(el.state).to.equal('error');
    expect(realmFrame(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Check your connection');
    await expect(el).to.be.accessible();
    const again = oneEvent(el, 'tl-error');
    await click(button(el, 'Try again'));
    await again;
    expect(events).to.deep.equal([unexpected(message, true), unexpected(message, true)]);
    expectNoToken(token, events, lines);
  });

  for (const [mode, message] of [
    ['throw-set-options', 'TransactionLink\'s widget failed: Invalid token [token]'],
    ['throw-open', 'TransactionLink\'s widget failed: Cannot open the workflow of [token]'],
    ['throw-on', 'TransactionLink\'s widget failed: Cannot subscribe with signature [token]'],
  ] as const) {
    it(`${mode}: what the script throws (quoting the token) ends on the error screen, redacted, with Try again`, async () => {
      const { el, events, token } = await mount(replicaFor(mode, mode));
      await until(() => events.length === 1, 'tl-error');
      await el.updateComplete;
      expect(events).to.deep.equal([unexpected(message, true)]);
      expect(el.state).to.equal('error');
      expect(realmFrame(el)).to.equal(null);
      expect(button(el, 'Try again')).to.exist;
      expectNoToken(token, events, lines);
      el.remove();
    });
  }

  for (const [placement, rounds] of [['light-dom', 10], ['frame', 3]] as const) {
    it(`keep-listeners (${placement}): ${rounds} errors, each followed by a fresh token, give ${rounds} tl-errors (listeners of earlier runs cut)`, async () => {
      // The same error once a second: the fake clock moves a second between rounds.
      const clock = sinon.useFakeTimers({ toFake: ['performance'] });
      const { el, events, token, caseId } = await mount(replicaFor(`keep-${placement}`, 'keep-listeners', 'error-after-open'), { placement });
      const tokens = [token];
      for (let round = 1; round <= rounds; round++) {
        await until(() => events.filter((e) => e.type === 'tl-error').length === round, `the error of round ${round}`);
        clock.tick(1000);
        if (round < rounds) {
          tokens.push((await widgetToken({ caseId })).token);
          el.token = tokens[round]!;
        }
      }
      expect(events.map((e) => e.type)).to.deep.equal(['tl-ready', ...Array<string>(rounds).fill('tl-error')]);
      expect(events.slice(1)).to.deep.equal(Array(rounds).fill(unexpected('The widget failed.', false)));
      for (const used of tokens) expectNoToken(used, events, lines);
      el.remove();
    });
  }

  it('error-flood: 2,000 errors of two messages give two tl-errors; a flood within the second none; a second later two', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['performance'] });
    const { el, events, caseId } = await mount(replicaFor('flood', 'error-flood'));
    const flood = [unexpected('Too many requests.', false), unexpected('Still too many requests.', false)];
    await until(() => replicaEmitted(el).error === 2000, 'the flood');
    expect(events.slice(1)).to.deep.equal(flood);

    // A fresh token restarts the widget (it reported errors): a new frame, a new flood, in the same second.
    const before = realmFrame(el);
    el.token = (await widgetToken({ caseId })).token;
    await until(() => realmFrame(el) !== before && replicaEmitted(el).error === 2000, 'the second flood');
    expect(events.slice(1)).to.deep.equal(flood);

    clock.tick(1000);
    const again = realmFrame(el);
    el.token = (await widgetToken({ caseId })).token;
    await until(() => realmFrame(el) !== again && replicaEmitted(el).error === 2000, 'the third flood');
    expect(events.map((e) => e.type)).to.deep.equal(['tl-ready', 'tl-error', 'tl-error', 'tl-error', 'tl-error']);
    expect(events.slice(3)).to.deep.equal(flood);
    el.remove();
  });

  it('out-of-order: workflow-finished before widget-opened gives tl-ready, then tl-complete', async () => {
    const { el, events, token, executionId } = await mount(replicaFor('order', 'out-of-order'));
    await until(() => replicaEmitted(el)['widget-opened'] === 1, 'widget-opened, after workflow-finished');
    expect(events).to.deep.equal(completed(executionId));
    expect(el.state).to.equal('complete');
    expectNoToken(token, events, lines);
    el.remove();
  });
});
