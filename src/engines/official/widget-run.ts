import { TRANSACTIONLINK_EVENTS, type TransactionLinkApi, type TransactionLinkEventName } from './transactionlink-api.js';

type Listener = (payload?: unknown) => void;

/**
 * One opening of TransactionLink's widget: the engine's listeners on it, which call `relay` until
 * the run ends. Ending a run cuts them first (a script that keeps them, or has no `off`, calls
 * listeners that do nothing), then unsubscribes them with `off` when the script has it, then
 * unmounts the widget (`unmountWidget`, else `close`). A restart is always a new run.
 */
export class WidgetRun {
  readonly api: TransactionLinkApi;
  /** TransactionLink said `widget-opened`: its widget is on screen. */
  opened = false;
  /** TransactionLink reported an error after opening: a fresh token restarts the widget. */
  failed = false;
  #relay: ((name: TransactionLinkEventName, payload: unknown) => void) | null;
  readonly #listeners: Array<[TransactionLinkEventName, Listener]> = [];

  constructor(api: TransactionLinkApi, relay: (name: TransactionLinkEventName, payload: unknown) => void) {
    this.api = api;
    this.#relay = relay;
  }

  get live(): boolean {
    return this.#relay !== null;
  }

  /** Hands the token over the way the script takes it: `setOptions({ token, ... })` or `setContext(token)`. */
  pass(token: string, inline: boolean): void {
    const api = this.api;
    if (api.setOptions) api.setOptions({ token, inline, autoHeight: inline });
    else api.setContext!(token);
  }

  /** Listens to the widget's events (when the script has `on`), then opens it. May throw: it is their code. */
  open(): void {
    const on = this.api.on;
    if (on) {
      for (const name of TRANSACTIONLINK_EVENTS) {
        const listener: Listener = (payload) => this.#relay?.(name, payload);
        this.#listeners.push([name, listener]);
        on.call(this.api, name, listener);
      }
    }
    this.api.open();
  }

  /** From now on the listeners do nothing. */
  cut(): void {
    this.#relay = null;
  }

  /** Cuts and unsubscribes the listeners and unmounts the widget; never throws (it is cleaning up). */
  end(): void {
    this.cut();
    const api = this.api;
    for (const [name, listener] of this.#listeners.splice(0)) quietly(() => api.off?.(name, listener));
    quietly(() => (api.unmountWidget ? api.unmountWidget() : api.close?.()));
  }
}

/** Runs a clean-up call into TransactionLink's script; what it throws changes nothing. */
function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // The run is over either way; its frame (or tag) is removed next.
  }
}
