/**
 * Completion the backend can trust: poll `GET /workflows/{id}` with backoff until the execution
 * reaches a final status, the way TransactionLink's own examples poll (every 2 s at first).
 */
import { TransactionLinkError } from './errors.js';
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
}

/** The statuses after which nothing changes any more. */
export const FINAL_STATUSES: readonly WorkflowStatus[] = ['COMPLETED', 'CANCELLED', 'EXPIRED'];

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

/**
 * Polls `read(id)` until the workflow's status is one of `until`, and resolves with that workflow.
 * Transient failures (unreachable, 429, 5xx) are waited out with the same backoff; others reject.
 */
export async function pollUntilFinal(
  read: (id: string, signal?: AbortSignal) => Promise<Workflow>,
  id: string,
  { signal, intervalMs = 2000, maxIntervalMs = 30_000, until = FINAL_STATUSES, onPoll }: WaitOptions = {},
): Promise<Workflow> {
  let delay = intervalMs;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const workflow = await read(id, signal);
      onPoll?.(workflow);
      if (until.includes(workflow.status)) return workflow;
    } catch (error) {
      if (!(error instanceof TransactionLinkError && error.transient)) throw error;
    }
    await pause(delay, signal);
    delay = Math.min(maxIntervalMs, Math.round(delay * 1.5));
  }
}
