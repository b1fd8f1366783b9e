/**
 * The demo page (demo/index.html, under its strict CSP, in a frame) with a token pasted in, as a
 * developer or designer given a token uses it: the widget runs to the end, the status line follows
 * it, and the token goes nowhere but the element.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { button, click, shadow, until } from '../e2e/driver.js';
import { advanceToBank, continueTo, executionStatus, fillBank, fillConsents } from '../e2e/flows.js';
import { setViewport } from '../helpers/commands.js';
import { widgetToken } from '../helpers/sandbox.js';
import { widgetFrame } from '../official/replica.js';

interface DemoPage {
  frame: HTMLIFrameElement;
  doc: Document;
  widget: TlWorkflow;
  /** The page's status line. */
  status: () => string;
  /** Every `tl-*` event the widget fired, by name. */
  fired: (name: string) => number;
  /** What the page wrote to its console. */
  logged: string[];
  /** Every text the status line showed, in order. */
  statuses: string[];
}

const frames: HTMLIFrameElement[] = [];

/** Opens the demo page in a frame, its console watched from then on (before any token is there). */
async function openDemo(): Promise<DemoPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'display: block; width: 1240px; height: 860px; border: 0';
  frames.push(frame);
  const loaded = oneEvent(frame, 'load');
  frame.src = '/demo/index.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow! as Window & typeof globalThis;
  const logged: string[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = win.console[level].bind(win.console);
    win.console[level] = (...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      original(...args);
    };
  }
  const doc = frame.contentDocument!;
  // As tall as the page it shows, as the mouse helper wants a frame (this page scrolls instead).
  const fit = () => (frame.style.height = `${doc.body.scrollHeight}px`);
  new win.ResizeObserver(fit).observe(doc.body);
  fit();
  const widget = await until(() => win.customElements.get('tl-workflow') && (doc.querySelector('tl-workflow') as TlWorkflow | null), 'the demo widget');
  const counts = new Map<string, number>();
  for (const name of ['tl-ready', 'tl-step-change', 'tl-complete', 'tl-cancel', 'tl-error', 'tl-token-expiring', 'tl-token-expired']) {
    widget.addEventListener(name, () => counts.set(name, (counts.get(name) ?? 0) + 1));
  }
  const statusLine = doc.getElementById('status')!;
  const statuses = [statusLine.textContent!];
  new win.MutationObserver(() => statuses.push(statusLine.textContent!)).observe(statusLine, { childList: true, characterData: true, subtree: true });
  return { frame, doc, widget, status: () => statusLine.textContent!, fired: (name) => counts.get(name) ?? 0, logged, statuses };
}

/** Pastes `text` into the token field and presses "Start with this token" (a real click). */
async function pasteAndStart(page: DemoPage, text: string): Promise<void> {
  const field = page.doc.querySelector<HTMLTextAreaElement>('#pasted-token')!;
  await click(field);
  // What a paste does to a text field: the whole text at once, then an input event.
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await click(page.doc.querySelector('#start-token')!);
}

/** Waits for the status line to say `text`. */
const statusSays = (page: DemoPage, text: string) => until(() => page.status() === text, () => `the status "${text}" (it says "${page.status()}")`);

/** Everything on or around the page where a token could leak: addresses, storage, cookies, text, attributes, console. */
function whereverTheTokenCouldBe(page: DemoPage): string {
  const win = page.frame.contentWindow!;
  const storage = (store: Storage) => Object.keys(store).map((key) => `${key}=${store.getItem(key)}`).join('\n');
  return [
    win.location.href,
    location.href,
    storage(win.localStorage),
    storage(win.sessionStorage),
    page.doc.cookie,
    page.doc.documentElement.outerHTML,
    page.doc.body.innerText,
    page.doc.querySelector<HTMLTextAreaElement>('#pasted-token')!.value,
    ...page.logged,
  ].join('\n');
}

describe('demo page: a pasted token', function () {
  this.timeout(120000);
  before(() => setViewport({ width: 1280, height: 900 }));
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('runs individual KYC to the end with exactly one tl-complete; the status line follows the widget; the token goes nowhere else', async () => {
    const { token, executionId } = await widgetToken();
    const page = await openDemo();
    expect(page.status()).to.equal('No workflow started.');
    await pasteAndStart(page, `Bearer ${token}\n`);
    await statusSays(page, 'Ready: the workflow is on screen.');
    const el = page.widget;
    expect(el.token, 'the token as pasted, without "Bearer " and the line break').to.equal(token);
    expect(el.apiBase).to.equal(`${location.origin}/tl-api`);
    expect(page.doc.querySelector<HTMLTextAreaElement>('#pasted-token')!.value, 'the field emptied').to.equal('');

    await advanceToBank(el);
    await fillBank(el);
    await continueTo(el, 'consents');
    await fillConsents(el);
    await continueTo(el, 'review');

    const complete = oneEvent(el, 'tl-complete');
    await click(shadow(el).querySelector('[data-primary]')!);
    expect((await complete).detail).to.deep.equal({ workflowId: executionId, status: 'COMPLETED' });
    await statusSays(page, 'Complete (COMPLETED).');
    expect(page.statuses).to.deep.equal([
      'No workflow started.',
      "Loading the pasted token's workflow...",
      'Ready: the workflow is on screen.',
      ...[2, 3, 4, 5, 6].map((n) => `Step ${n} of 6.`),
      'Complete (COMPLETED).',
    ]);
    await until(() => shadow(el).querySelector('.screen--complete'), 'the complete screen');
    expect(await executionStatus(executionId)).to.equal('COMPLETED');
    expect(page.fired('tl-complete')).to.equal(1);
    expect(page.fired('tl-error')).to.equal(0);
    // The event log lists it once too.
    const logged = [...page.doc.querySelectorAll('#log li strong')].map((n) => n.textContent);
    expect(logged.filter((name) => name === 'tl-complete')).to.have.length(1);

    const places = whereverTheTokenCouldBe(page);
    for (const part of token.split('.')) expect(places.includes(part), 'a part of the token outside the element').to.equal(false);
  });

  it('says the user cancelled, and an error the widget reports (a token the API refuses)', async () => {
    const page = await openDemo();
    await pasteAndStart(page, (await widgetToken()).token);
    await statusSays(page, 'Ready: the workflow is on screen.');
    await click(button(page.widget, 'Cancel verification'));
    await click(await until(() => [...shadow(page.widget).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Leave'), 'Leave'));
    await statusSays(page, 'Cancelled: the user left the workflow.');
    expect(page.fired('tl-cancel')).to.equal(1);

    // The same token with a signature of another: a JWT the page accepts, the API refuses.
    const { token } = await widgetToken();
    const [header, payload] = token.split('.');
    await pasteAndStart(page, `${header}.${payload}.${(await widgetToken()).token.split('.')[2]}`);
    await until(() => page.fired('tl-error') === 1, 'tl-error');
    expect(page.status()).to.match(/^Error \(unauthorized\): \S/);
  });

  it('refuses what is not a token, at the field, and keeps what was typed; starts nothing', async () => {
    const page = await openDemo();
    const field = page.doc.querySelector<HTMLTextAreaElement>('#pasted-token')!;
    await pasteAndStart(page, 'my token');
    const error = page.doc.getElementById('token-error')!;
    await until(() => error.textContent, 'the field error');
    expect(error.textContent).to.equal('This is not a widget token: a token is a JWT, three parts separated by dots.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(field.value).to.equal('my token');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(page.doc.activeElement).to.equal(field);
    expect(page.widget.token ?? '').to.equal('');
    expect(page.status()).to.equal('No workflow started.');

    await pasteAndStart(page, '   ');
    await until(() => error.textContent === 'Paste a widget token first.', 'the empty-field error');
  });

  it('the official engine: the pasted token opens TransactionLink\'s widget (the sandbox\'s replica), and the status says it reports no steps', async () => {
    const page = await openDemo();
    await click(page.doc.querySelector('input[name=engine][value=official]')!);
    expect(page.doc.getElementById('api-base-field')!.hidden, 'no API base for the official engine').to.equal(true);
    await pasteAndStart(page, (await widgetToken()).token);
    await statusSays(page, 'Ready: the workflow is on screen. TransactionLink\'s widget reports no steps.');
    expect(page.widget.engine).to.equal('official');
    expect(widgetFrame(page.widget), 'TransactionLink\'s frame, in the element\'s own').to.exist;
  });
});
