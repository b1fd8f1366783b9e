import type { WidgetExecution } from '../schema/api-types.js';
import type { ApiError } from '../client/errors.js';
import { isAbortError } from '../client/retry.js';
import type { WidgetClient } from '../client/widget-client.js';
import { asApiError } from './messages.js';

/** What the poller needs from the controller. */
export interface PollHost {
  /** The client, or null when there is nothing to poll with (no token, expired). */
  client(): WidgetClient | null;
  signal(): AbortSignal;
  /** A fresh execution arrived. */
  show(execution: WidgetExecution): void;
  /** A poll failed for good (a refused token, a 404): the controller handles it. */
  failed(error: ApiError): void;
}

/** Re-reads the execution every `intervalMs` while `AWAITING`; transient failures poll again. One timer at most. */
export class Poller {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #intervalMs: number;
  readonly #host: PollHost;

  constructor(intervalMs: number, host: PollHost) {
    this.#intervalMs = intervalMs;
    this.#host = host;
  }

  /** Sets the timer for the next poll, unless one is set. */
  schedule(): void {
    if (this.#timer !== undefined || !this.#host.client()) return;
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
    const client = this.#host.client();
    if (!client) return;
    const signal = this.#host.signal();
    try {
      const execution = await client.getExecution(signal);
      if (!signal.aborted) this.#host.show(execution);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const apiError = asApiError(error);
      if (apiError.recoverable && !apiError.tokenRefused) this.schedule();
      else this.#host.failed(apiError);
    }
  }
}
