/**
 * Waits until `check()` returns (or resolves to) a truthy value, polling every 20 ms (the UI and the servers react
 * asynchronously), and returns it; throws "timed out waiting for <what>" after `timeoutMs` (30 s
 * by default: a bound that only catches a hang, never a speed check). `what` may be a function,
 * called only then, to say what the page shows at that moment. Real time even under fake timers
 * (real-time.ts); plain timers, so the same helper serves the browser tests and the Node tests.
 */
import { pause, realNow } from './real-time.js';

export async function until<T>(
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string | (() => string),
  timeoutMs = 30_000,
): Promise<T> {
  const start = realNow();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (realNow() - start > timeoutMs) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await pause(20);
  }
}

/**
 * Resolves with what `promise` gives (an event, an answer), waiting for it as `until` waits: a
 * promise that never settles (an event that never comes) fails the test with `what`, not with a
 * test timeout that does not say where it hung.
 */
export async function arrives<T>(promise: Promise<T>, what: string | (() => string), timeoutMs = 30_000): Promise<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  promise.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  const settled = await until(() => outcome, what, timeoutMs);
  if ('error' in settled) throw settled.error;
  return settled.value;
}
