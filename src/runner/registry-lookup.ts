import type { RegistryRecord } from '../schema/api-types.js';
import type { ApiError } from '../client/errors.js';
import { isAbortError } from '../client/retry.js';
import type { WidgetClient } from '../client/widget-client.js';
import { asApiError } from './messages.js';
import type { RegistryLookupState } from './view-model.js';

/** What the registry lookup needs from the controller. */
export interface LookupHost {
  /** The client, unless there is no token or it expired. */
  client(): WidgetClient | null;
  /** Aborted together with the controller's other work. */
  signal(): AbortSignal;
  /** Stores the lookup's state (shown as `view.registry`); the lookup calls `changed()` when it should show. */
  store(state: RegistryLookupState): void;
  changed(): void;
  /** A failure other than "no such company" (404, shown as `not-found`). */
  failed(error: ApiError): void;
}

/** Registry lookups: one search at a time, a new one aborting the previous. The state lives with the host. */
export class RegistryLookup {
  readonly #host: LookupHost;
  #abort: AbortController | null = null;

  constructor(host: LookupHost) {
    this.#host = host;
  }

  /** Searches `registryNumber`; `found` receives the company (to pre-fill the steps). */
  async search(registryNumber: string, found: (record: RegistryRecord) => void): Promise<void> {
    const client = this.#host.client();
    if (!client) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const signal = AbortSignal.any([abort.signal, this.#host.signal()]);
    this.#host.store({ status: 'searching' });
    this.#host.changed();
    try {
      const record = await client.lookupRegistry(registryNumber, signal);
      if (signal.aborted) return;
      this.#host.store({ status: 'found', record });
      found(record);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const apiError = asApiError(error);
      this.#host.store({ status: apiError.code === 'not-found' ? 'not-found' : 'error' });
      if (apiError.code !== 'not-found') this.#host.failed(apiError);
    } finally {
      if (this.#abort === abort) this.#abort = null;
      this.#host.changed();
    }
  }

  /** Aborts a search in flight (its state goes back to idle). */
  abort(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = null;
    this.#host.store({ status: 'idle' });
  }
}
