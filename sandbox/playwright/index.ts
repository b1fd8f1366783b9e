/**
 * `tl-workflow-sandbox/playwright`: finish a `<tl-workflow>` on screen from a Playwright test, as a
 * user does (Playwright's own typing, selecting, clicking and file choosing), with the native
 * engine on the page or inside the replica's frame (official engine), with valid answers or the
 * ones you choose; and wait for the element's events.
 *
 *   const complete = waitForEvent(page, 'tl-complete');
 *   await completeWorkflow(page);
 *   expect((await complete).status).toBe('COMPLETED');
 */
import type { Frame, Page } from 'playwright-core';
import { runJourney, VALID_ANSWERS, WorkflowRefusedError, type JourneyDriver, type JourneyOptions, type JourneyResult } from './journey.ts';
import { inspectWorkflow, type Answer, type JourneyAction } from './plan.ts';

type Answers = Record<string, Answer>;

export { VALID_ANSWERS, WorkflowRefusedError };
export type { Answer, ShownError } from './plan.ts';
export type { JourneyOptions, JourneyResult } from './journey.ts';

/** What `completeWorkflow` takes. */
export interface CompleteWorkflowOptions extends JourneyOptions {
  /**
   * `auto` (default): whichever shows up, the replica's frame (official engine) or a step of the
   * element on the page (native engine); `official` or `native` to insist.
   */
  engine?: 'auto' | 'official' | 'native';
  /** The `<tl-workflow>` on the page. Default `tl-workflow`. */
  selector?: string;
}

/** The path of the replica's framed page (sandbox/routes/widget-replica.ts). */
const REPLICA_FRAME = /\/widget\/frame$/;

/** A 1 x 1 PNG and a small PDF: what the journey uploads. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The frame the workflow runs in, and the element's selector there, once one shows up. */
async function workflowFrame(page: Page, engine: CompleteWorkflowOptions['engine'], selector: string, timeout: number): Promise<{ frame: Frame; selector: string }> {
  const started = Date.now();
  for (;;) {
    if (engine !== 'native') {
      const replica = page.frames().find((frame) => REPLICA_FRAME.test(new URL(frame.url(), 'http://x').pathname));
      if (replica) return { frame: replica, selector: 'tl-workflow' };
    }
    if (engine !== 'official') {
      const screen = await page.mainFrame().evaluate(inspectWorkflow, { selector, answers: {}, defaults: {} }).catch(() => null);
      if (screen && (screen.kind === 'step' || screen.kind === 'end')) return { frame: page.mainFrame(), selector };
    }
    if (Date.now() - started > timeout) {
      throw new Error(`No workflow on screen after ${timeout} ms: neither the replica's frame nor a step of ${selector} (engine: ${engine ?? 'auto'})`);
    }
    await sleep(100);
  }
}

/**
 * The journey's driver over Playwright: fill, selectOption, check, setInputFiles, click. Once the
 * replica's frame is gone (TransactionLink's widget closes when the user leaves), the screen is the
 * element's own, on the page (`pageSelector`).
 */
function playwrightDriver(page: Page, frame: Frame, selector: string, pageSelector: string, timeout: number): JourneyDriver {
  const control = (inner: string) => frame.locator(selector).locator(inner);
  const onPage = (answers: Answers, defaults: Answers) => page.mainFrame().evaluate(inspectWorkflow, { selector: pageSelector, answers, defaults });
  return {
    async inspect(answers, defaults) {
      if (frame.isDetached()) return onPage(answers, defaults);
      try {
        return await frame.evaluate(inspectWorkflow, { selector, answers, defaults });
      } catch (error) {
        if (frame.isDetached()) return onPage(answers, defaults);
        throw error;
      }
    },
    async act(action: JourneyAction) {
      const target = control(action.selector);
      if (action.kind === 'fill') await target.fill(action.value, { timeout });
      else if (action.kind === 'select') await target.selectOption(action.value, { timeout });
      else if (action.kind === 'check') await target.check({ timeout });
      else if (action.kind === 'click') await target.click({ timeout });
      else {
        const buffer = action.mimeType === 'application/pdf' ? PDF : PNG;
        await target.setInputFiles({ name: action.name, mimeType: action.mimeType, buffer }, { timeout });
      }
    },
    press: (inner) => control(inner).click({ timeout }),
    pause: sleep,
  };
}

/**
 * Fills and finishes the workflow on screen, from the step it shows, as a user: valid answers
 * (`VALID_ANSWERS`) wherever a control is empty, `options.answers` wherever given; "Continue" on
 * each step and "Submit" on the last, until the end screen (or "Cancel verification" with
 * `end: 'cancel'`, or a stop at `stopAt`). Throws `WorkflowRefusedError` when a step is refused (the
 * errors shown, field by field); call it again to go on from there.
 */
export async function completeWorkflow(page: Page, options: CompleteWorkflowOptions = {}): Promise<JourneyResult> {
  const timeout = options.timeout ?? 30_000;
  const pageSelector = options.selector ?? 'tl-workflow';
  const { frame, selector } = await workflowFrame(page, options.engine ?? 'auto', pageSelector, timeout);
  return runJourney(playwrightDriver(page, frame, selector, pageSelector, timeout), options);
}

/** The `tl-*` events of `<tl-workflow>` and their `detail`. */
export interface WorkflowEventDetails {
  'tl-ready': { workflowId: string };
  'tl-step-change': { workflowId: string; stepId: string; index: number; total: number };
  'tl-complete': { workflowId: string; status: string };
  'tl-cancel': { workflowId: string };
  'tl-error': { code: string; message: string; recoverable: boolean };
  'tl-token-expiring': { expiresAt: Date; secondsLeft: number };
  'tl-token-expired': { expiresAt: Date };
}

/**
 * Resolves with the `detail` of the next `name` event that reaches the page's document (the
 * element's events bubble and cross shadow roots). Start it before the action that causes the
 * event; rejects after `timeout` ms (default 120000: a whole journey may come first) or when the page goes away.
 */
export async function waitForEvent<K extends keyof WorkflowEventDetails>(page: Page, name: K, options: { timeout?: number } = {}): Promise<WorkflowEventDetails[K]> {
  const timeout = options.timeout ?? 120_000;
  const fired = page.evaluate(
    (type) => new Promise<unknown>((resolve) => document.addEventListener(type, (event) => resolve((event as CustomEvent).detail ?? null), { once: true })),
    name,
  );
  fired.catch(() => undefined); // Once timed out, a page closing later rejects nobody's promise.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No ${name} within ${timeout} ms`)), timeout);
  });
  try {
    return (await Promise.race([fired, late])) as WorkflowEventDetails[K];
  } finally {
    clearTimeout(timer);
  }
}
