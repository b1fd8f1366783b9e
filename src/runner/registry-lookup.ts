import type { RegistryRecord } from '../schema/api-types.js';
import { isAbortError } from '../client/retry.js';
import { asApiError } from './messages.js';
import type { RunnerPort } from './runner-port.js';

/**
 * Registry lookups: one search at a time, a new one aborting the previous. Its state is the
 * runner state's `registry` (shown as `view.registry`); "no such company" (404) is `not-found`,
 * any other failure `error` and a `tl-error`.
 */
export class RegistryLookup {
  readonly #port: RunnerPort;
  #abort: AbortController | null = null;

  constructor(port: RunnerPort) {
    this.#port = port;
  }

  /** Searches `registryNumber`; `found` receives the company (to pre-fill the steps). */
  async search(registryNumber: string, found: (record: RegistryRecord) => void): Promise<void> {
    const port = this.#port;
    const { state } = port;
    const client = port.client();
    if (!client) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const signal = AbortSignal.any([abort.signal, port.signal()]);
    state.registry = { status: 'searching' };
    port.changed();
    try {
      const record = await client.lookupRegistry(registryNumber, signal);
      if (signal.aborted) return;
      state.registry = { status: 'found', record };
      found(record);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const apiError = asApiError(error);
      const notFound = apiError.code === 'not-found';
      state.registry = { status: notFound ? 'not-found' : 'error' };
      if (!notFound) port.failures().report(apiError);
    } finally {
      if (this.#abort === abort) this.#abort = null;
      port.changed();
    }
  }

  /** Aborts a search in flight (its state goes back to idle). */
  abort(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = null;
    this.#port.state.registry = { status: 'idle' };
  }
}
