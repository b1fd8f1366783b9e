/**
 * Waits until `check()` returns a truthy value, polling every 20 ms (the UI and the servers react
 * asynchronously), and returns it; throws "timed out waiting for <what>" after `timeoutMs`. `what`
 * may be a function, called only then, to say what the page shows at that moment.
 * Plain timers: the same helper serves the browser tests and the Node tests.
 */
export async function until<T>(check: () => T | null | undefined | false, what: string | (() => string), timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
