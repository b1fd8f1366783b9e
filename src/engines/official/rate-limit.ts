/**
 * At most one report per distinct message per window of time: a widget that reports the same
 * error a thousand times gives the page one `tl-error` a second, not a thousand.
 */
export class MessageRateLimit {
  readonly #last = new Map<string, number>();
  readonly #now: () => number;
  readonly #windowMs: number;

  /** `now`: a monotonic clock in ms (injectable; default `performance.now()`). */
  constructor(now: () => number = () => performance.now(), windowMs = 1000) {
    this.#now = now;
    this.#windowMs = windowMs;
  }

  /** True when `message` may be reported now (and counts it as reported). */
  allow(message: string): boolean {
    const now = this.#now();
    const last = this.#last.get(message);
    if (last !== undefined && now - last < this.#windowMs) return false;
    this.#last.set(message, now);
    // A flood of distinct messages: forget those whose window has passed.
    if (this.#last.size > 50) for (const [text, at] of this.#last) if (now - at >= this.#windowMs) this.#last.delete(text);
    return true;
  }
}
