/**
 * Completion the backend can trust: poll `GET /workflows/{id}` with backoff until the execution
 * reaches a final status, the way TransactionLink's own examples poll (every 2 s at first), within
 * a budget of failures in a row.
 */
import { TransactionLinkError, WaitForCompletionError } from './errors.js';
import type { Workflow, WorkflowStatus } from './types.js';

/** Options of `waitForCompletion`. */
export interface WaitOptions {
  /** Stops waiting: the promise rejects with `signal.reason` and no request follows. */
  signal?: AbortSignal;
  /** First pause between polls, ms. Default 2000. */
  intervalMs?: number;
  /** Longest pause between polls, ms (each pause is 1.5 times the previous one). Default 30000. */
  maxIntervalMs?: number;
  /** Statuses that end the wait. Default `COMPLETED`, `CANCELLED`, `EXPIRED`. */
  until?: readonly WorkflowStatus[];
  /** Called with every workflow read (e.g. to record `AWAITING`). */
  onPoll?: (workflow: Workflow) => void;
  /**
   * Polls in a row that may fail (unreachable, no answer in time, 429, 5xx, not JSON) or read a
   * status this client does not know, before the wait rejects with `WaitForCompletionError`.
   * A poll reading `RUNNING` or `AWAITING` starts the count again. Default 10.
   */
  maxFailures?: number;
}

/** The statuses after which nothing changes any more. */
export const FINAL_STATUSES: readonly WorkflowStatus[] = ['COMPLETED', 'CANCELLED', 'EXPIRED'];

/** Every status this client knows. */
const KNOWN_STATUSES: readonly unknown[] = ['RUNNING', 'AWAITING', ...FINAL_STATUSES];

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts (the timer is cleared). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Whether a failed poll may be waited out: the API was unreachable, busy, failing, or answered something unreadable. */
function worthWaiting(error: unknown): boolean {
  return error instanceof TransactionLinkError && (error.transient || error.code === 'invalid-response');
}

/**
 * Polls `read(id)` until the workflow's status is one of `until`, and resolves with that workflow.
 * Transient failures and unknown statuses are waited out with the same backoff, `maxFailures` in a
 * row at most; other failures reject at once.
 */
export async function pollUntilFinal(
  read: (id: string, signal?: AbortSignal) => Promise<Workflow>,
  id: string,
  { signal, intervalMs = 2000, maxIntervalMs = 30_000, until = FINAL_STATUSES, onPoll, maxFailures = 10 }: WaitOptions = {},
): Promise<Workflow> {
  let delay = intervalMs;
  let failures = 0;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const workflow = await read(id, signal);
      const status: unknown = (workflow as Partial<Workflow> | null)?.status;
      onPoll?.(workflow);
      if (until.includes(status as WorkflowStatus)) return workflow;
      if (KNOWN_STATUSES.includes(status)) failures = 0;
      else if ((failures += 1) >= maxFailures) throw new WaitForCompletionError(id, failures, status, undefined);
    } catch (error) {
      if (error instanceof WaitForCompletionError || !worthWaiting(error)) throw error;
      if ((failures += 1) >= maxFailures) throw new WaitForCompletionError(id, failures, undefined, error);
    }
    await pause(delay, signal);
    delay = Math.min(maxIntervalMs, Math.round(delay * 1.5));
  }
}
