/**
 * Waits until `check()` returns a truthy value, polling every 20 ms (the UI and the servers react
 * asynchronously), and returns it; throws "timed out waiting for <what>" after `timeoutMs`.
 * Plain timers: the same helper serves the browser tests and the Node tests.
 */
export async function until<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
