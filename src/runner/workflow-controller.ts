import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WidgetExecution } from '../client/api-types.js';
import type { ApiError } from '../client/errors.js';
import { isAbortError, type RetryPolicy } from '../client/retry.js';
import { WidgetClient } from '../client/widget-client.js';
import type { Emit } from '../events/events.js';
import { resolveLocale } from '../i18n/localize.js';
import { message, serverText, type Message } from '../i18n/message.js';
import { Announcer } from './announcer.js';
import { applyCssVariables, focusField, focusStepHeading } from './host-effects.js';
import { actionLanded, resync } from './recovery.js';
import { asApiError, bannerFor } from './messages.js';
import { Poller } from './poller.js';
import { RunnerActionsImpl, type PendingAction } from './runner-actions.js';
import { RunnerState } from './runner-state.js';
import { UploadManager } from './uploads.js';
import type { RunnerActions, RunnerPhase, RunnerViewModel } from './view-model.js';

/** Options of `new WorkflowController(host, options)`. */
export interface WorkflowControllerOptions {
  /** Fires a `tl-` event from the element. */
  emit: Emit;
  /** The language the host asked for (`locale` / `lang`); resolved to a catalogue language. */
  locale: () => string;
  /** The API refused the token as expired (401 `token-expired`): the element fires `tl-token-expired`. */
  onTokenRejected?: () => void;
  /** Retry policy of the client (tests shrink it). */
  retry?: RetryPolicy;
  /** Deadline of one request attempt in ms (see `WidgetClientOptions.timeoutMs`); read at each token. */
  timeoutMs?: () => number | undefined;
  /** Interval of `getExecution` polls while `AWAITING`, in ms. Default 2000. */
  pollIntervalMs?: number;
}

type Host = ReactiveControllerHost & HTMLElement;

const PHASE_BY_STATUS: Record<WidgetExecution['status'], RunnerPhase> = {
  RUNNING: 'running',
  AWAITING: 'awaiting',
  COMPLETED: 'complete',
  CANCELLED: 'cancelled',
  EXPIRED: 'error',
};

/**
 * Runs one workflow execution for `<tl-workflow>`: loads it with the widget token, keeps the
 * user's input (drafts by step id, over the saved values), saves steps, uploads files, polls while
 * AWAITING, and fires `tl-ready`, `tl-step-change`, `tl-complete`, `tl-cancel` and `tl-error`
 * through `options.emit`. Input survives re-renders, failures, token expiry and token swaps for the
 * same execution. State lives in `RunnerState`; this class does the I/O, timers, events and focus.
 */
export class WorkflowController implements ReactiveController {
  /** The intents the views report (see `RunnerActions`). Stable for the controller's lifetime. */
  readonly actions: RunnerActions;
  readonly host: Host;
  /** @internal The runner's state (read and changed by the actions). */
  readonly state = new RunnerState();
  /** @internal Uploads of `file` fields. */
  readonly uploads: UploadManager;
  readonly #options: WorkflowControllerOptions;
  readonly #announcer: Announcer;
  #token: string | null = null;
  #apiBase = '';
  #client: WidgetClient | null = null;
  /** Aborted (and replaced) on a token swap, expiry, stop and disconnect. */
  #session = new AbortController();
  /** The user's request in flight (save, back, cancel); aborted when Cancel overrides it. */
  #request: AbortController | null = null;
  #connected = false;
  readonly #poller: Poller;
  #cssNames: string[] = [];
  #flushScheduled = false;

  constructor(host: Host, options: WorkflowControllerOptions) {
    this.host = host;
    this.#options = options;
    this.#announcer = new Announcer(options.emit);
    this.uploads = new UploadManager({
      client: () => this.client,
      changed: () => this.changed(),
      stored: (stepId, path, ref) => this.state.storeFile(stepId, path, ref),
      failed: (error) => (error.tokenExpired ? this.#tokenRejected() : this.#report(error)),
      refused: (reason) => this.reportLocal('upload-failed', reason),
    });
    this.#poller = new Poller(options.pollIntervalMs ?? 2000, {
      client: () => (this.#connected ? this.client : null),
      signal: () => this.#session.signal,
      show: (execution) => this.show(execution, false),
      failed: (error) => (error.tokenExpired ? this.#tokenRejected() : this.#fail(error, { kind: 'load' })),
    });
    this.actions = new RunnerActionsImpl(this);
    host.addController(this);
  }

  /** `idle` until a token arrives, then the phase of the runner. */
  get phase(): RunnerPhase | 'idle' {
    return this.state.phase;
  }

  /** The id of the execution being run (the `workflowId` of every event), or null before it loaded. */
  get workflowId(): string | null {
    return this.state.execution?.id ?? null;
  }

  /** The loaded execution, or null. */
  get execution(): WidgetExecution | null {
    return this.state.execution;
  }

  /** Everything the views render, built fresh from the state. */
  get view(): RunnerViewModel {
    return this.state.view(this.locale, this.uploads.forStep(this.state.displayedStepId, this.locale), this.#dateLocale);
  }

  /** The locale as asked for, when `Intl` knows it (`en-GB` writes dates day first, `en` month first). */
  get #dateLocale(): string | undefined {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf(this.#options.locale())[0];
    } catch {
      return undefined; // not a BCP 47 tag
    }
  }

  /** The resolved language of the widget's own texts. */
  get locale(): string {
    return resolveLocale(this.#options.locale());
  }

  /** @internal The client, unless there is no token or it expired. */
  get client(): WidgetClient | null {
    return this.state.tokenExpired ? null : this.#client;
  }

  /** @internal Aborted when the token changes or expires, or the host goes away. */
  get sessionSignal(): AbortSignal {
    return this.#session.signal;
  }

  /** Starts the runner with its first token, or swaps in a new one (same execution: nothing typed is lost). */
  setToken(token: string, apiBase: string): void {
    if (token === this.#token && apiBase === this.#apiBase && this.#client && !this.state.tokenExpired) return;
    this.#abortWork();
    this.#token = token;
    this.#apiBase = apiBase;
    this.#client = new WidgetClient({ apiBase, token, retry: this.#options.retry, timeoutMs: this.#options.timeoutMs?.() });
    this.state.tokenExpired = false;
    if (this.state.banner?.code === 'unauthorized') this.state.banner = null;
    if (this.state.phase === 'idle') this.state.phase = 'loading';
    if (this.#connected) void this.load();
    this.changed();
  }

  /** The token expired: stop sending, keep every input, show it (`view.tokenExpired`). No `tl-error`. */
  tokenExpired(): void {
    if (this.state.tokenExpired) return;
    this.state.tokenExpired = true;
    this.#abortWork();
    this.changed();
  }

  /** Stops everything: requests, uploads, polls. Input and the loaded execution are kept for a later token. */
  stop(): void {
    this.#abortWork();
    this.#token = null;
    this.#client = null;
    if (!this.state.execution) this.state.phase = 'idle';
    this.changed();
  }

  hostConnected(): void {
    this.#connected = true;
    this.uploads.restorePreviews();
    if (this.client) void this.load();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#abortWork();
    this.uploads.releasePreviews();
  }

  /** Requests a render and, after it, fires the pending events and moves focus. */
  changed(): void {
    this.host.requestUpdate();
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    void this.host.updateComplete.then(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  /** @internal Loads (or reloads) the execution. A different execution than the one shown resets the state. */
  async load(): Promise<void> {
    const client = this.client;
    if (!client || this.state.loading) return;
    const signal = this.#session.signal;
    this.state.loading = true;
    if (!this.state.execution) this.state.phase = 'loading';
    try {
      const execution = await client.getExecution(signal);
      if (signal.aborted) return;
      this.state.loading = false;
      // A save cut off in flight (token swap, removal) that the server applied: as if it had answered.
      const failed = this.state.failed;
      const before = this.state.execution;
      if (failed?.kind === 'save' && before && actionLanded(failed, before, execution)) this.succeeded(failed, execution);
      else this.show(execution, true);
      this.uploads.resume();
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      this.state.loading = false;
      this.#fail(error, { kind: 'load' });
    }
  }

  /**
   * @internal Runs a request of the user (save, back, cancel), marking the runner busy; one at a
   * time (a second submit while one is in flight is ignored), but a cancel overrides whatever is in
   * flight. The answer replaces the execution.
   */
  async run(action: PendingAction, request: (client: WidgetClient, signal: AbortSignal) => Promise<WidgetExecution>): Promise<void> {
    const client = this.client;
    const state = this.state;
    if (!client) return;
    if (state.busy) {
      if (action.kind !== 'cancel' || state.inFlight?.kind === 'cancel') return;
      this.#abortRequest();
    }
    const controller = new AbortController();
    const session = this.#session.signal;
    session.addEventListener('abort', () => controller.abort(session.reason), { once: true });
    const signal = controller.signal;
    this.#request = controller;
    state.busy = true;
    state.inFlight = action;
    state.banner = null;
    this.changed();
    try {
      const execution = await request(client, signal);
      if (signal.aborted) return;
      this.#request = null;
      state.busy = false;
      state.inFlight = null;
      this.succeeded(action, execution);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      this.#request = null;
      state.busy = false;
      state.inFlight = null;
      this.#fail(error, action);
    } finally {
      this.changed();
    }
  }

  /** Aborts the user's request in flight; a save keeps its key for when it is sent again. */
  #abortRequest(): void {
    this.#request?.abort();
    this.#request = null;
    const state = this.state;
    if (state.inFlight?.kind === 'save') state.failed = state.inFlight;
    state.inFlight = null;
    state.busy = false;
  }

  /** @internal A request of the user succeeded (or, its answer lost, is known to have been applied). */
  succeeded(action: PendingAction, execution: WidgetExecution): void {
    const state = this.state;
    if (state.failed === action) {
      state.failed = null;
      state.banner = null;
    }
    if (action.kind === 'cancel') state.confirmingCancel = false;
    this.show(execution, false);
    // Only now that a checked execution is shown are the sent drafts forgotten.
    if (action.kind === 'save') {
      state.drafts.saved(action.stepId, action.values);
      state.fieldErrors = {};
    }
    if (action.kind === 'cancel' && execution.status === 'CANCELLED') this.#announcer.cancelled(execution.id);
  }

  /**
   * @internal The views could not draw the execution (a shape the client check let through): the
   * error screen instead, `tl-error` `unexpected`, and "Try again" reloads.
   */
  renderFailed(error: unknown): void {
    const state = this.state;
    if (state.phase === 'error' && !state.execution) throw error;
    state.execution = null;
    state.displayedStepId = null;
    state.failed = { kind: 'load' };
    state.phase = 'error';
    const apiError = asApiError(error);
    state.banner = bannerFor(apiError);
    this.#report(apiError);
  }

  /** @internal Looks a company up; pre-fills the lookup step and the step it `prefills`. */
  lookup(registryNumber: string): void {
    const client = this.client;
    const step = this.state.step;
    if (!client || !step) return;
    void this.state.registry.search(client, registryNumber, this.#session.signal, {
      found: (record) => {
        this.state.prefill(step.id, record);
        if (step.prefills) this.state.prefill(step.prefills, record);
      },
      failed: (error) => this.#report(error),
      changed: () => this.changed(),
    });
  }

  /** Handles a failed request: token expiry, field errors, or a banner with "Try again". */
  #fail(error: unknown, action: PendingAction): void {
    const apiError = asApiError(error);
    const state = this.state;
    if (apiError.tokenExpired) {
      state.failed = action;
      this.#tokenRejected();
      return;
    }
    const paths = Object.keys(apiError.fieldErrors);
    if (apiError.code === 'validation' && paths.length > 0) {
      // The server's own texts, in the execution's language.
      const lang = state.execution?.locale;
      state.fieldErrors = Object.fromEntries(
        Object.entries(apiError.fieldErrors).map(([path, text]): [string, Message] => [path, serverText(text, lang)]),
      );
      state.focusPath = paths[0]!;
    } else {
      state.banner = bannerFor(apiError);
      state.failed = action;
      if (!state.execution) state.phase = 'error';
    }
    this.#report(apiError);
    // The server may have done the work, or the workflow changed elsewhere: re-read it (never in a
    // loop of failing loads; not after a refusal at the fields).
    if (action.kind !== 'load' && state.execution && apiError.code !== 'validation' && apiError.code !== 'unauthorized') {
      void resync(this, action, apiError.code === 'conflict');
    }
    this.changed();
  }

  /** @internal Makes `execution` the one shown. `keepDisplay`: stay on the displayed step if it is still there. */
  show(execution: WidgetExecution, keepDisplay: boolean): void {
    const state = this.state;
    const previous = state.execution;
    if (previous?.id !== execution.id) {
      if (previous) {
        state.resetWorkflow();
        this.uploads.clear();
        this.#announcer.reset();
      }
      this.#cssNames = applyCssVariables(this.host, this.#cssNames, execution.uiOptions?.cssVariables);
    }
    state.execution = execution;
    const keep =
      keepDisplay &&
      execution.status === 'RUNNING' &&
      state.displayedStepId !== null &&
      execution.definitions.some((d) => d.id === state.displayedStepId);
    if (!keep) state.displayedStepId = execution.status === 'RUNNING' ? execution.currentStepId : null;
    state.phase = PHASE_BY_STATUS[execution.status];
    // The user's part is over: nothing more can be uploaded.
    if (execution.status !== 'RUNNING') this.uploads.clear();
    if (execution.status === 'EXPIRED' && !(previous?.id === execution.id && previous.status === 'EXPIRED')) {
      state.banner = { code: 'conflict', message: message('runner.error.expired'), retryable: false };
      this.#options.emit('tl-error', { code: 'conflict', message: 'The workflow has expired.', recoverable: false });
    }
    if (execution.status === 'AWAITING') this.#poller.schedule();
    else this.#poller.clear();
    this.changed();
  }

  /**
   * @internal Fires `tl-error` for a problem the widget found itself before sending anything:
   * answers its own validation refused (`validation`) or a file it refused by type or size
   * (`upload-failed`). The rule: every error the user is shown fires one `tl-error`.
   */
  reportLocal(code: 'validation' | 'upload-failed', message: string): void {
    this.#options.emit('tl-error', { code, message, recoverable: true });
  }

  #report(error: ApiError): void {
    this.#options.emit('tl-error', { code: error.code, message: error.message, recoverable: error.recoverable });
  }

  #tokenRejected(): void {
    this.tokenExpired();
    this.#options.onTokenRejected?.();
  }

  /** Aborts requests, uploads (kept for resumption), lookups and polls. */
  #abortWork(): void {
    this.#session.abort();
    this.#session = new AbortController();
    this.state.registry.abort();
    this.uploads.interruptAll();
    this.#poller.clear();
    // A save cut off in flight may have reached the server: sending it again must reuse its key.
    this.#abortRequest();
    this.state.loading = false;
  }

  /** After a render: `tl-ready`, `tl-step-change` (+ heading focus), `tl-complete`, field focus. */
  #flush(): void {
    const { execution, phase, displayedStepId, focusPath } = this.state;
    if (!execution || !this.#connected) return;
    if (this.#announcer.flush(execution, phase, displayedStepId)) focusStepHeading(this.host);
    if (focusPath !== null) {
      this.state.focusPath = null;
      focusField(this.host, focusPath);
    }
  }
}
