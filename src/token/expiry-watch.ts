/** The largest delay `setTimeout` honours (2^31-1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The default lead time of the expiry warning, in seconds (`expiry-warning`). */
const DEFAULT_WARNING_SECONDS = 60;

/** The longest accepted lead time of the warning: one year, in seconds. */
const MAX_WARNING_SECONDS = 365 * 24 * 3600;

/**
 * A usable warning lead time: a number of seconds from 0 to one year; anything else (`NaN` from
 * `expiry-warning="abc"`, `Infinity`, negative numbers, not a number) is the default.
 */
function warningSeconds(value: unknown): number {
  return typeof value === 'number' && value >= 0 && value <= MAX_WARNING_SECONDS ? value : DEFAULT_WARNING_SECONDS;
}

export interface ExpiryWatchCallbacks {
  /** `warningSeconds` before expiry. Called at most once per watch, however often `watch()` re-arms it. */
  onExpiring(secondsLeft: number): void;
  /** At expiry. Called at most once per watch, however often `watch()` re-arms it. */
  onExpired(): void;
}

/**
 * Watches one token's expiry (one watch per token) with a single timer (no polling): the timer is set for the next
 * moment that matters (the warning, then the expiry), split into steps of at most
 * `MAX_TIMEOUT_MS` for far-away expiries. Because timers stall while a laptop sleeps, the watch
 * re-checks the clock when the page becomes visible again and when the browser comes back online.
 *
 * `stop()` removes the timer and the listeners; `watch()` again re-arms them, remembering which
 * callbacks already ran so nothing fires twice.
 */
export class ExpiryWatch {
  #timer?: ReturnType<typeof setTimeout>;
  /** The expiry in ms: a valid date (decodeToken refuses a token whose `exp` is not one). */
  readonly #expiresAtMs: number;
  #warningMs = 0;
  #warned = false;
  #expired = false;
  #listening = false;
  readonly #callbacks: ExpiryWatchCallbacks;

  constructor(expiresAt: Date, callbacks: ExpiryWatchCallbacks) {
    this.#callbacks = callbacks;
    this.#expiresAtMs = expiresAt.getTime();
  }

  /** Starts (or restarts, after `stop()`) watching, warning `warning` seconds before expiry (see `warningSeconds`). */
  watch(warning: number): void {
    this.#warningMs = warningSeconds(warning) * 1000;
    this.#listen(true);
    this.#check();
  }

  /** Clears the timer and removes every listener. Nothing fires until `watch()` is called again. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#listen(false);
  }

  /** Adds (`true`) or removes (`false`) the wake-up listeners, once each. */
  #listen(on: boolean): void {
    if (this.#listening === on) return;
    this.#listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('visibilitychange', this.#onWake);
    window[method]('online', this.#onWake);
  }

  readonly #onWake = (): void => {
    if (document.visibilityState === 'hidden') return;
    this.#check();
  };

  /** Fires what is due, then sets the single timer for the next moment that matters. */
  #check = (): void => {
    clearTimeout(this.#timer);
    const now = Date.now();
    const warnAt = this.#expiresAtMs - this.#warningMs;
    if (!this.#expired && now >= this.#expiresAtMs) {
      this.#expired = true;
      this.#warned = true;
      this.#callbacks.onExpired();
    } else if (!this.#warned && now >= warnAt) {
      this.#warned = true;
      this.#callbacks.onExpiring(Math.max(0, Math.round((this.#expiresAtMs - now) / 1000)));
    }
    if (this.#expired) return;
    const next = this.#warned ? this.#expiresAtMs : warnAt;
    const delay = Math.min(Math.max(0, next - Date.now()), MAX_TIMEOUT_MS);
    this.#timer = setTimeout(this.#check, delay);
  };
}
