import type { WidgetExecution } from '../schema/api-types.js';
import { isAbortError } from '../client/retry.js';
import type { WidgetClient } from '../client/widget-client.js';
import type { UserAction } from './pending-action.js';
import type { RunnerPort } from './runner-port.js';

/** Sends `action` with `client` under `signal`; the answer is the execution after it. */
function send(client: WidgetClient, action: UserAction, signal: AbortSignal): Promise<WidgetExecution> {
  if (action.kind === 'save') return client.saveStep(action.stepId, action.values, action.key, signal);
  return action.kind === 'back' ? client.back(action.stepId, signal) : client.cancel(signal);
}

/**
 * The user's requests (save, back, cancel), marking the runner busy: one at a time (a second
 * submit while one is in flight is ignored), but a cancel overrides whatever is in flight. The
 * answer replaces the execution; a failure goes to the port's `failures()`.
 */
export class UserRequests {
  readonly #port: RunnerPort;
  /** The request in flight; aborted when Cancel overrides it, or with the session. */
  #request: AbortController | null = null;

  constructor(port: RunnerPort) {
    this.#port = port;
  }

  async run(action: UserAction): Promise<void> {
    const port = this.#port;
    const { state } = port;
    const client = port.client();
    if (!client) return;
    if (state.busy) {
      if (action.kind !== 'cancel' || state.inFlight?.kind === 'cancel') return;
      this.abort();
    }
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, port.signal()]);
    this.#request = controller;
    state.busy = true;
    state.inFlight = action;
    state.banner = null;
    port.changed();
    try {
      const execution = await send(client, action, signal);
      if (signal.aborted) return;
      this.#settle();
      port.succeeded(action, execution);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      this.#settle();
      port.failures().fail(error, action);
    } finally {
      port.changed();
    }
  }

  /** Aborts the request in flight; a save keeps its key for when it is sent again. */
  abort(): void {
    this.#request?.abort();
    const { state } = this.#port;
    if (state.inFlight?.kind === 'save') state.failed = state.inFlight;
    this.#settle();
  }

  #settle(): void {
    this.#request = null;
    this.#port.state.busy = false;
    this.#port.state.inFlight = null;
  }
}
