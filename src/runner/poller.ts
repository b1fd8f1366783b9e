import { isAbortError } from '../client/retry.js';
import { asApiError } from './messages.js';
import type { RunnerPort } from './runner-port.js';

/** Re-reads the execution every `intervalMs` while `AWAITING`; transient failures poll again. One timer at most. */
export class Poller {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #intervalMs: number;
  readonly #port: RunnerPort;

  constructor(intervalMs: number, port: RunnerPort) {
    this.#intervalMs = intervalMs;
    this.#port = port;
  }

  /** Sets the timer for the next poll, unless one is set. */
  schedule(): void {
    if (this.#timer !== undefined || !this.#port.client()) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#poll();
    }, this.#intervalMs);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #poll(): Promise<void> {
    const port = this.#port;
    const client = port.client();
    if (!client) return;
    const signal = port.signal();
    try {
      const execution = await client.getExecution(signal);
      if (!signal.aborted) port.show(execution, false);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const apiError = asApiError(error);
      // A refused token or a 404 is for the failure handling; anything transient polls again.
      if (apiError.recoverable && !apiError.tokenRefused) this.schedule();
      else port.failures().fail(apiError, { kind: 'load' });
    }
  }
}
