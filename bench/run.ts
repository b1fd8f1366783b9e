/**
 * `npm run bench`: the size and speed goals of the widget, as figures beside their baselines
 * (bench/README.md says how to read them). Printed as a table and written to bench/results.json.
 * Environment: BENCH_RUNS (interleaved runs per speed figure, default 50), BENCH_IDLE_MS (idle
 * window of goal 5, default 30000).
 */
import { execSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium.ts';
import { coldLoad, firstStep, idle, keystroke, type Comparison, type IdleFigures } from './measure.ts';
import { pageServer, sandboxServer } from './servers.ts';
import { bundleSizes, type SizeRow } from './sizes.ts';

const root = new URL('../', import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const COLD_RUNS = Math.max(10, Math.round(RUNS / 2.5));
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 30_000);
const started = Date.now();
const loadBefore = loadavg();

const sizes = await bundleSizes(new URL('dist/', root));
const pages = await pageServer();
const api0 = await sandboxServer(0);
const api50 = await sandboxServer(50);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
/** Goals 2-5, measured in one browser; the servers and the browser are closed whatever happens. */
async function measureSpeed(): Promise<{ comparisons: Comparison[]; idleFigures: IdleFigures[] }> {
  try {
    const context = await browser.newContext();
    const open = async () => {
      const page = await context.newPage();
      await page.goto(`${pages.url}/bench/page.html`);
      return page;
    };
    const page = await open();
    const comparisons = [
      ...(await firstStep(page, api0.url, 0, RUNS)),
      ...(await firstStep(page, api50.url, 50, RUNS)),
      await keystroke(open, api0.url, RUNS),
      await coldLoad(browser, pages.url, api0.url, COLD_RUNS),
    ];
    await page.close();
    const idleFigures = await idle(open, api0.url, [1, 100], IDLE_MS);
    return { comparisons, idleFigures };
  } finally {
    await browser.close();
    api0.close();
    api50.close();
    pages.close();
  }
}
const { comparisons, idleFigures } = await measureSpeed();

// ---- Report ---------------------------------------------------------------------------------

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const yes = (met: boolean) => (met ? 'met' : 'NOT MET');
const pad = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');

console.log('\nGoal 1: size (gzip -9; brotli for reference)');
const sizeRows = sizes.map((s: SizeRow) => [s.file, `${s.raw} B`, `${s.gzip} B`, kb(s.gzip), `${s.brotli} B`, s.limit ? `<= ${kb(s.limit)}: ${yes(s.gzip <= s.limit)}` : '']);
for (const row of [['file', 'raw', 'gzip -9', '', 'brotli', 'goal'], ...sizeRows]) console.log('  ' + pad(row, [28, 10, 10, 10, 10, 20]));

console.log(`\nGoals 2-4: widget vs baseline on the same page / browser, medians of interleaved runs (ms)`);
const speedRows = comparisons.map((c) => [String(c.goal), c.name, c.widget.toFixed(1), c.baseline.toFixed(1), `${c.ratio.toFixed(2)}x`, `<= ${c.limit}x: ${yes(c.ratio <= c.limit)}`, String(c.runs)]);
for (const row of [['#', 'figure', 'widget', 'baseline', 'ratio', 'goal', 'runs'], ...speedRows]) console.log('  ' + pad(row, [2, 58, 7, 8, 6, 16, 4]));

console.log(`\nGoal 5: idle for ${IDLE_MS / 1000} s with widgets on their first step, beside a page with none; then all removed`);
const idleRows = idleFigures.map((f) => [
  String(f.widgets),
  `${f.scriptMs.toFixed(1)} (baseline ${f.baselineScriptMs.toFixed(1)})`,
  `${f.timerCallbacks} (baseline ${f.baselineTimerCallbacks})`,
  String(f.timersAfterRemoval),
  String(f.listenersAfterRemoval),
  yes(f.timerCallbacks === 0 && f.scriptMs - f.baselineScriptMs < 1 && f.timersAfterRemoval === 0 && f.listenersAfterRemoval === 0),
]);
for (const row of [['widgets', 'script ms', 'timer callbacks', 'timers left', 'listeners left', 'goal'], ...idleRows]) console.log('  ' + pad(row, [7, 24, 18, 11, 14, 8]));

const loadAfter = loadavg();
const seconds = (Date.now() - started) / 1000;
console.log(`\nMachine: ${cpus().length} cores, load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after; bench took ${seconds.toFixed(0)} s.`);
if (loadBefore[0]! > cpus().length * 0.75) console.log('Caveat: the machine was busy; absolute times are inflated, ratios hold better.');

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    return null;
  }
})();
await writeFile(
  new URL('bench/results.json', root),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      machine: { cores: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, browser: browser.version() },
      runs: { speed: RUNS, cold: COLD_RUNS, idleMs: IDLE_MS },
      sizes: sizes.map((s) => ({ ...s, met: s.limit === undefined ? null : s.gzip <= s.limit })),
      speed: comparisons.map((c) => ({ ...c, met: c.ratio <= c.limit })),
      idle: idleFigures,
      seconds,
    },
    null,
    2,
  )}\n`,
);
console.log('Written to bench/results.json');
