import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { setViewport } from '../helpers/commands.js';
import { widgetToken } from '../helpers/sandbox.js';
import { individualToBank, TestWidgetApi } from '../helpers/widget-api.js';
import { framedWorkflow, frames, realmFrame, recordEvents, REPLICA_SRC, widgetFrame } from '../official/replica.js';
import { ConsoleLines, expectNoToken } from '../official/traces.js';
import { BUILD, expectBuildLoaded } from './build.js';
import { button, click, continueTo, shadow, until } from './driver.js';
import { executionStatus, fillConsents } from './flows.js';

/** A token for an individual KYC saved up to its consents step (the user does the rest inside the frame). */
async function tokenAtConsents() {
  const fixtureToken = await widgetToken();
  await individualToBank(fixtureToken.token);
  await new TestWidgetApi(fixtureToken.token).saveStep('bank', { outcome: 'OMITTED' });
  return fixtureToken;
}

/** A `<tl-workflow engine="official">` on the replica, created in `parent` (any tree, any shadow root). */
function officialIn(parent: Element | ShadowRoot, src = REPLICA_SRC): TlWorkflow {
  const el = document.createElement('tl-workflow') as TlWorkflow;
  el.setAttribute('engine', 'official');
  el.setAttribute('widget-src', src);
  parent.append(el);
  return el;
}

describe(`<tl-workflow engine="official"> wherever it is put [${BUILD} build]`, function () {
  expectBuildLoaded();
  let consoleLines: ConsoleLines;
  before(() => setViewport({ width: 1000, height: 900 }));
  beforeEach(() => (consoleLines = new ConsoleLines()));
  afterEach(() => consoleLines.stop());

  it('inside two nested shadow roots (open, then closed), the user completes the workflow in the element\'s frame', async () => {
    const { token, executionId } = await tokenAtConsents();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const open = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('section');
    open.append(inner);
    const closed = inner.attachShadow({ mode: 'closed' });
    const el = officialIn(closed);
    consoleLines.watch(el);
    const events = recordEvents(el);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    expect((await ready).detail).to.deep.equal({ workflowId: executionId });
    expect(realmFrame(el)!.getRootNode()).to.equal(el.shadowRoot);
    expect(widgetFrame(el)!.ownerDocument).to.equal(realmFrame(el)!.contentDocument);

    const workflow = await framedWorkflow(el);
    await fillConsents(workflow);
    await continueTo(workflow, 'review');
    const complete = oneEvent(el, 'tl-complete');
    await click(shadow(workflow).querySelector('[data-primary]')!);
    expect((await complete).detail).to.deep.equal({ workflowId: executionId, status: 'COMPLETED' });
    expect(await executionStatus(executionId)).to.equal('COMPLETED');
    await until(() => shadow(workflow).querySelector('.screen--complete'), 'the complete screen inside the frame');
    expect(el.state).to.equal('complete');
    expect(events.map((e) => e.type)).to.deep.equal(['tl-ready', 'tl-complete']);
    expectNoToken(token, events, consoleLines, [closed]);
    host.remove();
    expect(frames()).to.deep.equal([]);
  });

  it('with a stray <transactionlink-widget> earlier in the page, the frame is inside the element and the stray tag stays empty', async () => {
    const { token } = await widgetToken();
    const page = await fixture<HTMLDivElement>(html`<div><transactionlink-widget></transactionlink-widget><main></main></div>`);
    const stray = page.querySelector('transactionlink-widget')!;
    const el = officialIn(page.querySelector('main')!);
    consoleLines.watch(el);
    const events = recordEvents(el);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await framedWorkflow(el);
    expect(stray.childNodes).to.have.length(0);
    expect(document.querySelectorAll('transactionlink-widget')).to.have.length(1);
    expect(frames()).to.deep.equal([realmFrame(el), widgetFrame(el)]);
    expect(el.contains(stray) || el.shadowRoot!.contains(stray)).to.equal(false);
    expect(widgetFrame(el)!.parentElement).not.to.equal(stray);
    el.remove();
    expect(stray.childNodes).to.have.length(0);
    expectNoToken(token, events, consoleLines);
  });

  it('two elements run at once, each with its own frame, events and TransactionLink global; no busy', async () => {
    const [first, second] = await Promise.all([widgetToken(), widgetToken()]);
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const a = officialIn(page);
    const b = officialIn(page);
    consoleLines.watch(a);
    consoleLines.watch(b);
    const eventsA = recordEvents(a);
    const eventsB = recordEvents(b);
    const ready = Promise.all([oneEvent(a, 'tl-ready'), oneEvent(b, 'tl-ready')]);
    a.token = first.token;
    b.token = second.token;
    const [readyA, readyB] = await ready;
    expect(readyA.detail.workflowId).to.equal(first.executionId);
    expect(readyB.detail.workflowId).to.equal(second.executionId);
    const [workflowA, workflowB] = await Promise.all([framedWorkflow(a), framedWorkflow(b)]);
    expect(workflowA).not.to.equal(workflowB);
    const globalOf = (el: TlWorkflow) => (realmFrame(el)!.contentWindow as unknown as { transactionlink: unknown }).transactionlink;
    expect(globalOf(a)).to.be.an('object');
    expect(globalOf(a)).not.to.equal(globalOf(b));
    expect('transactionlink' in window).to.equal(false);

    // The user leaves the second one: only it cancels; the first runs on.
    await click(button(workflowB, 'Cancel'));
    await until(() => shadow(workflowB).querySelector('[role="alertdialog"]'), 'the confirmation');
    await click(button(workflowB, 'Leave'));
    await until(() => b.state === 'cancelled' && realmFrame(b) === null, 'the second element cancelled, its frame gone');
    expect(a.state).to.equal('running');
    expect(eventsA.map((e) => e.type)).to.deep.equal(['tl-ready']);
    expect(eventsB.map((e) => e.type)).to.deep.equal(['tl-ready', 'tl-cancel']);
    expect(frames()).to.deep.equal([realmFrame(a), widgetFrame(a)]);
    expectNoToken(first.token, [...eventsA, ...eventsB], consoleLines);
    expectNoToken(second.token, [...eventsA, ...eventsB], consoleLines);
    page.remove();
    expect(frames()).to.deep.equal([]);
  });

  it('in a page with its own copy of TransactionLink\'s script and widget, both run and neither touches the other', async () => {
    const [ours, theirs] = await Promise.all([widgetToken(), widgetToken()]);
    const page = await fixture<HTMLDivElement>(html`<div><transactionlink-widget></transactionlink-widget><main></main></div>`);
    const theirTag = page.querySelector('transactionlink-widget')!;
    // The page's own embed, as TransactionLink's docs show it: its ready callback, its script, its token.
    type PageGlobals = { transactionlink?: { setOptions(o: unknown): void; open(): void; unmountWidget(): void }; transactionlink_ready?: () => void };
    const globals = window as unknown as PageGlobals;
    let readyCalls = 0;
    const pageReady = () => {
      readyCalls++;
      globals.transactionlink!.setOptions({ token: theirs.token, inline: true, autoHeight: true });
      globals.transactionlink!.open();
    };
    globals.transactionlink_ready = pageReady;
    const script = document.createElement('script');
    script.src = `${REPLICA_SRC}?test=page-copy`;
    document.head.append(script);
    try {
      await until(() => theirTag.querySelector('iframe')?.contentDocument?.querySelector('tl-workflow')?.shadowRoot?.querySelector('form'), 'the page\'s own widget');
      const theirApi = globals.transactionlink;

      const el = officialIn(page.querySelector('main')!);
      consoleLines.watch(el);
      const events = recordEvents(el);
      const ready = oneEvent(el, 'tl-ready');
      el.token = ours.token;
      expect((await ready).detail).to.deep.equal({ workflowId: ours.executionId });
      await framedWorkflow(el);
      expect(globals.transactionlink, 'the page\'s API object').to.equal(theirApi);
      expect(globals.transactionlink_ready, 'the page\'s ready callback').to.equal(pageReady);
      expect(readyCalls).to.equal(1);
      expect(theirTag.querySelectorAll('iframe')).to.have.length(1);
      expect(widgetFrame(el)!.ownerDocument).to.equal(realmFrame(el)!.contentDocument);

      el.remove();
      expect(theirTag.querySelectorAll('iframe'), 'the page\'s widget still open').to.have.length(1);
      expect(globals.transactionlink).to.equal(theirApi);
      expect(events.map((e) => e.type)).to.deep.equal(['tl-ready']);
      expectNoToken(ours.token, events, consoleLines);
    } finally {
      globals.transactionlink?.unmountWidget();
      script.remove();
      delete globals.transactionlink;
      delete globals.transactionlink_ready;
    }
  });
});
