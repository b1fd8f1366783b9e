/**
 * Timers that fire only when the test says so, for the client's `timers` option: a deadline, an
 * upload stall or a retry delay is armed here and nothing happens until `fire()`, however slow or
 * fast the machine is.
 */
import type { Timers } from '../../src/client/timers.js';

export class ManualTimers implements Timers {
  readonly #armed = new Map<number, { callback: () => void; ms: number }>();
  #next = 0;

  setTimeout(callback: () => void, ms: number): number {
    this.#next += 1;
    this.#armed.set(this.#next, { callback, ms });
    return this.#next;
  }

  clearTimeout(handle: unknown): void {
    this.#armed.delete(handle as number);
  }

  /** The delays of the timers armed now, in the order they were armed. */
  get armed(): number[] {
    return [...this.#armed.values()].map((timer) => timer.ms);
  }

  /** Fires every timer armed now whose delay is `ms` (all of them without `ms`); returns how many fired. */
  fire(ms?: number): number {
    const due = [...this.#armed].filter(([, timer]) => ms === undefined || timer.ms === ms);
    for (const [handle, timer] of due) {
      this.#armed.delete(handle);
      timer.callback();
    }
    return due.length;
  }
}
