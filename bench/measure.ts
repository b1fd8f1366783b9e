/**
 * The speed figures, each measured beside its baseline in interleaved pairs (widget then baseline,
 * baseline then widget, ...) until its 95% interval decides the goal (bench/stats.ts), and the idle
 * figures. Every figure carries the machine's load average while it was measured.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { untilDecided, type Ratio } from './stats.ts';
import { executionBody, tokenPool, WORKFLOWS } from './servers.ts';

export interface SpeedFigure extends Ratio {
  goal: string;
  name: string;
  limit: number;
  /** 1-minute load average before and after the figure was measured. */
  load: [number, number];
}

export interface IdleFigures {
  widgets: number;
  scriptMs: number;
  timerCallbacks: number;
  baselineScriptMs: number;
  baselineTimerCallbacks: number;
  timersAfterRemoval: number;
  listenersAfterRemoval: number;
}

/** Calls one of the functions bench/page.js puts on `window`, with JSON arguments. */
function invoke<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ({ name, args }) => (window as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args),
    { name, args },
  ) as Promise<T>;
}

/** Runs `pair` (widget first on even pairs, baseline first on odd ones) until the goal is decided. */
async function figure(goal: string, name: string, limit: number, pair: (widgetFirst: boolean, index: number) => Promise<[number, number]>): Promise<SpeedFigure> {
  const before = loadavg()[0]!;
  const ratio = await untilDecided((index) => pair(index % 2 === 0, index), limit);
  return { ...ratio, goal, name, limit, load: [before, loadavg()[0]!] };
}

/** Runs `a` and `b` in the order asked, returning their times as [a, b]. */
async function inOrder(widgetFirst: boolean, widget: () => Promise<number>, baseline: () => Promise<number>): Promise<[number, number]> {
  if (widgetFirst) {
    const w = await widget();
    return [w, await baseline()];
  }
  const b = await baseline();
  return [await widget(), b];
}

/** Token set -> first step heading, widget against the same GET written with textContent, per workflow. */
export async function firstStep(page: Page, apiBase: string, latencyMs: number, limit: number): Promise<SpeedFigure[]> {
  const out: SpeedFigure[] = [];
  for (const workflow of WORKFLOWS) {
    const tokens = tokenPool(apiBase, workflow.id);
    const run = async (kind: 'widget' | 'baseline') => invoke<number>(page, 'benchFirstStep', kind, apiBase, await tokens.next());
    // Warm-up, dropped: the page's first widgets pay for compiling the code.
    for (let i = 0; i < 3; i++) await inOrder(i % 2 === 0, () => run('widget'), () => run('baseline'));
    out.push(await figure('first-step', `first step, ${workflow.name}, ${latencyMs} ms latency`, limit, (widgetFirst) => inOrder(widgetFirst, () => run('widget'), () => run('baseline'))));
  }
  return out;
}

/** Keys per page before the page is replaced: on one page the keys land at about the same point of the frame each time. */
const KEYS_PER_PAGE = 10;

/**
 * Keydown -> the next painted frame in the KYC first step's first-name field, against a bare
 * `<input>` on the same page (bench/page.js says how the frame is waited for). The pairs are spread
 * over fresh pages, `KEYS_PER_PAGE` each, after two dropped warm-up keys per page.
 */
export async function keystroke(open: () => Promise<Page>, apiBase: string, limit: number): Promise<SpeedFigure> {
  const tokens = tokenPool(apiBase, WORKFLOWS[0].id);
  let page: Page | null = null;
  const press = async (kind: 'widget' | 'baseline', key: string): Promise<number> => {
    const target = kind === 'widget' ? page!.locator('tl-workflow input[data-field-path="firstName"]') : page!.locator('#bare');
    await target.focus();
    await invoke(page!, 'benchArmKeystroke');
    await page!.keyboard.press(key);
    return invoke<number>(page!, 'benchKeystroke');
  };
  try {
    return await figure('keystroke', 'keystroke -> next painted frame, KYC first name', limit, async (widgetFirst, index) => {
      if (index % KEYS_PER_PAGE === 0) {
        if (page) await page.close();
        page = await open();
        await invoke(page, 'benchKeystrokeSetup', apiBase, await tokens.next());
        for (const kind of ['widget', 'baseline', 'baseline', 'widget'] as const) await press(kind, 'KeyA');
      }
      const key = index % 4 < 2 ? 'KeyA' : 'Backspace';
      return inOrder(widgetFirst, () => press('widget', key), () => press('baseline', key));
    });
  } finally {
    if (page) await (page as Page).close();
  }
}

/** Navigation -> first step heading in a new browser context, widget page against baseline page, per workflow. */
export async function coldLoad(browser: Browser, pagesUrl: string, apiBase: string, limit: number): Promise<SpeedFigure[]> {
  const out: SpeedFigure[] = [];
  for (const workflow of WORKFLOWS) {
    const tokens = tokenPool(apiBase, workflow.id);
    const load = async (kind: 'widget' | 'baseline'): Promise<number> => {
      const context = await browser.newContext();
      try {
        await context.addInitScript(({ api, token }) => Object.assign(window, { benchApiBase: api, benchToken: token }), { api: apiBase, token: await tokens.next() });
        const page = await context.newPage();
        await page.goto(`${pagesUrl}/bench/${kind === 'widget' ? 'cold' : 'cold-baseline'}.html`);
        const result = await page.waitForFunction(() => (window as { benchColdResult?: { time: number; heading: string } }).benchColdResult);
        const { time, heading } = (await result.jsonValue()) as { time: number; heading: string };
        if (!heading) throw new Error(`${kind}: no heading`);
        return time;
      } finally {
        await context.close();
      }
    };
    await inOrder(true, () => load('widget'), () => load('baseline')); // warm-up: the server's and the disk's caches
    out.push(await figure('cold-load', `cold load, ${workflow.name}`, limit, (widgetFirst) => inOrder(widgetFirst, () => load('widget'), () => load('baseline'))));
  }
  return out;
}

/**
 * The answer checker's CPU time on a cold page: a new browser context per run, whose page holds
 * the checker's code inline and checks both demo workflows' executions once (parse, compile and
 * run of the checker: bench/servers.ts `checkerPage`). The current checker against the one before
 * issue 26, as a ratio.
 */
export async function checkerCpu(browser: Browser, pagesUrl: string, apiBase: string, limit: number): Promise<SpeedFigure> {
  const bodies = await Promise.all(WORKFLOWS.map((w) => executionBody(apiBase, w.id)));
  const check = async (variant: 'current' | 'baseline'): Promise<number> => {
    const context = await browser.newContext();
    try {
      await context.addInitScript((texts) => Object.assign(window, { benchBodies: texts }), bodies);
      const page = await context.newPage();
      await page.goto(`${pagesUrl}/bench/checker-${variant}.html`);
      const result = await page.waitForFunction(() => (window as { benchCheckMs?: number }).benchCheckMs);
      return (await result.jsonValue()) as number;
    } finally {
      await context.close();
    }
  };
  await inOrder(true, () => check('current'), () => check('baseline'));
  return figure('checker', 'answer checker: cold CPU, both workflows (current vs before)', limit, (first) => inOrder(first, () => check('current'), () => check('baseline')));
}

async function listenerCount(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  let total = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    total += listeners.length;
  }
  await cdp.detach();
  return total;
}

async function scriptSeconds(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  const start = await read();
  return async () => (await read()) - start;
}

/**
 * Idle: `counts` pages with that many widgets on their first step, and one page with none (the
 * baseline), idle side by side for `idleMs`; then every widget removed.
 */
export async function idle(open: () => Promise<Page>, apiBase: string, counts: number[], idleMs: number): Promise<IdleFigures[]> {
  const baselinePage = await open();
  const pages = await Promise.all(counts.map(() => open()));
  const listenersBefore = await Promise.all(pages.map(listenerCount));
  for (const [i, page] of pages.entries()) {
    const tokens = tokenPool(apiBase, WORKFLOWS[0].id);
    const list = [];
    for (let n = 0; n < counts[i]!; n++) list.push(await tokens.next());
    await invoke(page, 'benchMount', apiBase, list);
  }
  const readers = await Promise.all([baselinePage, ...pages].map(scriptSeconds));
  await baselinePage.waitForTimeout(idleMs);
  const scripts = await Promise.all(readers.map((read) => read()));
  const fired = await Promise.all([baselinePage, ...pages].map((page) => invoke<number>(page, 'benchTimersFired')));
  const figures: IdleFigures[] = [];
  for (const [i, page] of pages.entries()) {
    await invoke(page, 'benchUnmountAll');
    figures.push({
      widgets: counts[i]!,
      scriptMs: scripts[i + 1]! * 1000,
      timerCallbacks: fired[i + 1]!,
      baselineScriptMs: scripts[0]! * 1000,
      baselineTimerCallbacks: fired[0]!,
      timersAfterRemoval: await invoke<number>(page, 'benchTimersPending'),
      listenersAfterRemoval: (await listenerCount(page)) - listenersBefore[i]!,
    });
  }
  return figures;
}
