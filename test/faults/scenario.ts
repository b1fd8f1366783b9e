/**
 * One fault-suite scenario: a user runs the individual KYC in the BUILT widget
 * (`dist/tl-workflow.iife.js`) through the fault proxy while one fault hits one operation, and
 * recovers as a user would. The outcome says whether the user reached the end, how many saves the
 * sandbox counted beyond the expected ones, whether anything typed or chosen was lost, whether the
 * user was left without a way forward, and the uncaught errors of the page.
 */
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { accessToken, API_BASE, audit, widgetToken } from '../helpers/sandbox.js';
import { busy, endScreen, fillStep, findButton, personalOnScreen, pressPrimary, stepOnScreen, submitBank, TYPED, until, uploadsSettled } from './driver.js';
import { FaultProxy, type FaultRule } from './proxy-client.js';

/** The operations a fault can hit, and the faults the suite injects (status faults by their code). */
export const OPERATIONS = ['load', 'save', 'back', 'upload', 'submit', 'cancel'] as const;
export const FAULTS = ['drop-before', 'drop-after', 'partial', 'truncate', 'empty-200', 'html-502', '401', '409', '429', 'hang', 'offline'] as const;
export type Operation = (typeof OPERATIONS)[number];
export type FaultName = (typeof FAULTS)[number];

/**
 * The widget's request deadline in the suite: short, so that a hang costs little, yet long enough
 * for this machine as it is now. Ten times the slowest of three round trips through the proxy,
 * measured just before (never under 1.5 s): on a busy machine a normal answer is slower, and so is
 * the deadline.
 */
export async function suiteTimeoutMs(proxy: FaultProxy, token: string): Promise<number> {
  let slowest = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await (await fetch(`${proxy.apiBase}/widget/execution`, { headers: { Authorization: `Bearer ${token}` } })).text();
    slowest = Math.max(slowest, performance.now() - started);
  }
  return Math.max(1500, Math.ceil(slowest * 10));
}

/** How long a user sees no way forward before the scenario counts a dead end. */
const DEAD_END_MS = 60_000;

export interface Outcome {
  name: string;
  reachedEnd: boolean;
  duplicateSaves: number;
  inputsLost: string[];
  deadEnd: string | null;
  uncaught: string[];
  /** How often the proxy misbehaved during the scenario (0: the scenario tested nothing). */
  faultsApplied: number;
}

const STEPS = ['personal', 'identity-document', 'proof-of-address', 'bank', 'consents', 'review'];

/** The request each operation makes. */
const TARGET: Record<Operation, Pick<FaultRule, 'method' | 'pathContains'>> = {
  load: { method: 'GET', pathContains: '/widget/execution' },
  save: { method: 'PUT', pathContains: '/steps/personal' },
  back: { method: 'POST', pathContains: '/execution/back' },
  upload: { method: 'POST', pathContains: '/files' },
  submit: { method: 'PUT', pathContains: '/steps/review' },
  cancel: { method: 'POST', pathContains: '/execution/cancel' },
};

function rule(fault: FaultName): FaultRule {
  switch (fault) {
    case '401':
      return { fault: 'status', status: 401, code: 'token-expired' };
    case '409':
      return { fault: 'status', status: 409, code: 'conflict' };
    case '429':
      return { fault: 'status', status: 429, code: 'rate-limited', retryAfter: '1' };
    case 'offline':
      throw new Error('offline is not a rule');
    default:
      return { fault };
  }
}

/** Loads the built widget with a script tag, once per page. */
export async function loadBuiltWidget(): Promise<void> {
  if (customElements.get('tl-workflow')) return;
  const script = document.createElement('script');
  script.src = '/dist/tl-workflow.iife.js';
  await new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('dist/tl-workflow.iife.js is missing: run `npm run build` first'));
    document.head.append(script);
  });
}

/** Collects the page's uncaught errors while `run` runs. */
export async function catchingUncaught<T>(run: (uncaught: string[]) => Promise<T>): Promise<T> {
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => {
    uncaught.push(String((event.reason as Error)?.message ?? event.reason));
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    return await run(uncaught);
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

/**
 * A fresh widget through `proxy`, whose host page renews the token when it expires; with a short
 * request deadline when `timeoutMs` is given (a hang to get over), else the widget's default.
 */
export async function mountWidget(proxy: FaultProxy, caseId: string, timeoutMs?: number): Promise<TlWorkflow> {
  const el = document.createElement('tl-workflow') as TlWorkflow;
  el.setAttribute('api-base', proxy.apiBase);
  if (timeoutMs !== undefined) el.setAttribute('request-timeout', String(timeoutMs));
  el.addEventListener('tl-token-expired', () => {
    void widgetToken({ caseId }).then((fresh) => {
      el.token = fresh.token;
    });
  });
  document.body.append(el);
  return el;
}

/**
 * Waits for `done()`, acting as a user meanwhile: "Try again" when offered, `redo()` (the action
 * again) when the widget has been idle for a moment and nothing else is offered. A dead end:
 * nothing works for `DEAD_END_MS`.
 */
async function recover(el: TlWorkflow, done: () => boolean, redo: () => void, what: string): Promise<void> {
  let idleSince = performance.now();
  await until(() => {
    if (done()) return true;
    if (busy(el) || root(el).querySelector('.screen--loading')) {
      idleSince = performance.now();
      return false;
    }
    if (performance.now() - idleSince < 400) return false;
    idleSince = performance.now();
    const retry = findButton(el, 'Try again');
    if (retry) retry.click();
    else redo();
    return false;
  }, what, DEAD_END_MS);
}

const root = (el: TlWorkflow): ShadowRoot => el.shadowRoot!;

/** Arms `fault` on `op`'s request (offline: the next requests all fail for a while). */
async function arm(proxy: FaultProxy, fault: FaultName, op: Operation): Promise<void> {
  if (fault === 'offline') {
    await proxy.setOffline(true);
    setTimeout(() => void proxy.setOffline(false), 2500);
  } else await proxy.add({ ...rule(fault), ...TARGET[op] });
}

/** Runs one scenario: `fault` on `op`. */
export async function runScenario(op: Operation, fault: FaultName): Promise<Outcome> {
  const name = `${fault} on ${op}`;
  const proxy = new FaultProxy();
  const fixture = await widgetToken();
  // Only a hang needs the widget to give up on a request sooner than its default 20 s.
  const timeoutMs = fault === 'hang' ? await suiteTimeoutMs(proxy, fixture.token) : undefined;
  return catchingUncaught(async (uncaught) => {
    const el = await mountWidget(proxy, fixture.caseId, timeoutMs);
    const outcome: Outcome = { name, reachedEnd: false, duplicateSaves: 0, inputsLost: [], deadEnd: null, uncaught, faultsApplied: 0 };
    const expected: Record<string, number> = {};
    try {
      if (op === 'load') await arm(proxy, fault, op);
      el.token = fixture.token;
      const filled = new Set<string>();
      for (const [index, step] of STEPS.entries()) {
        const previous = STEPS[index - 1];
        await recover(el, () => stepOnScreen(el) === step, () => (previous === 'bank' ? submitBank(el) : pressPrimary(el)), `step ${step}`);
        if (op === 'cancel' && step === 'identity-document') {
          await arm(proxy, fault, op);
          const leave = () => (findButton(el, 'Leave') ?? findButton(el, 'Cancel verification'))?.click();
          findButton(el, 'Cancel verification')!.click();
          await el.updateComplete;
          leave();
          await recover(el, () => endScreen(el) === 'cancelled', leave, 'the cancelled screen');
          break;
        }
        if (op === 'back' && step === 'identity-document' && !filled.has('back')) {
          filled.add('back');
          await arm(proxy, fault, op);
          findButton(el, 'Back')!.click();
          await recover(el, () => stepOnScreen(el) === 'personal', () => findButton(el, 'Back')?.click(), 'back on personal');
          const shown = personalOnScreen(el);
          for (const [path, value] of Object.entries(TYPED.personal)) if (shown[path] !== value) outcome.inputsLost.push(`after back: ${path}`);
          expected.personal = (expected.personal ?? 0) + 1;
          pressPrimary(el);
          await recover(el, () => stepOnScreen(el) === step, () => pressPrimary(el), `step ${step} again`);
        }
        if (op === 'upload' && step === 'identity-document') await arm(proxy, fault, op);
        const submit = step === 'bank' ? () => submitBank(el) : () => pressPrimary(el);
        if (!filled.has(step)) {
          filled.add(step);
          if (step !== 'bank') await fillStep(el);
        }
        await until(() => uploadsSettled(el), `uploads of ${step}`);
        if ((op === 'save' && step === 'personal') || (op === 'submit' && step === 'review')) await arm(proxy, fault, op);
        expected[step] = (expected[step] ?? 0) + 1;
        submit();
        const next = STEPS[index + 1];
        if (!next) await recover(el, () => ['complete', 'awaiting'].includes(endScreen(el) ?? ''), () => pressPrimary(el), 'the end screen');
      }
      outcome.reachedEnd = true;
    } catch (error) {
      outcome.deadEnd = `${(error as Error).message} (screen: ${stepOnScreen(el) ?? endScreen(el)})`;
    } finally {
      el.remove();
      outcome.faultsApplied = (await proxy.log()).applied.length;
      await proxy.drop();
    }
    if (op === 'cancel') expected.personal = 1;
    const { saves } = await audit(fixture.executionId);
    for (const [step, count] of Object.entries(saves)) outcome.duplicateSaves += Math.max(0, count - (expected[step] ?? 0));
    if (outcome.reachedEnd && op !== 'cancel') outcome.inputsLost.push(...(await lostInputs(fixture.executionId)));
    return outcome;
  });
}

/** A saved step's values, as far as `lostInputs` reads them. */
type SavedStep = { [field: string]: unknown; phone?: { number?: string }; front?: { name?: string }; document?: { name?: string } };

/** What the sandbox holds that differs from what the user typed and chose. */
export async function lostInputs(executionId: string): Promise<string[]> {
  const response = await fetch(`${API_BASE}/workflows/${executionId}`, { headers: { Authorization: `Bearer ${await accessToken()}` } });
  const { values } = (await response.json()) as { values: Record<string, SavedStep | undefined> };
  const lost: string[] = [];
  for (const [path, value] of Object.entries(TYPED.personal)) if (values.personal?.[path] !== value) lost.push(`personal.${path}`);
  if (values.personal?.phone?.number !== TYPED.phone) lost.push('personal.phone');
  if (values['identity-document']?.documentType !== TYPED.documentType) lost.push('identity-document.documentType');
  if (values['identity-document']?.front?.name !== TYPED.front) lost.push('identity-document.front');
  if (values['proof-of-address']?.document?.name !== TYPED.proof) lost.push('proof-of-address.document');
  return lost;
}
