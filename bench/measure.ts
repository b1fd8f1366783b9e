/**
 * The speed goals (2-5), each measured beside its baseline in the same browser session, runs
 * interleaved (widget, baseline, baseline, widget, ...), medians reported.
 */
import type { Browser, Page } from 'playwright-core';
import { widgetTokens, WORKFLOWS } from './servers.ts';

export interface Comparison {
  goal: number;
  name: string;
  /** Median of the widget, ms. */
  widget: number;
  /** Median of the baseline, ms. */
  baseline: number;
  runs: number;
  /** widget / baseline. */
  ratio: number;
  /** The goal: ratio at most this. */
  limit: number;
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

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function compare(goal: number, name: string, widget: number[], baseline: number[], limit: number): Comparison {
  const w = median(widget);
  const b = median(baseline);
  return { goal, name, widget: w, baseline: b, runs: widget.length, ratio: w / b, limit };
}

/** Calls one of the functions bench/page.js puts on `window`, with JSON arguments. */
function invoke<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ({ name, args }) => (window as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args),
    { name, args },
  ) as Promise<T>;
}

/** Goal 2: token set -> first step heading, widget against the same GET written with textContent. */
export async function firstStep(page: Page, apiBase: string, latencyMs: number, runs: number): Promise<Comparison[]> {
  const out: Comparison[] = [];
  for (const workflow of WORKFLOWS) {
    const warmUp = 3;
    const tokens = await widgetTokens(apiBase, workflow.id, 2 * (runs + warmUp));
    const widget: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < runs + warmUp; i++) {
      const order = i % 2 === 0 ? ['widget', 'baseline'] : ['baseline', 'widget'];
      for (const kind of order) {
        const token = tokens.pop()!;
        const time = await invoke<number>(page, 'benchFirstStep', kind, apiBase, token);
        if (i >= warmUp) (kind === 'widget' ? widget : baseline).push(time);
      }
    }
    out.push(compare(2, `token -> first step heading, ${workflow.name}, LATENCY_MS=${latencyMs}`, widget, baseline, 1.3));
  }
  return out;
}

/**
 * Goal 3: keydown -> next frame in the KYC first step's first name field, against a bare <input>.
 * The runs are spread over `KEYSTROKE_PAGES` fresh pages and pooled: on one page the keys, sent at
 * a steady pace, keep landing at about the same point of the frame, so that page's figure carries
 * its own bias (one build measured 0.7x to 1.9x on eight single pages).
 */
const KEYSTROKE_PAGES = 5;
export async function keystroke(open: () => Promise<Page>, apiBase: string, runs: number): Promise<Comparison> {
  const tokens = await widgetTokens(apiBase, WORKFLOWS[0].id, KEYSTROKE_PAGES);
  const times: Record<'widget' | 'baseline', number[]> = { widget: [], baseline: [] };
  for (const token of tokens) {
    const page = await open();
    await invoke(page, 'benchKeystrokeSetup', apiBase, token);
    const targets = {
      widget: page.locator('tl-workflow input[data-field-path="firstName"]'),
      baseline: page.locator('#bare'),
    };
    for (let i = 0; i < Math.ceil(runs / KEYSTROKE_PAGES) + 3; i++) {
      const order = i % 2 === 0 ? (['widget', 'baseline'] as const) : (['baseline', 'widget'] as const);
      for (const kind of order) {
        await targets[kind].focus();
        await invoke(page, 'benchArmKeystroke');
        await page.keyboard.press(i % 4 < 2 ? 'KeyA' : 'Backspace');
        const time = await invoke<number>(page, 'benchKeystroke');
        if (i >= 3) times[kind].push(time);
      }
    }
    await invoke(page, 'benchUnmountAll');
    await page.close();
  }
  return compare(3, 'keystroke -> next frame, KYC first name', times.widget, times.baseline, 1.2);
}

/** Goal 4: navigation -> first step heading in a new browser context, widget page against baseline page. */
export async function coldLoad(browser: Browser, pagesUrl: string, apiBase: string, runs: number): Promise<Comparison> {
  const tokens = await widgetTokens(apiBase, WORKFLOWS[0].id, 2 * (runs + 1));
  const times: Record<'widget' | 'baseline', number[]> = { widget: [], baseline: [] };
  for (let i = 0; i < runs + 1; i++) {
    const order = i % 2 === 0 ? (['widget', 'baseline'] as const) : (['baseline', 'widget'] as const);
    for (const kind of order) {
      const context = await browser.newContext();
      try {
        await context.addInitScript(({ api, token }) => Object.assign(window, { benchApiBase: api, benchToken: token }), {
          api: apiBase,
          token: tokens.pop()!,
        });
        const page = await context.newPage();
        await page.goto(`${pagesUrl}/bench/${kind === 'widget' ? 'cold' : 'cold-baseline'}.html`);
        const result = await page.waitForFunction(() => (window as { benchColdResult?: { time: number; heading: string } }).benchColdResult);
        const { time, heading } = (await result.jsonValue()) as { time: number; heading: string };
        if (!heading) throw new Error(`${kind}: no heading`);
        if (i >= 1) times[kind].push(time);
      } finally {
        await context.close();
      }
    }
  }
  return compare(4, 'cold load: navigation -> first step (KYC)', times.widget, times.baseline, 1.3);
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
 * Goal 5: `counts` pages with that many widgets on their first step, and one page with none (the
 * baseline), idle side by side for `idleMs`; then every widget removed.
 */
export async function idle(open: () => Promise<Page>, apiBase: string, counts: number[], idleMs: number): Promise<IdleFigures[]> {
  const baselinePage = await open();
  const pages = await Promise.all(counts.map(() => open()));
  const listenersBefore = await Promise.all(pages.map(listenerCount));
  for (const [i, page] of pages.entries()) {
    const tokens = await widgetTokens(apiBase, WORKFLOWS[0].id, counts[i]!);
    await invoke(page, 'benchMount', apiBase, tokens);
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
