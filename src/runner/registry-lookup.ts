import type { RegistryRecord } from '../client/api-types.js';
import type { ApiError } from '../client/errors.js';
import { isAbortError } from '../client/retry.js';
import type { WidgetClient } from '../client/widget-client.js';
import { asApiError } from './messages.js';
import type { RegistryLookupState } from './view-model.js';

/** What a lookup reports back. */
export interface LookupCallbacks {
  found(record: RegistryRecord): void;
  /** A failure other than "no such company" (404, shown as `not-found`). */
  failed(error: ApiError): void;
  changed(): void;
}

/** The registry-lookup state: one search at a time, a new one aborting the previous. */
export class RegistryLookup {
  state: RegistryLookupState = { status: 'idle' };
  #abort: AbortController | null = null;

  /** Searches `registryNumber`; `session` aborts it together with the controller's other work. */
  async search(client: WidgetClient, registryNumber: string, session: AbortSignal, callbacks: LookupCallbacks): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const signal = AbortSignal.any([abort.signal, session]);
    this.state = { status: 'searching' };
    callbacks.changed();
    try {
      const record = await client.lookupRegistry(registryNumber, signal);
      if (signal.aborted) return;
      this.state = { status: 'found', record };
      callbacks.found(record);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const apiError = asApiError(error);
      this.state = { status: apiError.code === 'not-found' ? 'not-found' : 'error' };
      if (apiError.code !== 'not-found') callbacks.failed(apiError);
    } finally {
      if (this.#abort === abort) this.#abort = null;
      callbacks.changed();
    }
  }

  /** Aborts a search in flight (its state goes back to idle). */
  abort(): void {
    this.#abort?.abort();
    this.#abort = null;
    if (this.state.status === 'searching') this.state = { status: 'idle' };
  }

  /** Aborts and forgets everything. */
  reset(): void {
    this.abort();
    this.state = { status: 'idle' };
  }
}
