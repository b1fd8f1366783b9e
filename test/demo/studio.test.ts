/**
 * The theme studio (demo/gallery.html) as a designer uses it, in each engine: the page's own markup
 * and styles built into this test page, then its script loaded once (it is the page's one module),
 * so that axe and the clipboard can be checked here. Its strict CSP is checked by
 * test/node/studio-page.test.ts, which serves it with Vite.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { RunnerStateHost } from '../fixtures/runner-state-host.js';
import { setViewport } from '../helpers/commands.js';
import { click } from '../helpers/mouse.js';
import { API_BASE, widgetToken } from '../helpers/sandbox.js';
import { until } from '../helpers/until.js';

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** Loads a stylesheet of the demo into this page. */
function stylesheet(href: string): Promise<unknown> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
  document.head.append(link);
  return loaded;
}

/** Resolves once the studio has drawn the view of the address. */
const drawn = () => until(() => document.body.dataset.drawn === location.hash, () => `the studio to draw ${location.hash}`);

/** Goes to a view by its link, as a shared link does. */
async function go(hash: string): Promise<void> {
  location.hash = hash;
  await drawn();
}

/** Picks an option of a radio group of the toolbar as a user does: a click on its segment (the radio covers it). */
async function choose(name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(`.studio-toolbar input[name=${name}][value="${value}"]`);
  await click(input);
  await until(() => input.checked && document.body.dataset.drawn === location.hash, `${name} ${value} chosen and drawn`);
}

/** The preview hosts on screen. */
const hosts = () => [...document.querySelectorAll<RunnerStateHost>('#gallery figure runner-state-host')];

describe('theme studio (demo/gallery.html)', function () {
  this.timeout(120000);
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onViolation = (event: SecurityPolicyViolationEvent) => errors.push(`CSP: ${event.violatedDirective}`);
  let opened: { scrollY: number; active: Element | null; focusedInside: boolean };
  let consoleError: sinon.SinonSpy;

  before(async () => {
    await setViewport({ width: 1280, height: 900 });
    consoleError = sinon.spy(console, 'error');
    addEventListener('error', onError);
    addEventListener('securitypolicyviolation', onViolation);
    // Every state, one after the other: the cancel confirmation among them, far down the page.
    history.replaceState(null, '', '#state=all');
    const page = new DOMParser().parseFromString(await (await fetch('/demo/gallery.html')).text(), 'text/html');
    await Promise.all(['/demo/demo.css', '/demo/studio.css'].map(stylesheet));
    document.body.append(...page.body.childNodes);
    await import('../../demo/gallery.js');
    await drawn();
    opened = {
      scrollY: scrollY,
      active: document.activeElement,
      focusedInside: hosts().some((host) => host.shadowRoot!.activeElement !== null),
    };
  });
  afterEach(() => {
    expect(errors, 'no page error, no CSP violation').to.deep.equal([]);
    expect(consoleError.called, `no console error: ${consoleError.args.join(' | ')}`).to.equal(false);
  });
  after(() => {
    consoleError.restore();
    removeEventListener('error', onError);
    removeEventListener('securitypolicyviolation', onViolation);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('opens at the top, with the focus left to the designer, even with the cancel confirmation (it focuses "Stay") on the page', () => {
    expect(hosts().length).to.be.greaterThan(20);
    expect($('#state-confirm-cancel')).to.exist;
    expect(opened.scrollY).to.equal(0);
    expect(opened.active).to.equal(document.body);
    expect(opened.focusedInside).to.equal(false);
  });

  it('shows the steps of the workflows the sandbox serves: individual KYC has its 6 steps, "Proof of address" among them', async () => {
    // The sandbox's own answer for a running individual KYC: its steps, in order.
    const { token } = await widgetToken();
    const response = await fetch(`${API_BASE}/widget/execution`, { headers: { Authorization: `Bearer ${token}` } });
    const served = ((await response.json()) as { steps: Array<{ title: string }> }).steps.map((s) => s.title);
    expect(served).to.include('Proof of address');
    await go('#state=form');
    const root = hosts()[0]!.shadowRoot!;
    expect([...root.querySelectorAll('.steps__title')].map((n) => n.textContent)).to.deep.equal(served);
    expect(root.querySelector('.progress__text')!.textContent).to.equal(`Step 1 of ${served.length}`);
    await go('#state=proof-of-address');
    expect(hosts()[0]!.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Proof of address');
  });

  for (const [scheme, locale] of [['light', 'en'], ['dark', 'de']]) {
    it(`renders every state (${scheme}, ${locale}) with no console error and no axe violation`, async () => {
      const ids = [...$<HTMLSelectElement>('#state').options].map((o) => o.value).filter((id) => id !== 'all');
      expect(ids.length).to.be.greaterThan(20);
      for (const id of ids) {
        await go(`#state=${id}&locale=${locale}&scheme=${scheme}`);
        expect(hosts(), id).to.have.length(1);
        expect(hosts()[0]!.shadowRoot!.querySelector('.runner'), id).to.exist;
        await expect($(`#state-${id}`)).to.be.accessible();
      }
    });
  }

  it('the state picker shows one state; "next" and "previous" step through them; the address follows', async () => {
    await go('#');
    const select = $<HTMLSelectElement>('#state');
    expect(select.value, 'the default state').to.equal('form');
    select.value = 'bank';
    select.dispatchEvent(new Event('change'));
    await drawn();
    expect(location.hash).to.equal('#state=bank');
    expect(hosts()).to.have.length(1);
    expect($('#state-bank figcaption').textContent).to.contain('Bank: choose a bank');
    await click($('#next-state'));
    await until(() => location.hash === '#state=bank-chosen' && document.body.dataset.drawn === location.hash, 'the next state');
    expect(select.selectedOptions[0]!.textContent).to.equal('Bank: chosen, consent and login');
    await click($('#prev-state'));
    await until(() => location.hash === '#state=bank' && document.body.dataset.drawn === location.hash, 'the previous state');
  });

  it('a shared link opens its state, language, scheme, width and theme; "Copy link" gives it', async () => {
    const writeText = sinon.stub(navigator.clipboard, 'writeText').resolves();
    try {
      await go('#state=form-errors&locale=pl&scheme=dark&width=375&--tl-color-accent=%230b5fff');
      expect($<HTMLInputElement>('input[name=locale][value=pl]').checked).to.equal(true);
      expect($<HTMLInputElement>('input[name=scheme][value=dark]').checked).to.equal(true);
      expect($<HTMLSelectElement>('#state').value).to.equal('form-errors');
      const [host] = hosts();
      expect(host!.getBoundingClientRect().width).to.equal(375);
      expect(getComputedStyle(host!).getPropertyValue('--tl-color-accent').trim()).to.equal('#0b5fff');
      expect(host!.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Dane osobowe');
      expect($<HTMLInputElement>('input[data-token="--tl-color-accent"]').value).to.equal('#0b5fff');
      await click($('#copy-link'));
      await until(() => $('#link-status').textContent === 'Link copied.', 'the link copied');
      expect(writeText.args).to.deep.equal([[location.href]]);
    } finally {
      writeText.restore();
    }
  });

  it('"Copy CSS" gives the theme chosen: the designer\'s values, and the palette of a forced scheme', async () => {
    const writeText = sinon.stub(navigator.clipboard, 'writeText').resolves();
    try {
      await go('#state=consents');
      // Auto: the widget follows the system, and the scheme field says so.
      expect($<HTMLInputElement>('input[data-token="--tl-color-scheme"]').value).to.equal('light dark');
      const accent = $<HTMLInputElement>('input[data-token="--tl-color-accent"]');
      await click(accent);
      accent.select();
      await sendKeys({ type: '#7c3aed' });
      await sendKeys({ press: 'Enter' });
      await until(() => location.hash.includes('--tl-color-accent=%237c3aed') && document.body.dataset.drawn === location.hash, 'the accent in the link');
      expect(getComputedStyle(hosts()[0]!).getPropertyValue('--tl-color-accent').trim()).to.equal('#7c3aed');
      await click($('#copy-css'));
      await until(() => writeText.callCount === 1, 'the CSS copied');
      expect(writeText.args[0]).to.deep.equal(['tl-workflow {\n  --tl-color-accent: #7c3aed;\n}\n']);
      expect($('#copy-status').textContent).to.equal('CSS copied.');

      await choose('scheme', 'dark');
      expect($<HTMLInputElement>('input[data-token="--tl-color-scheme"]').value).to.equal('dark');
      await click($('#copy-css'));
      await until(() => writeText.callCount === 2, 'the CSS copied again');
      expect(writeText.args[1]).to.deep.equal([
        [
          '/* Dark whatever the system prefers: the dark palette and your changes. */',
          'tl-workflow {',
          '  --tl-color-accent: #7c3aed;',
          '  --tl-color-text: #e6e8eb;',
          '  --tl-color-muted: #b4bac3;',
          '  --tl-color-bg: #16181d;',
          '  --tl-color-surface: #20242b;',
          '  --tl-color-border: #8b93a1;',
          '  --tl-color-danger: #ff8a80;',
          '  --tl-color-success: #7ee2a8;',
          '  --tl-color-scheme: dark;',
          '}',
          '',
        ].join('\n'),
      ]);
      // What was copied is what the preview shows.
      const runner = hosts()[0]!.shadowRoot!.querySelector('.runner')!;
      expect(getComputedStyle(runner).backgroundColor).to.equal('rgb(22, 24, 29)');

      await click($('#reset-tokens'));
      await choose('scheme', 'auto');
      expect($('#css-output').textContent).to.equal('tl-workflow {\n}\n');
    } finally {
      writeText.restore();
    }
  });
});
