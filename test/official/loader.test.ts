import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, clearFaults, injectFault, widgetToken } from '../helpers/sandbox.js';
import { click, until } from '../e2e/driver.js';
import { frames, recordEvents, REPLICA_SRC, widgetFrame } from './replica.js';

/** Script elements the page holds for a URL (relative or absolute). */
const scriptsFor = (url: string) =>
  [...document.querySelectorAll('script')].filter((s) => s.src === new URL(url, location.href).href);

/** Resource-timing entries of the page for a URL: one per network request the page made. */
const requestsFor = (url: string) => performance.getEntriesByName(new URL(url, location.href).href, 'resource');

/** A replica URL of its own (the loader loads each URL once per page; these tests need fresh loads). */
const replica = (name: string) => `${REPLICA_SRC}?test=${name}`;

describe('<tl-workflow engine="official"> loading TransactionLink\'s script', function () {
  this.timeout(20000);
  afterEach(() => clearFaults());

  it('requests the script once for two elements mounted one after the other, and for a remount', async () => {
    const src = replica('once');
    for (let i = 0; i < 2; i++) {
      const { token } = await widgetToken();
      const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${src}></tl-workflow>`);
      const ready = oneEvent(el, 'tl-ready');
      el.token = token;
      await ready;
      expect(widgetFrame(el)).to.exist;
      // Removed and put back (what React StrictMode does): the widget comes back, the script is not loaded again.
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
    // Nothing of the failed attempt is left: no script element, no ready callback, no widget tag.
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

  it('a script that is not there (404 from any server) ends in tl-error network at once', async () => {
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src="/test/official/fixtures/missing.js"></tl-workflow>`);
    const failed = oneEvent(el, 'tl-error');
    const { token } = await widgetToken();
    const started = performance.now();
    el.token = token;
    expect((await failed).detail).to.include({ code: 'network', recoverable: true });
    expect(performance.now() - started).to.be.below(5000);
    expect(scriptsFor('/test/official/fixtures/missing.js')).to.have.length(0);
  });

  it('a script that never calls transactionlink_ready ends in tl-error network after load-timeout seconds', async () => {
    const src = '/test/official/fixtures/never-ready.js';
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${src} load-timeout="1"></tl-workflow>`);
    const failed = oneEvent(el, 'tl-error');
    const { token } = await widgetToken();
    const started = performance.now();
    el.token = token;
    await until(() => (window as { neverReadyLoaded?: number }).neverReadyLoaded === 1, 'the script ran');
    expect(el.state).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
    const { detail } = await failed;
    const waited = performance.now() - started;
    expect(detail.code).to.equal('network');
    expect(detail.recoverable).to.equal(true);
    expect(detail.message).to.contain('transactionlink_ready within 1 s');
    expect(waited).to.be.within(900, 4000);
    expect('transactionlink_ready' in window, 'ready callback left behind').to.equal(false);
    expect(scriptsFor(src)).to.have.length(0);
  });

  it('with an api-base and no engine, runs the native engine: no script, no <transactionlink-widget>', async () => {
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
