/**
 * The static site (dist-site/, `npm run build:site`) as a designer opens the link: served as plain
 * files under /tl-workflow/ (static-host.ts: no code of ours on the server side), each page in a
 * frame of this test page (same origin, so the test can look in). The sandbox, the replica of
 * TransactionLink's widget and the demo's backend run in the site's service worker, their state
 * in IndexedDB; after each test the worker is unregistered and the database emptied.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { click, control, shadow, stepId, type, until } from '../e2e/driver.js';
import { attach, continueTo, fillFirstOwner, fillPersonal, identityToReview, pdfFile } from '../e2e/flows.js';
import { setViewport } from '../helpers/commands.js';
import { arrives } from '../helpers/until.js';
import { clearDatabase, openDatabase } from '../../site/worker/indexeddb.js';
import { framedWorkflow } from '../official/replica.js';

/** Where the static host serves dist-site/ (test/site/static-host.ts). */
const SITE = `${location.origin}/tl-workflow/`;

interface SitePage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  /** What the page wrote to its console as errors, its uncaught errors and CSP violations, from its load on. */
  problems: string[];
}

const frames: HTMLIFrameElement[] = [];

/** Opens `path` of the site in a frame and waits for the sandbox to run in this browser (the site's bar says so). */
async function openSite(path: string, height = 900): Promise<SitePage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `display: block; width: 1280px; height: ${height}px; border: 0`;
  frames.push(frame);
  const loaded = oneEvent(frame, 'load');
  frame.src = `${SITE}${path}`;
  document.body.append(frame);
  await arrives(loaded, `the site's ${path || 'demo page'} loaded`);
  return watch(frame);
}

/** Watches a loaded page of the frame: its console errors, uncaught errors and CSP violations. */
async function watch(frame: HTMLIFrameElement): Promise<SitePage> {
  const win = frame.contentWindow! as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const problems: string[] = [];
  const original = win.console.error.bind(win.console);
  win.console.error = (...args: unknown[]) => {
    problems.push(args.map(String).join(' '));
    original(...args);
  };
  // Not the test's own frame-fitting ResizeObserver (fitFrame) reporting a loop.
  win.addEventListener('error', (event) => event.message.startsWith('ResizeObserver loop') || problems.push(event.message));
  doc.addEventListener('securitypolicyviolation', (event) => problems.push(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
  const status = await until(() => doc.getElementById('site-status'), 'the site bar');
  await until(() => status.textContent!.startsWith('The sandbox runs in this browser'), () => `the sandbox running (the bar says "${status.textContent}")`);
  return { frame, win, doc, problems };
}

/** Keeps the frame as tall as the page it shows, as the mouse helper wants a frame. */
function fitFrame(page: SitePage): void {
  const fit = () => (page.frame.style.height = `${page.doc.documentElement.scrollHeight}px`);
  new page.win.ResizeObserver(fit).observe(page.doc.body);
  fit();
}

/** The demo page's widget, with its `tl-*` events counted, once the page's script has it. */
async function demoWidget(page: SitePage): Promise<{ el: TlWorkflow; fired: (name: string) => number }> {
  fitFrame(page);
  const el = await until(() => page.win.customElements.get('tl-workflow') && (page.doc.querySelector('tl-workflow') as TlWorkflow | null), 'the demo widget');
  const counts = new Map<string, number>();
  for (const name of ['tl-ready', 'tl-complete', 'tl-cancel', 'tl-error']) el.addEventListener(name, () => counts.set(name, (counts.get(name) ?? 0) + 1));
  return { el, fired: (name) => counts.get(name) ?? 0 };
}

const statusOf = (page: SitePage) => page.doc.getElementById('status')!.textContent!;
const statusSays = (page: SitePage, text: string) => until(() => statusOf(page) === text, () => `the status "${text}" (it says "${statusOf(page)}"; page problems: ${page.problems.join(" | ")})`);

/** A click on one of the demo page's Start buttons. */
async function startWith(page: SitePage, id: string): Promise<void> {
  await click(page.doc.getElementById(id)!);
}

/** Clicks the review's submit and resolves with the one tl-complete's detail. */
async function submit(outer: TlWorkflow, inner: TlWorkflow = outer): Promise<unknown> {
  const complete = oneEvent(outer, 'tl-complete');
  await click(shadow(inner).querySelector('[data-primary]')!);
  return (await arrives(complete, () => `tl-complete after the submit (the widget shows: ${shadow(inner).textContent!.replace(/\s+/g, ' ').slice(0, 300)})`)).detail;
}

interface Axe {
  run(context: Element, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
}

/**
 * axe-core's violations in `root`, an element of a site page: axe runs in the page's own realm. The
 * page's Trusted Types policy guards a script's address when it is set, so the script element is
 * made in this page and then put into the site's page (axe-core is served from this origin: 'self').
 */
async function axeViolations(root: Element): Promise<string[]> {
  const win = root.ownerDocument.defaultView as Window & { axe?: Axe };
  if (!win.axe) {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = oneEvent(script, 'load');
    root.ownerDocument.head.append(script);
    await arrives(loaded, 'axe-core loaded into the studio');
  }
  const { violations } = await arrives(win.axe!.run(root, { resultTypes: ['violations'] }), `axe's run on ${root.id}`, 60_000);
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('the static site (dist-site/ from a plain static host, the sandbox in a service worker)', function () {
  this.timeout(240_000);
  before(async () => {
    if (!(await fetch(`${SITE}sw.js`, { method: 'HEAD' })).ok) throw new Error('dist-site/ is not built: npm run build, then npm run build:site');
    await setViewport({ width: 1300, height: 900 });
  });
  afterEach(async () => {
    for (const frame of frames.splice(0)) frame.remove();
    for (const registration of await navigator.serviceWorker.getRegistrations()) await arrives(registration.unregister(), 'the site worker unregistered');
    // Emptied, as the site's "Reset sandbox" does, not deleted: WebKit may keep an unregistered worker's
    // connection open, and a deletion would wait for it (and the next test's worker behind it) for ever.
    const db = await arrives(openDatabase(), "the site's database opened");
    try {
      await arrives(clearDatabase(db), "the site's database emptied");
    } finally {
      db.close();
    }
    // The demo page remembers in this tab's sessionStorage what it started (frames share the tab's).
    sessionStorage.removeItem('tl-demo:started');
  });

  it('demo page: a new user completes individual KYC with exactly one tl-complete; a reload in the middle of a step resumes it', async () => {
    let page = await openSite('');
    let { el } = await demoWidget(page);
    await startWith(page, 'start-kyc');
    await statusSays(page, 'Ready: the workflow is on screen.');
    expect(el.apiBase, 'the sandbox under the prefix').to.equal(`${SITE}tl-api`);
    const executionId = el.claims!.executionId;
    await fillPersonal(el);
    await continueTo(el, 'identity-document');

    // A reload in the middle of the identity document step: the same execution, on that step.
    const reloaded = oneEvent(page.frame, 'load');
    page.win.location.reload();
    await arrives(reloaded, 'the demo page reloaded');
    page = await watch(page.frame);
    const reloadedWidget = await demoWidget(page);
    el = reloadedWidget.el;
    await statusSays(page, 'Ready: the workflow is on screen.');
    expect(el.claims!.executionId).to.equal(executionId);
    await until(() => stepId(el) === 'identity-document', () => `the identity document step again (on ${stepId(el)})`);

    await identityToReview(el);
    expect(await submit(el)).to.deep.equal({ workflowId: executionId, status: 'COMPLETED' });
    await statusSays(page, 'Complete (COMPLETED).');
    await until(() => shadow(el).querySelector('.screen--complete'), 'the complete screen');
    expect(reloadedWidget.fired('tl-complete')).to.equal(1);
    expect(reloadedWidget.fired('tl-error')).to.equal(0);
    expect(page.problems).to.deep.equal([]);
  });

  it('demo page: a new user completes company KYB with exactly one tl-complete', async () => {
    const page = await openSite('');
    const { el, fired } = await demoWidget(page);
    await startWith(page, 'start-kyb');
    await statusSays(page, 'Ready: the workflow is on screen.');
    const executionId = el.claims!.executionId;
    await type(el, 'registryNumber', '0000123456');
    await sendKeys({ press: 'Enter' });
    await until(() => (shadow(el).querySelector('.registry-status')?.textContent ?? '').includes('Acme'), 'the company found');
    await continueTo(el, 'company');
    expect(control(el, 'companyName').value).to.equal('Acme Sp. z o.o.');
    await continueTo(el, 'owners');
    await fillFirstOwner(el);
    await continueTo(el, 'documents');
    await attach(el, 'registryExtract', pdfFile('krs-extract.pdf'));
    await continueTo(el, 'consents');
    for (const name of ['terms', 'privacy', 'authorised']) await click(control(el, name));
    await continueTo(el, 'review');
    expect(await submit(el)).to.deep.equal({ workflowId: executionId, status: 'AWAITING' });
    await until(() => statusOf(page).startsWith('Complete'), 'the status line saying complete');
    expect(fired('tl-complete')).to.equal(1);
    expect(fired('tl-error')).to.equal(0);
    expect(page.problems).to.deep.equal([]);
  });

  it('demo page: the official engine completes through the replica of TransactionLink\'s widget, served by the worker', async () => {
    const page = await openSite('');
    const { el, fired } = await demoWidget(page);
    await click(page.doc.querySelector('input[name=engine][value=official]')!);
    await startWith(page, 'start-kyc');
    await statusSays(page, 'Ready: the workflow is on screen. TransactionLink\'s widget reports no steps.');
    expect(el.engine).to.equal('official');
    expect(el.widgetSrc).to.equal(`${SITE}tl-api/widget/transactionlink-widget.umd.js`);
    const executionId = el.claims!.executionId;
    const inner = await framedWorkflow(el);
    await fillPersonal(inner);
    await continueTo(inner, 'identity-document');
    await identityToReview(inner);
    expect(await submit(el, inner)).to.deep.equal({ workflowId: executionId, status: 'COMPLETED' });
    await until(() => statusOf(page).startsWith('Complete'), 'the status line saying complete');
    expect(fired('tl-complete')).to.equal(1);
    expect(fired('tl-error')).to.equal(0);
    expect(page.problems).to.deep.equal([]);

    // "Reset sandbox": the backend's session is gone with the rest (its token endpoint refuses), the page starts over.
    const token = (win: Window) => win.fetch(`${SITE}demo-api/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect((await token(page.win)).status, 'a token for the session before the reset').to.equal(200);
    const reloaded = oneEvent(page.frame, 'load');
    await click(page.doc.getElementById('site-reset')!);
    await arrives(reloaded, 'the page reloaded by Reset sandbox');
    const fresh = await watch(page.frame);
    expect(fresh.doc.getElementById('status')!.textContent).to.equal('No workflow started.');
    expect((await token(fresh.win)).status, 'no session after the reset').to.equal(401);
  });

  it('the theme studio opens at the top, renders every state without console errors or axe violations, and "Copy CSS" gives the theme chosen', async () => {
    // Every state on one page, the cancel confirmation (it focuses "Stay") among them.
    const page = await openSite('gallery.html#state=all');
    const drawn = () => until(() => page.doc.body.dataset.drawn === page.win.location.hash, () => `the studio to draw ${page.win.location.hash}`);
    await drawn();
    expect(page.doc.querySelector('#state-confirm-cancel'), 'the cancel confirmation on the page').to.exist;
    expect(page.win.scrollY).to.equal(0);

    const hosts = () => [...page.doc.querySelectorAll('#gallery figure runner-state-host')];
    const ids = [...page.doc.querySelector<HTMLSelectElement>('#state')!.options].map((o) => o.value).filter((id) => id !== 'all');
    expect(ids.length).to.be.greaterThan(20);
    for (const id of ids) {
      page.win.location.hash = `#state=${id}`;
      await drawn();
      expect(hosts(), id).to.have.length(1);
      expect(hosts()[0]!.shadowRoot!.querySelector('.runner'), id).to.exist;
      expect(await axeViolations(page.doc.getElementById(`state-${id}`)!), id).to.deep.equal([]);
    }

    // "Copy CSS": the accent typed into its field, then the button; the clipboard gets it.
    const copied: string[] = [];
    const clipboard = page.win.navigator.clipboard;
    clipboard.writeText = async (text: string) => void copied.push(text);
    page.win.location.hash = '#state=consents';
    await drawn();
    // With the keyboard: the studio's page grows with its window (a sticky side panel of 100vh),
    // so its frame cannot be fitted to it for the mouse helper.
    const accent = page.doc.querySelector<HTMLInputElement>('input[data-token="--tl-color-accent"]')!;
    accent.focus();
    accent.select();
    await sendKeys({ type: '#7c3aed' });
    await sendKeys({ press: 'Enter' });
    await until(() => page.win.location.hash.includes('--tl-color-accent=%237c3aed') && page.doc.body.dataset.drawn === page.win.location.hash, 'the accent in the link');
    page.doc.getElementById('copy-css')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => copied.length === 1, 'the CSS copied');
    expect(copied[0]).to.equal('tl-workflow {\n  --tl-color-accent: #7c3aed;\n}\n');
    expect(page.doc.getElementById('copy-status')!.textContent).to.equal('CSS copied.');
    expect(page.problems).to.deep.equal([]);
  });
});
