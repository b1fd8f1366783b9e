import { ApiError } from './errors.js';
import { PAGE_TIMERS, type Timers } from './timers.js';

/**
 * Retry with exponential backoff and jitter, for reads and idempotent writes.
 * Abortable: an aborted signal ends the wait at once with the signal's `AbortError`.
 */

/** How often and how patiently a request is repeated. Injectable so tests can shrink the delays. */
export interface RetryPolicy {
  /** Total attempts, the first one included (1 = no retry). */
  attempts: number;
  /** Delay before the first retry, in ms; doubled for every later one. */
  baseDelayMs: number;
  /** Upper bound of one delay, in ms. */
  maxDelayMs: number;
  /** Random source in [0, 1) for the jitter; `Math.random` by default. */
  random?: () => number;
}

/** 4 attempts, 200 ms, 400 ms, 800 ms (each with up to 50% jitter), capped at 5 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 5000 };

/** The longest `Retry-After` the client waits for by itself; a longer one ends the retries. */
const MAX_RETRY_AFTER_MS = 10_000;

/** No retry at all: one attempt. */
export const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

/**
 * Delay before retry number `retry` (0-based): `base * 2^retry`, capped, then scaled into
 * [50%, 100%] by jitter so that many widgets failing together do not retry in lockstep.
 */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  const random = policy.random ?? Math.random;
  return Math.round(exp * (0.5 + random() * 0.5));
}

/** The reason an aborted signal carries, as an `AbortError` `DOMException` when it has none. */
export function abortReason(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Whether `error` is an abort (a `DOMException` or `Error` named `AbortError`). */
export function isAbortError(error: unknown): boolean {
  return (error as Partial<Error> | null | undefined)?.name === 'AbortError';
}

/** Waits `ms` on `timers`, or rejects with the abort reason as soon as `signal` aborts. */
function sleep(ms: number, timers: Timers, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      timers.clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, `shouldRetry` says no, the attempts are used up, or `signal`
 * aborts. Aborts are never retried. A `Retry-After` the server sent (429, 503) replaces the backoff
 * delay when it is at most `MAX_RETRY_AFTER_MS`; a longer one is not waited for. The last error is rethrown.
 * The delays are armed on `timers` (the page's by default).
 */
export async function withRetry<T>(
  attempt: (index: number) => Promise<T>,
  policy: RetryPolicy,
  shouldRetry: (error: unknown) => boolean,
  signal?: AbortSignal,
  timers: Timers = PAGE_TIMERS,
): Promise<T> {
  const attempts = Math.max(1, policy.attempts);
  for (let index = 0; ; index++) {
    let delay: number;
    try {
      return await attempt(index);
    } catch (error) {
      const retryAfter = error instanceof ApiError ? error.retryAfterMs : undefined;
      const tooLong = retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS;
      if (isAbortError(error) || signal?.aborted || index + 1 >= attempts || tooLong || !shouldRetry(error)) {
        throw signal?.aborted && !isAbortError(error) ? abortReason(signal) : error;
      }
      delay = retryAfter ?? backoffDelay(policy, index);
    }
    await sleep(delay, timers, signal);
  }
}
