import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, clearFaults, injectFault, widgetToken } from '../helpers/sandbox.js';
import { click, until } from '../e2e/driver.js';
import { pause } from '../helpers/real-time.js';
import { frames, realmFrame, recordEvents, REPLICA_SRC, widgetFrame } from './replica.js';

/** Script elements a document holds for a URL (relative or absolute). */
const scriptsFor = (url: string, doc: Document = document) =>
  [...doc.querySelectorAll('script')].filter((s) => s.src === new URL(url, location.href).href);

/** Resource-timing entries of the page for a URL: one per network request the page made. */
const requestsFor = (url: string) => performance.getEntriesByName(new URL(url, location.href).href, 'resource');

/** A replica URL of its own (the page loads each URL once with placement="light-dom"; these tests need fresh loads). */
const replica = (name: string) => `${REPLICA_SRC}?test=${name}`;

/** The element's frame's document, and what it holds of TransactionLink's, once its script is in. */
const realmDocument = (el: TlWorkflow) => realmFrame(el)?.contentDocument ?? null;

describe('<tl-workflow engine="official"> loading TransactionLink\'s script', function () {
  afterEach(() => clearFaults());

  it('runs the script in the element\'s own frame, once per start: not in the page, again after a remount', async () => {
    const src = replica('frame');
    const { token } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${src}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    const first = realmFrame(el)!;
    expect(scriptsFor(src, realmDocument(el)!)).to.have.length(1);
    expect(realmDocument(el)!.querySelectorAll('transactionlink-widget')).to.have.length(1);
    expect(scriptsFor(src)).to.have.length(0);
    // Removed and put back (what React StrictMode does): a new frame, whose own copy of the script runs.
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await until(() => widgetFrame(el)?.contentDocument?.querySelector('tl-workflow')?.shadowRoot?.querySelector('form'), 'the widget back');
    expect(realmFrame(el)).not.to.equal(first);
    expect(scriptsFor(src, realmDocument(el)!)).to.have.length(1);
    expect(el.state).to.equal('running');
    el.remove();
  });

  it('placement="light-dom": requests the script once for two elements mounted one after the other, and for a remount', async () => {
    const src = replica('once');
    for (let i = 0; i < 2; i++) {
      const { token } = await widgetToken();
      const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" placement="light-dom" widget-src=${src}></tl-workflow>`);
      const ready = oneEvent(el, 'tl-ready');
      el.token = token;
      await ready;
      expect(widgetFrame(el)).to.exist;
      const parent = el.parentElement!;
      el.remove();
      expect(frames()).to.have.length(0);
      parent.append(el);
      await until(() => widgetFrame(el)?.contentDocument?.querySelector('tl-workflow')?.shadowRoot?.querySelector('form'), 'the widget back');
      expect(el.state).to.equal('running');
      el.remove();
    }
    expect(scriptsFor(src)).to.have.length(1);
    expect(requestsFor(src)).to.have.length(1);
  });

  it('a script that answers 404 ends in tl-error network (recoverable), shown with a retry that works', async () => {
    const src = replica('retry');
    await injectFault({ method: 'GET', pathContains: 'transactionlink-widget.umd.js', status: 404 });
    const { token } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${src}></tl-workflow>`);
    const events = recordEvents(el);
    const failed = oneEvent(el, 'tl-error');
    el.token = token;
    const { detail } = await failed;
    expect(detail.code).to.equal('network');
    expect(detail.recoverable).to.equal(true);
    expect(detail.message).to.contain('could not be loaded');
    expect(JSON.stringify(detail)).not.to.contain(token);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    // Nothing of the failed attempt is left: no frame, no script, no ready callback, no widget tag.
    expect(realmFrame(el)).to.equal(null);
    expect(scriptsFor(src)).to.have.length(0);
    expect('transactionlink_ready' in window).to.equal(false);
    expect(el.querySelector('transactionlink-widget')).to.equal(null);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Check your connection');
    await expect(el).to.be.accessible();

    const ready = oneEvent(el, 'tl-ready');
    await click(el.shadowRoot!.querySelector('button')!);
    await ready;
    expect(el.state).to.equal('running');
    expect(widgetFrame(el)).to.exist;
    expect(events.map((e) => e.type)).to.deep.equal(['tl-error', 'tl-ready']);
  });

  it('a script that is not there (404 from any server) ends in tl-error network, not in a wait', async () => {
    const src = '/test/official/fixtures/missing.js';
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${src} load-timeout="600"></tl-workflow>`);
    const failed = oneEvent(el, 'tl-error');
    el.token = (await widgetToken()).token;
    const { detail } = await failed;
    expect(detail).to.include({ code: 'network', recoverable: true });
    expect(detail.message).to.contain('could not be loaded');
    expect(realmFrame(el)).to.equal(null);
  });

  it('a script that never calls transactionlink_ready ends in tl-error network after load-timeout seconds (fake clock)', async () => {
    const src = '/test/official/fixtures/never-ready.js';
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${src} load-timeout="1"></tl-workflow>`);
      const events = recordEvents(el);
      el.token = (await widgetToken()).token;
      const ran = () => (realmFrame(el)?.contentWindow as { neverReadyLoaded?: number } | null | undefined)?.neverReadyLoaded === 1;
      await until(ran, 'the script to run in the element\'s frame');
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading');
      // A real task after each tick: whatever the fake timer set off (promise callbacks) has run by then.
      clock.tick(999);
      await pause();
      expect(events).to.deep.equal([]);
      clock.tick(1);
      await pause();
      expect(events.map((e) => e.detail)).to.deep.equal([
        { code: 'network', recoverable: true, message: `TransactionLink's widget script (${new URL(src, location.href).href}) did not call transactionlink_ready within 1 s.` },
      ]);
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(realmFrame(el), 'the frame and its script gone').to.equal(null);
      expect('transactionlink_ready' in window, 'ready callback left behind').to.equal(false);
      expect(clock.countTimers(), 'the expiry watch only').to.equal(1);
    } finally {
      clock.restore();
    }
  });

  it('while the script loads, the element shows an accessible loading screen above its (empty) frame', async () => {
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src="/test/official/fixtures/never-ready.js" load-timeout="600"></tl-workflow>`);
    el.token = (await widgetToken()).token;
    await until(() => (realmFrame(el)?.contentWindow as { neverReadyLoaded?: number } | null | undefined)?.neverReadyLoaded === 1, 'the script ran');
    expect(el.state).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading');
    expect(realmFrame(el)!.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('with an api-base and no engine, runs the native engine: no script, no frame, no <transactionlink-widget>', async () => {
    const before = document.scripts.length;
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = (await widgetToken()).token;
    await ready;
    expect(el.shadowRoot!.querySelector('form[data-step-id="personal"]')).to.exist;
    expect(document.scripts.length).to.equal(before);
    expect(el.querySelector('transactionlink-widget')).to.equal(null);
    expect(frames()).to.have.length(0);
  });

  it('switching engine while running stops one and starts the other with the same token', async () => {
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const nativeReady = oneEvent(el, 'tl-ready');
    el.token = (await widgetToken()).token;
    await nativeReady;
    el.widgetSrc = replica('switch');
    el.engine = 'official';
    await until(() => widgetFrame(el)?.contentDocument?.querySelector('tl-workflow')?.shadowRoot?.querySelector('form'), 'the official widget');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    el.engine = 'native';
    await until(() => el.shadowRoot!.querySelector('form[data-step-id]'), 'the native renderer again');
    expect(frames()).to.have.length(0);
    expect(el.querySelector('transactionlink-widget')).to.equal(null);
  });
});
