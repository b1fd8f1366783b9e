import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

// The theme studio as a designer uses it: demo/gallery.html under its strict CSP, in Chromium.
describe('theme studio page', { timeout: 120_000 }, () => {
  let server: ViteDevServer;
  let browser: Browser;
  let page: Page;
  let base = '';
  const errors: string[] = [];
  /** Collects the console errors (CSP violations included) and page errors of `where`. */
  const watch = (where: Page) => {
    where.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    where.on('pageerror', (e) => errors.push(e.message));
  };

  before(async () => {
    server = await createServer({ configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)), logLevel: 'silent', server: { port: 0, open: false } });
    await server.listen();
    base = server.resolvedUrls!.local[0]!;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ colorScheme: 'light' });
    watch(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a link opens one state in a language and scheme; editing a colour updates the preview, the link, the CSS and the contrast report', async () => {
    await page.goto(`${base}gallery.html#state=form-errors&locale=pl&scheme=dark&width=375`);
    await page.waitForFunction(() => document.body.dataset.drawn?.includes('form-errors'));
    assert.equal(await page.locator('figure').count(), 1);
    assert.equal(await page.locator('input[name=locale][value=pl]').isChecked(), true);
    assert.equal(await page.locator('input[name=scheme][value=dark]').isChecked(), true);
    const host = page.locator('#state-form-errors runner-state-host');
    assert.equal((await host.boundingBox())!.width, 375);
    assert.match((await host.locator('[data-primary]').textContent())!, /Dalej/);
    // The workflow's own texts are Polish too, as the sandbox serves them for a Polish token.
    assert.equal((await host.locator('h2').textContent())!.trim(), 'Dane osobowe');
    assert.equal(await host.locator('option[value=DE]').first().textContent(), 'Niemcy');
    assert.match((await host.locator('[part~=field]', { hasText: 'Numer telefonu' }).textContent())!, /Wpisz od 6 do 14 cyfr, bez kodu kraju\./);
    assert.equal(await host.locator('label', { hasText: 'Miejscowość' }).count(), 1);
    assert.match((await page.locator('#contrast').textContent())!, /^(?!.*Too low)/s);

    const text = page.locator('input[data-token="--tl-color-text"]');
    assert.equal(await text.inputValue(), '#e6e8eb', 'the effective dark value');
    await text.fill('#555555');
    await text.press('Enter');
    await text.blur();
    await page.waitForFunction(() => location.hash.includes('--tl-color-text=%23555555'));
    await page.waitForFunction(() => document.body.dataset.drawn === location.hash);
    assert.equal(await host.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.runner')!).color), 'rgb(85, 85, 85)');
    assert.match((await page.locator('#contrast').textContent())!, /Too low: Body text on the background, 2\.\d+:1/);
    const cssLines = async () => (await page.locator('#css-output').textContent())!.split('\n');
    assert.ok((await cssLines()).includes('  --tl-color-text: #555555;'));
    assert.deepEqual((await cssLines()).slice(-3), ['  --tl-color-scheme: dark;', '}', ''], 'dark forced: the palette comes with it');

    await page.locator('#reset-tokens').click();
    await page.waitForFunction(() => !location.hash.includes('--tl-color-text'));
    assert.ok((await cssLines()).includes('  --tl-color-text: #e6e8eb;'));
    assert.deepEqual(errors, [], 'no console error, no CSP violation');
  });

  it('the demo page follows the OS colour scheme, as the widget does, unless the theme panel forces one', async () => {
    const dark = await browser.newPage({ colorScheme: 'dark' });
    dark.on('pageerror', (e) => errors.push(e.message));
    await dark.goto(`${base}index.html`);
    const background = () => dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await dark.waitForFunction(() => (document.getElementById('accent') as HTMLInputElement).value === '#8ab4f8');
    assert.equal(await background(), 'rgb(15, 17, 21)');
    await dark.locator('input[name=scheme][value=light]').check();
    assert.equal(await background(), 'rgb(246, 247, 249)');
    assert.equal(await dark.locator('tl-workflow').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--tl-color-bg')), '#ffffff');
    await dark.close();
    assert.deepEqual(errors, []);
  });

  it('both pages, under their strict CSP: the studio opens at the top with every state on it; no console error, no axe violation (a paste error shown)', async () => {
    const axeSource = await readFile(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
    const violations = async (where: Page) => {
      if (!(await where.evaluate(() => 'axe' in window))) await where.evaluate(axeSource);
      const result = await where.evaluate(() => (window as unknown as { axe: { run(c: unknown): Promise<AxeResult> } }).axe.run(document));
      return result.violations.map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    };
    const studio = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watch(studio);
    await studio.goto(`${base}gallery.html#state=all`);
    await studio.waitForFunction(() => document.body.dataset.drawn === '#state=all');
    assert.equal(await studio.evaluate(() => scrollY), 0);
    assert.ok((await studio.locator('#gallery figure').count()) > 20);
    // axe on each state alone: test/demo/studio.test.ts. Here the page around one state.
    await studio.evaluate(() => (location.hash = '#state=review'));
    await studio.waitForFunction(() => document.body.dataset.drawn === '#state=review');
    assert.deepEqual(await violations(studio), []);
    await studio.close();

    const demo = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(demo);
    await demo.goto(`${base}index.html`);
    await demo.locator('#pasted-token').fill('not a token');
    await demo.locator('#start-token').click();
    await demo.locator('#token-error', { hasText: 'not a widget token' }).waitFor();
    assert.equal(await demo.locator('#pasted-token').inputValue(), 'not a token', 'the input is kept');
    assert.equal(await demo.evaluate(() => document.activeElement?.id), 'pasted-token', 'focus on the field to correct');
    assert.deepEqual(await violations(demo), []);
    await demo.close();
    assert.deepEqual(errors, [], 'no console error, no CSP violation');
  });

  it('the right-to-left pseudo-locale is clearly marked and lays the states out right to left', async () => {
    await page.goto(`${base}gallery.html#state=bank&locale=ar-XB`);
    await page.waitForFunction(() => document.body.dataset.drawn?.includes('bank'));
    assert.equal(await page.locator('input[value=ar-XB]').getAttribute('aria-describedby'), 'pseudo-note');
    assert.equal(await page.locator('#pseudo-note').textContent(), 'Pseudo-locale ar-XB: right-to-left test, not a language');
    assert.equal(await page.locator('#state-bank').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('#state-bank runner-state-host').evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.runner')!).direction), 'rtl');
    assert.deepEqual(errors, []);
  });
});
