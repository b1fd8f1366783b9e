/**
 * `npm run bench`: the size and speed goals of the widget (bench/goals.ts), each beside its
 * baseline; bench/README.md says how to read them. Prints the tables and writes bench/results.json
 * (an output, not tracked). Environment: BENCH_IDLE_MS (the idle window, default 30000; 0 skips it),
 * BENCH_ONLY (a comma-separated list of sections: sizes, first-step, keystroke, cold-load, checker, idle).
 */
import { execSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium.ts';
import { APP_BUNDLES, CHECKER, MAIN_FILE, MAIN_FILE_GOAL, PARTS, SPEED, type SizeBudget } from './goals.ts';
import { checkerCpu, coldLoad, firstStep, idle, keystroke, type IdleFigures, type SpeedFigure } from './measure.ts';
import { checkerPage, pageServer, sandboxServer } from './servers.ts';
import { appSizes, checkerBytes, distSizes, partName, type Size } from './sizes.ts';
import { verdict } from './stats.ts';

const root = new URL('../', import.meta.url);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 30_000);
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (section: string): boolean => !ONLY || ONLY.includes(section);
const started = Date.now();
const loadBefore = loadavg();
const limitOf = (id: string): number => SPEED.find((g) => g.id === id)!.limit;

const pad = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
const table = (rows: string[][], widths: number[]) => rows.forEach((row) => console.log(`  ${pad(row, widths)}`));
const within = (size: Size, budget?: SizeBudget): string =>
  budget ? `<= ${budget.gzip} / ${budget.brotli}: ${size.gzip <= budget.gzip && size.brotli <= budget.brotli ? 'met' : 'NOT MET'}` : '';

// ---- Sizes -----------------------------------------------------------------------------------

const sizes = wanted('sizes') ? { dist: await distSizes(), apps: await appSizes(), checker: await checkerBytes() } : null;
if (sizes) {
  console.log('\nSizes: bytes as a browser downloads them (gzip -9 / brotli); budgets from bench/goals.ts');
  const rows = Object.entries(sizes.dist).map(([file, size]) => {
    const part = partName(file);
    const budget = file === 'tl-workflow.iife.js' ? MAIN_FILE : part ? PARTS[part] : undefined;
    return [`dist/${file}`, `${size.raw}`, `${size.gzip}`, `${size.brotli}`, within(size, budget)];
  });
  table([['file', 'raw', 'gzip -9', 'brotli', 'budget (gzip / brotli)'], ...rows], [30, 8, 8, 8, 26]);
  const main = sizes.dist['tl-workflow.iife.js'];
  if (main) console.log(`\n  Goal of the main file: ${within(main, MAIN_FILE_GOAL)} (${main.gzip - MAIN_FILE_GOAL.gzip} B gzip -9, ${main.brotli - MAIN_FILE_GOAL.brotli} B brotli from it)`);
  console.log('\n  What an app ships: Vite bundles the npm build (the parts split off as chunks of their own)');
  const appRows = Object.entries(sizes.apps).map(([name, app]) => [name, `${app.main.gzip}`, `${app.main.brotli}`, within(app.main, APP_BUNDLES[name as keyof typeof APP_BUNDLES]), Object.keys(app.parts).sort().join(' ')]);
  table([['app', 'gzip -9', 'brotli', 'budget (gzip / brotli)', 'part chunks'], ...appRows], [18, 8, 8, 26, 40]);
  const { current, baseline } = sizes.checker;
  const ratio = current.gzip / baseline.gzip;
  console.log(
    `\n  Answer checker in the script-tag file: ${current.gzip} B gzip -9 (${current.brotli} brotli), before: ${baseline.gzip} (${baseline.brotli}); ` +
      `ratio ${ratio.toFixed(2)} (brotli ${(current.brotli / baseline.brotli).toFixed(2)}), goal < ${CHECKER.bytesRatio}: ${ratio < CHECKER.bytesRatio && current.brotli / baseline.brotli < CHECKER.bytesRatio ? 'met' : 'NOT MET'}`,
  );
}

// ---- Speed -----------------------------------------------------------------------------------

const checkers = await Promise.all(
  (['current', 'baseline'] as const).map(async (variant) => {
    const entry = new URL(variant === 'current' ? 'src/schema/check-execution.ts' : 'bench/baseline/check-execution.ts', root);
    const result = await build({
      stdin: { contents: `import { checkExecution } from ${JSON.stringify(entry.pathname)}; window.benchCheck = checkExecution;`, resolveDir: root.pathname, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2022',
      write: false,
    });
    return [`bench/checker-${variant}.html`, checkerPage(result.outputFiles[0]!.text)] as const;
  }),
);
const pages = await pageServer(Object.fromEntries(checkers));
const api0 = await sandboxServer(0);
const api50 = await sandboxServer(50);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const browserVersion = browser.version();

/** The speed figures and idle figures, measured in one browser; the servers and the browser are closed whatever happens. */
async function measureSpeed(): Promise<{ speed: SpeedFigure[]; idleFigures: IdleFigures[] }> {
  try {
    const context = await browser.newContext();
    const open = async () => {
      const page = await context.newPage();
      await page.goto(`${pages.url}/bench/page.html`);
      return page;
    };
    const speed: SpeedFigure[] = [];
    if (wanted('first-step')) {
      const page = await open();
      speed.push(...(await firstStep(page, api0.url, 0, limitOf('first-step'))), ...(await firstStep(page, api50.url, 50, limitOf('first-step'))));
      await page.close();
    }
    if (wanted('cold-load')) speed.push(...(await coldLoad(browser, pages.url, api0.url, limitOf('cold-load'))));
    if (wanted('keystroke')) speed.push(await keystroke(open, api0.url, limitOf('keystroke')));
    if (wanted('checker')) speed.push(await checkerCpu(browser, pages.url, api0.url, CHECKER.cpuRatio));
    const idleFigures = wanted('idle') && IDLE_MS > 0 ? await idle(open, api0.url, [1, 100], IDLE_MS) : [];
    return { speed, idleFigures };
  } finally {
    await browser.close();
    api0.close();
    api50.close();
    pages.close();
  }
}
const { speed, idleFigures } = await measureSpeed();

if (speed.length > 0) {
  console.log('\nSpeed: the widget against its baseline on the same page, medians of interleaved pairs; the ratio with its 95% interval');
  console.log('  (paired bootstrap); a goal is met only when the whole interval is within it. Load: 1-minute load average before and after.');
  const rows = speed.map((f) => [
    f.name,
    f.widget.toFixed(1),
    f.baseline.toFixed(1),
    `${f.ratio.toFixed(2)}x [${f.low.toFixed(2)}-${f.high.toFixed(2)}]`,
    `${f.goal === 'checker' ? '<' : '<='} ${f.limit}x: ${verdict(f, f.limit)}`,
    String(f.runs),
    `${f.load[0].toFixed(1)} -> ${f.load[1].toFixed(1)}`,
  ]);
  table([['figure', 'widget', 'baseline', 'ratio [95% interval]', 'goal', 'runs', 'load'], ...rows], [58, 7, 8, 22, 20, 4, 12]);
}

if (idleFigures.length > 0) {
  console.log(`\nIdle for ${IDLE_MS / 1000} s with widgets on their first step, beside a page with none; then all removed`);
  const rows = idleFigures.map((f) => [
    String(f.widgets),
    `${f.scriptMs.toFixed(1)} (baseline ${f.baselineScriptMs.toFixed(1)})`,
    `${f.timerCallbacks} (baseline ${f.baselineTimerCallbacks})`,
    String(f.timersAfterRemoval),
    String(f.listenersAfterRemoval),
    f.timerCallbacks === 0 && f.scriptMs - f.baselineScriptMs < 1 && f.timersAfterRemoval === 0 && f.listenersAfterRemoval === 0 ? 'met' : 'NOT MET',
  ]);
  table([['widgets', 'script ms', 'timer callbacks', 'timers left', 'listeners left', 'goal'], ...rows], [7, 24, 18, 11, 14, 8]);
}

const loadAfter = loadavg();
const seconds = (Date.now() - started) / 1000;
console.log(`\nMachine: ${cpus().length} cores, Chromium ${browserVersion}, load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after; bench took ${seconds.toFixed(0)} s.`);

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    return null;
  }
})();
await writeFile(
  new URL('bench/results.json', root),
  `${JSON.stringify({ date: new Date().toISOString(), commit, machine: { cores: cpus().length, browser: browserVersion, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter }, sizes, speed, idle: idleFigures, seconds }, null, 2)}\n`,
);
console.log('Written to bench/results.json (an output: not tracked).');
