/**
 * `npm run screenshots -- <out-dir> [--widths 375,1024] [--schemes light,dark] [--states a,b]
 * [--locale pl] [--theme --tl-color-accent=#0b5fff] [--site http://localhost:8080/]`: opens the theme
 * studio (demo/gallery.html, served by Vite with its strict CSP; with `--site`, the static site's
 * gallery.html at that address: dist-site/ served by any static server) in Debian's Chromium through playwright-core, and saves every
 * state at each width and scheme as `<state>-<width>-<scheme>[-<locale>].png`. It fails (exit code 1)
 * on any console error, page error or CSP violation, and on any axe-core violation in a state.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium.ts';

export interface ScreenshotOptions {
  outDir: string;
  widths?: number[];
  schemes?: Array<'light' | 'dark'>;
  /** State ids (default: every state of the gallery). */
  states?: string[];
  locale?: string;
  /** `--tl-*` values to apply, as the studio's link carries them. */
  theme?: Record<string, string>;
  /** The static site's address (dist-site/ served by a static server): its studio instead of Vite's. */
  site?: string;
}

export interface ScreenshotResult {
  files: string[];
  /** Console errors, page errors and axe violations, one line each. */
  problems: string[];
}

const root = fileURLToPath(new URL('../', import.meta.url));

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await page.evaluate(
    async (sel) => (await (window as unknown as { axe: { run(c: unknown): Promise<AxeResult> } }).axe.run({ include: [[sel]] })),
    selector,
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Takes the screenshots; never throws for a problem found in a page (see `problems`). */
export async function takeScreenshots(options: ScreenshotOptions): Promise<ScreenshotResult> {
  const widths = options.widths ?? [375, 1024];
  const schemes = options.schemes ?? ['light', 'dark'];
  await mkdir(options.outDir, { recursive: true });
  const axeSource = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const server = options.site ? null : await createServer({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, open: false } });
  await server?.listen();
  const base = options.site ? new URL('./', options.site).href : server!.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const files: string[] = [];
  const problems: string[] = [];
  try {
    const page = await browser.newPage();
    let where = 'start';
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${where}: console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${where}: page error: ${e.message}`));
    const states = options.states ?? (await listStates(page, base));
    for (const scheme of schemes) {
      for (const width of widths) {
        // Room for the studio's two side panels beside a preview of `width`.
        await page.setViewportSize({ width: width + 900, height: 900 });
        for (const state of states) {
          where = `${state} at ${width} px, ${scheme}`;
          const params = new URLSearchParams({ state, width: String(width), scheme, ...(options.locale ? { locale: options.locale } : {}), ...options.theme });
          const hash = `#${params}`;
          // The studio redraws on a hash change and marks the body when done: one page load in all.
          if (page.url().startsWith(`${base}gallery.html`)) await page.evaluate((h) => (location.hash = h), hash);
          else await page.goto(`${base}gallery.html${hash}`);
          await page.waitForFunction((h) => document.body.dataset.drawn === h, hash);
          const host = page.locator(`#state-${state} runner-state-host`);
          await page.evaluate(() => document.fonts.ready);
          if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
          for (const v of await axeViolations(page, `#state-${state}`)) problems.push(`${where}: axe: ${v}`);
          const file = join(options.outDir, `${state}-${width}-${scheme}${options.locale ? `-${options.locale}` : ''}.png`);
          await host.screenshot({ path: file, animations: 'disabled' });
          files.push(file);
        }
      }
    }
  } finally {
    await browser.close();
    await server?.close();
  }
  return { files, problems };
}

/** The state ids of the gallery, from its "State" picker (its overview, `all`, left out). */
async function listStates(page: Page, base: string): Promise<string[]> {
  await page.goto(`${base}gallery.html#state=form`);
  await page.locator('#state option[value="form"]').waitFor({ state: 'attached' });
  return page.$$eval('#state option', (options) => options.map((o) => (o as HTMLOptionElement).value).filter((id) => id !== 'all'));
}

function parseArgs(argv: string[]): ScreenshotOptions {
  const [outDir, ...rest] = argv;
  if (!outDir || outDir.startsWith('--')) throw new Error('usage: npm run screenshots -- <out-dir> [--widths 375,1024] [--schemes light,dark] [--states a,b] [--locale pl] [--theme --tl-x=value] [--site <url of dist-site/>]');
  const options: ScreenshotOptions = { outDir: resolve(outDir) };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value = ''] = [rest[i], rest[i + 1]];
    const list = value.split(',').filter(Boolean);
    if (flag === '--widths') options.widths = list.map(Number);
    else if (flag === '--schemes') options.schemes = list as Array<'light' | 'dark'>;
    else if (flag === '--states') options.states = list;
    else if (flag === '--locale') options.locale = value;
    else if (flag === '--site') options.site = value;
    else if (flag === '--theme') {
      const [name, ...v] = value.split('=');
      options.theme = { ...options.theme, [name!]: v.join('=') };
    } else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const { files, problems } = await takeScreenshots(parseArgs(process.argv.slice(2)));
  console.log(`${files.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const problem of problems) console.error(problem);
  if (problems.length) {
    console.error(`${problems.length} problem(s): console errors or axe violations`);
    process.exit(1);
  }
}
