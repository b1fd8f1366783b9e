/**
 * The timers the client arms: request deadlines, upload stalls and retry delays. The page's own by
 * default; a test hands in timers it fires itself, so no test depends on how fast the machine is.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The page's `setTimeout` / `clearTimeout`. */
export const PAGE_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A signal that aborts with a `TimeoutError` once `ms` have passed, and `clear()`, which disarms it.
 * Without `timers`, the browser's own `AbortSignal.timeout` (it pauses with the page, and a host's
 * fake timers do not see it); with them, a timer armed there.
 */
export function deadline(ms: number, timers?: Timers): { signal: AbortSignal; clear(): void } {
  if (!timers) return { signal: AbortSignal.timeout(ms), clear: () => undefined };
  const controller = new AbortController();
  const handle = timers.setTimeout(() => controller.abort(new DOMException('The deadline passed.', 'TimeoutError')), ms);
  return { signal: controller.signal, clear: () => timers.clearTimeout(handle) };
}
