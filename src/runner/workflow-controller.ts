import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WidgetExecution } from '../schema/api-types.js';
import type { TokenRefusal } from '../client/errors.js';
import type { RetryPolicy } from '../client/retry.js';
import { WidgetClient } from '../client/widget-client.js';
import type { Emit } from '../events/events.js';
import { resolveLocale } from '../i18n/localize.js';
import { Announcer } from './announcer.js';
import { applyCssVariables, focusField, focusStepHeading } from './host-effects.js';
import { Failures } from './failures.js';
import { asApiError } from './messages.js';
import type { PendingAction } from './pending-action.js';
import { Poller } from './poller.js';
import { load } from './recovery.js';
import { RegistryLookup } from './registry-lookup.js';
import { RunnerActionsImpl } from './runner-actions.js';
import type { RunnerPort } from './runner-port.js';
import { RunnerState } from './runner-state.js';
import type { Uploads } from './part-contract.js';
import { StepParts, type LoadedStepPart, type LoadStepPart } from './step-parts.js';
import { UserRequests } from './user-requests.js';
import type { RunnerActions, RunnerPhase, RunnerViewModel } from './view-model.js';

/** Options of `new WorkflowController(host, options)`. */
export interface WorkflowControllerOptions {
  /** Fires a `tl-` event from the element. */
  emit: Emit;
  /** The language the host asked for (`locale` / `lang`); resolved to a catalogue language. */
  locale: () => string;
  /**
   * The API refused the token (401), saying it expired (`expired`) or not (`invalid`). The token's
   * owner (the element's token lifecycle) decides whether it has expired and, if so, calls
   * `tokenExpired()` before returning; otherwise the refusal is an `unauthorized` error.
   */
  tokenRefused: (refusal: TokenRefusal) => void;
  /** Retry policy of the client (tests shrink it). */
  retry?: RetryPolicy;
  /** Deadline of one request attempt in ms (see `WidgetClientOptions.timeoutMs`); read at each token. */
  timeoutMs?: () => number | undefined;
  /** Interval of `getExecution` polls while `AWAITING`, in ms. Default 2000. */
  pollIntervalMs?: number;
  /** Loads the parts that steps other than plain forms need (src/engines/step-parts.ts). */
  loadPart: LoadStepPart;
  /** The parts already on the page (the validation is then used at once); none by default. */
  loadedPart?: LoadedStepPart;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Runs one workflow execution for `<tl-workflow>`: loads it with the widget token, keeps the
 * user's input (drafts by step id, over the saved values), saves steps, uploads files, polls while
 * AWAITING, and fires `tl-ready`, `tl-step-change`, `tl-complete`, `tl-cancel` and `tl-error`
 * through `options.emit`. Input survives re-renders, failures, token expiry and token swaps for the
 * same execution. State lives in `RunnerState`; this class does the I/O, timers, events and focus,
 * and lends its parts (actions, uploads, lookups, requests) only the narrow ports they need.
 */
export class WorkflowController implements ReactiveController {
  /** The intents the views report (see `RunnerActions`). Stable for the controller's lifetime. */
  readonly actions: RunnerActions;
  readonly host: Host;
  readonly #state = new RunnerState();
  readonly #options: WorkflowControllerOptions;
  readonly #announcer: Announcer;
  /** Set once the upload part is here. */
  #uploads: Uploads | null = null;
  readonly #parts: StepParts;
  readonly #poller: Poller;
  readonly #lookup: RegistryLookup;
  readonly #requests: UserRequests;
  readonly #failures: Failures;
  readonly #port: RunnerPort;
  /** The client of the current token (the one place the token is held); null without one. */
  #client: WidgetClient | null = null;
  /** Aborted (and replaced) on a token swap, expiry, stop and disconnect. */
  #session = new AbortController();
  #connected = false;
  #cssNames: string[] = [];
  #flushScheduled = false;

  constructor(host: Host, options: WorkflowControllerOptions) {
    this.host = host;
    this.#options = options;
    this.#announcer = new Announcer(options.emit);
    const state = this.#state;
    const port: RunnerPort = {
      state,
      uploads: () => this.#uploads,
      parts: () => this.#parts,
      failures: () => this.#failures,
      client: () => (this.#connected && !state.tokenExpired ? this.#client : null),
      signal: () => this.#session.signal,
      changed: () => this.changed(),
      load: () => void load(port),
      run: (action) => void this.#requests.run(action),
      lookup: (registryNumber, found) => void this.#lookup.search(registryNumber, found),
      succeeded: (action, execution) => this.#succeeded(action, execution),
      show: (execution, keepDisplay) => this.#show(execution, keepDisplay),
    };
    this.#port = port;
    this.#parts = new StepParts(port, options.loadPart, (part) => {
      if (part.uploads && !this.#uploads) this.#uploads = part.uploads(port);
    }, options.loadedPart);
    this.#poller = new Poller(options.pollIntervalMs ?? 2000, port);
    this.#lookup = new RegistryLookup(port);
    this.#failures = new Failures(port, options);
    this.#requests = new UserRequests(port);
    this.actions = new RunnerActionsImpl(port);
    host.addController(this);
  }

  /** `idle` until a token arrives, then the phase of the runner. */
  get phase(): RunnerPhase | 'idle' {
    return this.#state.phase;
  }

  /** The loaded execution, or null. */
  get execution(): WidgetExecution | null {
    return this.#state.execution;
  }

  /** Everything the views render, built fresh from the state. */
  get view(): RunnerViewModel {
    const state = this.#state;
    // The locale as asked for (`en-GB`): the views check it with `Intl` only where they draw a date.
    const view = state.view(this.locale, this.#uploads?.forStep(state.displayedStepId, this.locale) ?? {}, this.#options.locale() || undefined);
    view.stepPart = this.#parts.missing(view.step);
    return view;
  }

  /** The resolved language of the widget's own texts. */
  get locale(): string {
    return resolveLocale(this.#options.locale());
  }

  /** Starts the runner with its first token, or swaps in a new one (same execution: nothing typed is lost). */
  setToken(token: string, apiBase: string): void {
    this.#abortWork();
    this.#client = new WidgetClient({ apiBase, token, retry: this.#options.retry, timeoutMs: this.#options.timeoutMs?.() });
    this.#state.tokenExpired = false;
    if (this.#state.banner?.code === 'unauthorized') this.#state.banner = null;
    if (this.#state.phase === 'idle') this.#state.phase = 'loading';
    if (this.#connected) this.#port.load();
    this.changed();
  }

  /** The same token against another API base (nothing happens when the base is the same). */
  setApiBase(apiBase: string): void {
    const client = this.#client;
    if (!client || client.apiBase === WidgetClient.normalizeBase(apiBase)) return;
    this.#abortWork();
    this.#client = client.with({ apiBase, timeoutMs: this.#options.timeoutMs?.() });
    if (this.#connected) this.#port.load();
    this.changed();
  }

  /** The token expired: stop sending, keep every input, show it (`view.tokenExpired`). No `tl-error`. */
  tokenExpired(): void {
    if (this.#state.tokenExpired) return;
    this.#state.tokenExpired = true;
    this.#abortWork();
    this.changed();
  }

  /** Stops everything: requests, uploads, polls. Input and the loaded execution are kept for a later token. */
  stop(): void {
    this.#abortWork();
    this.#client = null;
    if (!this.#state.execution) this.#state.phase = 'idle';
    this.changed();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#uploads?.restorePreviews();
    this.#port.load();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#abortWork();
    this.#uploads?.releasePreviews();
  }

  /** Requests a render (loading the parts the displayed step needs) and, after it, fires the pending events and moves focus. */
  changed(): void {
    this.#parts.need();
    this.host.requestUpdate();
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    void this.host.updateComplete.then(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  /**
   * The views could not draw the execution (a shape the client check let through): the error
   * screen instead, `tl-error` `unexpected`, and "Try again" reloads.
   */
  renderFailed(error: unknown): void {
    if (this.#state.phase === 'error' && !this.#state.execution) throw error;
    const apiError = asApiError(error);
    this.#state.unrenderable(apiError);
    this.#failures.report(apiError);
  }

  /** A request of the user succeeded (or, its answer lost, is known to have been applied). */
  #succeeded(action: PendingAction, execution: WidgetExecution): void {
    this.#state.answered(action);
    this.#show(execution, false);
    // Only now that a checked execution is shown are the sent drafts forgotten.
    if (action.kind === 'save') this.#state.saved(action);
    if (action.kind === 'cancel' && execution.status === 'CANCELLED') this.#announcer.cancelled(execution.id);
  }

  /** Makes `execution` the one shown. `keepDisplay`: stay on the displayed step if it is still there. */
  #show(execution: WidgetExecution, keepDisplay: boolean): void {
    const { previous, expired } = this.#state.show(execution, keepDisplay);
    if (previous?.id !== execution.id) {
      if (previous) {
        this.#uploads?.remove();
        this.#lookup.abort();
        this.#announcer.reset();
      }
      this.#cssNames = applyCssVariables(this.host, this.#cssNames, execution.uiOptions?.cssVariables);
    }
    // The user's part is over: nothing more can be uploaded.
    if (execution.status !== 'RUNNING') this.#uploads?.remove();
    if (expired) this.#options.emit('tl-error', { code: 'conflict', message: 'The workflow has expired.', recoverable: false });
    if (execution.status === 'AWAITING') this.#poller.schedule();
    else this.#poller.clear();
    this.changed();
  }

  /** Aborts requests, uploads (kept for resumption), lookups and polls. */
  #abortWork(): void {
    this.#session.abort();
    this.#session = new AbortController();
    this.#lookup.abort();
    this.#uploads?.interruptAll();
    this.#poller.clear();
    // A save cut off in flight may have reached the server: sending it again must reuse its key.
    this.#requests.abort();
    this.#state.loading = false;
  }

  /** After a render: `tl-ready`, `tl-step-change` (+ heading focus), `tl-complete`, field focus. */
  #flush(): void {
    const { execution, phase, displayedStepId, focusPath } = this.#state;
    if (!execution || !this.#connected) return;
    // A step whose part is still on its way is not drawn yet: `tl-ready` waits until it is.
    const drawn = this.#parts.missing(this.#state.step) === null;
    if (this.#announcer.flush(execution, drawn ? phase : 'loading', displayedStepId)) focusStepHeading(this.host);
    // A step is on screen: every part the workflow needs is fetched now, before the user needs it.
    if (phase === 'running') this.#parts.prefetch(execution.definitions);
    if (focusPath !== null) {
      this.#state.focusPath = null;
      focusField(this.host, focusPath);
    }
  }
}
