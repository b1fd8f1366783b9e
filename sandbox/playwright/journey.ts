/**
 * The journey through a workflow, step by step, over any driver: read the screen (plan.ts), do what
 * a user would do on it, press Continue, and go on until the end screen. The Playwright helper runs
 * it with Playwright's input; the browser test suite runs the same code with its own, in Chromium,
 * Firefox and WebKit.
 */
import type { Answer, JourneyAction, ShownError, WorkflowScreen } from './plan.ts';

/** Valid answers for the sandbox's workflows, given where a control is still empty. */
export const VALID_ANSWERS: Readonly<Record<string, Answer>> = {
  firstName: 'Anna',
  lastName: 'Nowak',
  dateOfBirth: '1990-05-17',
  nationality: 'PL',
  email: 'anna@example.com',
  'phone.countryCode': '+48',
  phone: '600100200',
  street: 'Marszałkowska 1',
  city: 'Warszawa',
  postalCode: '00-001',
  country: 'PL',
  documentType: 'passport',
  registryNumber: '0000123456',
  incorporationDate: '2010-03-01',
  ownershipPercent: 100,
  username: 'anna.nowak',
  password: 'secret',
};

/** What a driver does for the journey: read the screen, act on one control, press a button. */
export interface JourneyDriver {
  /** The screen now, with `answers` and `VALID_ANSWERS` planned into its actions. */
  inspect(answers: Record<string, Answer>, defaults: Record<string, Answer>): Promise<WorkflowScreen>;
  act(action: JourneyAction): Promise<void>;
  press(selector: string): Promise<void>;
  /** Waits `ms` before looking again (a real pause; the journey waits for what it sees, never for a time alone). */
  pause(ms: number): Promise<void>;
}

/** How the journey ends. */
export interface JourneyOptions {
  /** Chosen answers by field path or name (`{ email: 'x@y.z', password: 'wrong', marketing: false }`); the rest are valid ones. */
  answers?: Record<string, Answer>;
  /** `submit` (default): through to the end screen; `cancel`: "Cancel verification" on the first step shown, then Leave. */
  end?: 'submit' | 'cancel';
  /** Stop as soon as this step is on screen (before filling it). */
  stopAt?: string;
  /** How long to wait for any one thing (a step, an upload, an answer), in ms. Default 30000. */
  timeout?: number;
}

/** Where the journey stopped. */
export interface JourneyResult {
  /** The steps filled, in order. */
  steps: string[];
  /** The end screen shown (`complete`, `cancelled`, ...), or the step of `stopAt`. */
  screen: string;
}

/** The widget or the server refused the answers of a step: the step stays, with these errors shown. */
export class WorkflowRefusedError extends Error {
  constructor(
    readonly stepId: string,
    readonly errors: ShownError[],
  ) {
    super(`Step ${stepId} was refused: ${errors.map((e) => `${e.path}: ${e.message || '(no message)'}`).join('; ') || '(no field named)'}`);
    this.name = 'WorkflowRefusedError';
  }
}

type StepScreen = Extract<WorkflowScreen, { kind: 'step' }>;

/** Looks at the screen until `done` says what it waited for, or throws after `timeout` ms of looking. */
async function waitFor<T>(driver: JourneyDriver, look: () => Promise<T | undefined>, what: () => string, timeout: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (Date.now() - started > timeout) throw new Error(`Waited ${timeout} ms for ${what()}`);
    await driver.pause(100);
  }
}

/** Runs the journey (see `JourneyOptions`) from whatever step is on screen. */
export async function runJourney(driver: JourneyDriver, options: JourneyOptions = {}): Promise<JourneyResult> {
  const { answers = {}, end = 'submit', stopAt, timeout = 30_000 } = options;
  const defaults = { ...VALID_ANSWERS };
  const steps: string[] = [];
  let last: WorkflowScreen = { kind: 'none' };
  const settled = () =>
    waitFor(
      driver,
      async () => {
        last = await driver.inspect(answers, defaults);
        return last.kind === 'end' || (last.kind === 'step' && !last.busy) ? last : undefined;
      },
      () => `a step or an end screen (the widget shows ${JSON.stringify(last)})`,
      timeout,
    );
  for (;;) {
    const screen = await settled();
    if (screen.kind === 'end') return { steps, screen: screen.screen };
    if (screen.kind !== 'step') continue;
    if (screen.stepId === stopAt) return { steps, screen: screen.stepId };
    if (end === 'cancel' && screen.cancel) {
      await driver.press(screen.cancel);
      const confirm = await waitFor(driver, async () => ((await settled()) as StepScreen).confirmLeave ?? undefined, () => 'the Leave button', timeout);
      await driver.press(confirm);
      const ended = await waitFor(driver, async () => ((s) => (s.kind === 'end' ? s : undefined))(await settled()), () => 'the cancelled screen', timeout);
      return { steps, screen: ended.screen };
    }
    const ready = await fill(driver, screen, settled);
    steps.push(ready.stepId);
    await driver.press(ready.primary);
    const next = await settled();
    if (next.kind === 'step' && next.stepId === ready.stepId) {
      if (next.errors.length > 0) throw new WorkflowRefusedError(next.stepId, next.errors);
      throw new WorkflowRefusedError(next.stepId, []);
    }
  }
}

/** Does every planned action of the step, looking again after each round (a group entry, a bank picked, show more fields). */
async function fill(driver: JourneyDriver, first: StepScreen, settled: () => Promise<WorkflowScreen>): Promise<StepScreen> {
  let screen = first;
  const done = new Set<string>();
  for (let round = 0; screen.actions.length > 0; round++) {
    if (round >= 10) throw new Error(`Step ${screen.stepId}: still ${screen.actions.map((a) => `${a.kind} ${a.path}`).join(', ')} to do after 10 rounds`);
    for (const action of screen.actions) {
      const key = `${action.kind} ${action.selector} ${'value' in action ? action.value : ''}`;
      if (done.has(key)) throw new Error(`Step ${screen.stepId}: ${action.kind} ${action.path} did not take`);
      done.add(key);
      await driver.act(action);
    }
    const next = await settled();
    if (next.kind !== 'step' || next.stepId !== screen.stepId) throw new Error(`Step ${screen.stepId} left while being filled (${JSON.stringify(next)})`);
    screen = next;
  }
  return screen;
}
