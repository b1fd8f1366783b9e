import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldDefinition, FieldValue, FileRef, RegistryRecord, StepValues, WidgetExecution } from '../client/api-types.js';
import { Announcer } from './announcer.js';
import { Drafts } from './drafts.js';
import { RegistryLookup } from './registry-lookup.js';
import type { ApiError } from '../client/errors.js';
import type { RetryPolicy } from '../client/retry.js';
import { isAbortError } from '../client/retry.js';
import { WidgetClient } from '../client/widget-client.js';
import type { Emit } from '../events/events.js';
import { msg, resolveLocale } from '../i18n/localize.js';
import { applyCssVariables, focusField, focusStepHeading, removeCssVariables } from './host-effects.js';
import { asApiError, bannerFor, findField } from './messages.js';
import { RunnerActionsImpl, type PendingAction } from './runner-actions.js';
import { UploadManager } from './uploads.js';
import { validateStep } from './validate.js';
import { getPath } from './values.js';
import type { BannerState, RunnerActions, RunnerPhase, RunnerViewModel } from './view-model.js';

/** Options of `new WorkflowController(host, options)`. */
export interface WorkflowControllerOptions {
  /** Fires a `tl-` event from the element. */
  emit: Emit;
  /** The language the host asked for (`lang` / `locale` attribute); resolved to a catalogue language. */
  locale: () => string;
  /** The API refused the token as expired (401 `token-expired`): the element fires `tl-token-expired`. */
  onTokenRejected?: () => void;
  /** Retry policy of the client (tests shrink it). */
  retry?: RetryPolicy;
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
 * user's input (drafts by step id, over the saved values), saves steps, uploads files, and fires
 * `tl-ready`, `tl-step-change`, `tl-complete`, `tl-cancel` and `tl-error` through `options.emit`.
 * Input survives re-renders, failures, token expiry and token swaps for the same execution.
 */
export class WorkflowController implements ReactiveController {
  /** The intents the views report (see `RunnerActions`). Stable for the controller's lifetime. */
  readonly actions: RunnerActions;
  readonly host: Host;
  readonly uploads: UploadManager;
  readonly #options: WorkflowControllerOptions;
  #token: string | null = null;
  #apiBase = '';
  #client: WidgetClient | null = null;
  #session = new AbortController();
  #connected = false;
  #phase: RunnerPhase | 'idle' = 'idle';
  #execution: WidgetExecution | null = null;
  #displayedStepId: string | null = null;
  readonly #drafts = new Drafts();
  #fieldErrors: Record<string, string> = {};
  #busy = false;
  #loading = false;
  #tokenExpired = false;
  #banner: BannerState | null = null;
  #failed: PendingAction | null = null;
  #confirmingCancel = false;
  readonly #registry = new RegistryLookup();
  readonly #announcer: Announcer;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #cssNames: string[] = [];
  #focusPath: string | null = null;
  #flushScheduled = false;

  constructor(host: Host, options: WorkflowControllerOptions) {
    this.host = host;
    this.#options = options;
    this.#announcer = new Announcer(options.emit);
    this.uploads = new UploadManager({
      client: () => (this.#tokenExpired ? null : this.#client),
      locale: () => this.locale,
      changed: () => this.changed(),
      stored: (stepId, path, ref) => this.#storeFile(stepId, path, ref),
      failed: (error) => this.#handleUploadError(error),
    });
    this.actions = new RunnerActionsImpl(this);
    host.addController(this);
  }

  /** `idle` until a token arrives, then the phase of the runner. */
  get phase(): RunnerPhase | 'idle' {
    return this.#phase;
  }

  /** The id of the execution being run (the `workflowId` of every event), or null before it loaded. */
  get workflowId(): string | null {
    return this.#execution?.id ?? null;
  }

  /** The resolved language of the widget's own texts. */
  get locale(): string {
    return resolveLocale(this.#options.locale());
  }

  get execution(): WidgetExecution | null {
    return this.#execution;
  }

  get displayedStepId(): string | null {
    return this.#displayedStepId;
  }

  get busy(): boolean {
    return this.#busy;
  }

  get isTokenExpired(): boolean {
    return this.#tokenExpired;
  }

  get client(): WidgetClient | null {
    return this.#tokenExpired ? null : this.#client;
  }

  get sessionSignal(): AbortSignal {
    return this.#session.signal;
  }

  /** Everything the views render, built fresh from the state. */
  get view(): RunnerViewModel {
    const execution = this.#execution;
    const definitions = execution?.definitions ?? [];
    const stepIndex = definitions.findIndex((d) => d.id === this.#displayedStepId);
    const step = stepIndex >= 0 ? definitions[stepIndex]! : null;
    const allValues: Record<string, StepValues> = {};
    for (const definition of definitions) allValues[definition.id] = this.valuesOf(definition.id);
    return {
      locale: this.locale,
      phase: this.#phase === 'idle' ? 'loading' : this.#phase,
      execution,
      step,
      stepIndex: Math.max(0, stepIndex),
      stepCount: definitions.length,
      values: step ? this.valuesOf(step.id) : {},
      allValues,
      fieldErrors: { ...this.#fieldErrors },
      busy: this.#busy,
      tokenExpired: this.#tokenExpired,
      banner: this.#banner,
      uploads: this.uploads.forStep(this.#displayedStepId),
      confirmingCancel: this.#confirmingCancel,
      registry: this.#registry.state,
    };
  }

  /** Starts the runner with its first token, or swaps in a new one (same execution: nothing typed is lost). */
  setToken(token: string, apiBase: string): void {
    if (token === this.#token && apiBase === this.#apiBase && this.#client && !this.#tokenExpired) return;
    this.#abortWork();
    this.#token = token;
    this.#apiBase = apiBase;
    this.#client = new WidgetClient({ apiBase, token, retry: this.#options.retry });
    this.#tokenExpired = false;
    if (this.#banner?.code === 'unauthorized') this.#banner = null;
    if (this.#phase === 'idle') this.#phase = 'loading';
    if (this.#connected) void this.load();
    this.changed();
  }

  /** The token expired: stop sending, keep every input, show it (`view.tokenExpired`). No `tl-error`. */
  tokenExpired(): void {
    if (this.#tokenExpired) return;
    this.#tokenExpired = true;
    this.#abortWork();
    this.changed();
  }

  /** Stops everything: requests, uploads, polls. Input and the loaded execution are kept for a later token. */
  stop(): void {
    this.#abortWork();
    this.#token = null;
    this.#client = null;
    if (!this.#execution) this.#phase = 'idle';
    this.changed();
  }

  hostConnected(): void {
    this.#connected = true;
    this.uploads.restorePreviews();
    if (this.#client && !this.#tokenExpired) void this.load();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#abortWork();
    this.uploads.releasePreviews();
  }

  /** Requests a render and, after it, the pending events and focus moves. */
  changed(): void {
    this.host.requestUpdate();
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    void this.host.updateComplete.then(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  /** A step's values as the user sees them: the draft over the saved values. */
  valuesOf(stepId: string): StepValues {
    return this.#drafts.merged(stepId, this.#execution?.values[stepId]);
  }

  /** Sets one value of the displayed step's draft and clears the errors at and under `path`. */
  setDraftValue(path: string, value: FieldValue): void {
    const stepId = this.#displayedStepId;
    if (!stepId) return;
    this.#drafts.set(stepId, this.#execution?.values[stepId], path, value);
    this.clearErrorsUnder(path);
    this.changed();
  }

  clearErrorsUnder(path: string): void {
    const errors = Object.entries(this.#fieldErrors).filter(([p]) => p !== path && !p.startsWith(`${path}.`));
    this.#fieldErrors = Object.fromEntries(errors);
  }

  /** Validates the displayed step; shows and focuses the first error. Returns whether it is valid. */
  validateDisplayed(): boolean {
    const step = this.view.step;
    if (!step) return false;
    const errors = validateStep(step, this.valuesOf(step.id), this.locale, { uploading: this.uploads.pending(step.id) });
    this.#fieldErrors = errors;
    const first = Object.keys(errors)[0];
    if (first !== undefined) {
      this.#focusPath = first;
      this.changed();
    }
    return first === undefined;
  }

  /** Shows another (earlier) step locally, e.g. to edit it from the review screen. */
  display(stepId: string): void {
    this.#displayedStepId = stepId;
    this.#fieldErrors = {};
    this.#banner = null;
    this.changed();
  }

  setConfirmingCancel(open: boolean): void {
    this.#confirmingCancel = open;
    this.changed();
  }

  dismissBanner(): void {
    this.#banner = null;
    this.changed();
  }

  takeFailedAction(): PendingAction | null {
    const action = this.#failed;
    this.#failed = null;
    this.#banner = null;
    return action;
  }

  /** Loads (or reloads) the execution. A different execution than the one shown resets the state. */
  async load(): Promise<void> {
    const client = this.client;
    if (!client || this.#loading) return;
    const signal = this.#session.signal;
    this.#loading = true;
    if (!this.#execution) this.#phase = 'loading';
    try {
      const execution = await client.getExecution(signal);
      if (signal.aborted) return;
      this.#loading = false;
      this.applyExecution(execution, true);
      this.uploads.resume();
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      this.#loading = false;
      this.fail(error, { kind: 'load' });
    } finally {
      if (!signal.aborted) this.#loading = false;
    }
  }

  /**
   * Runs a request of the user (save, back, cancel) while marking the runner busy; a second one
   * while one is in flight is ignored. The answer replaces the execution.
   */
  async run(action: PendingAction, request: (client: WidgetClient, signal: AbortSignal) => Promise<WidgetExecution>): Promise<void> {
    const client = this.client;
    if (!client || this.#busy) return;
    const signal = this.#session.signal;
    this.#busy = true;
    this.#banner = null;
    this.changed();
    try {
      const execution = await request(client, signal);
      if (signal.aborted) return;
      this.#busy = false;
      if (action.kind === 'save') {
        this.#drafts.drop(action.stepId);
        this.#fieldErrors = {};
      }
      if (action.kind === 'cancel') this.#confirmingCancel = false;
      this.applyExecution(execution, false);
      if (action.kind === 'cancel' && execution.status === 'CANCELLED') this.#announcer.cancelled(execution.id);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      this.#busy = false;
      this.fail(error, action);
    } finally {
      if (!signal.aborted) this.#busy = false;
      this.changed();
    }
  }

  /** Looks a company up; on success pre-fills the fields of the lookup step and of the step it `prefills`. */
  lookup(registryNumber: string): void {
    const client = this.client;
    const step = this.view.step;
    if (!client || !step) return;
    void this.#registry.search(client, registryNumber, this.#session.signal, {
      found: (record) => {
        this.#prefill(step.id, record);
        if (step.prefills) this.#prefill(step.prefills, record);
      },
      failed: (error) => this.#report(error),
      changed: () => this.changed(),
    });
  }

  /** Handles a failed request: token expiry, field errors, or a banner with "Try again". */
  fail(error: unknown, action: PendingAction): void {
    const apiError = asApiError(error);
    if (apiError.tokenExpired) {
      this.#failed = action;
      this.#tokenRejected();
      return;
    }
    const paths = Object.keys(apiError.fieldErrors);
    if (apiError.code === 'validation' && paths.length > 0) {
      this.#fieldErrors = { ...apiError.fieldErrors };
      this.#focusPath = paths[0]!;
    } else {
      this.#banner = bannerFor(apiError, this.locale);
      this.#failed = action;
      if (!this.#execution) this.#phase = 'error';
    }
    this.#report(apiError);
    // The workflow changed elsewhere: show its latest state (never in a loop of failing loads).
    if (apiError.code === 'conflict' && this.#execution && action.kind !== 'load') void this.load();
    this.changed();
  }

  /** Makes `execution` the one shown. `keepDisplay`: stay on the displayed step if it is still there. */
  applyExecution(execution: WidgetExecution, keepDisplay: boolean): void {
    const previous = this.#execution;
    if (previous && previous.id !== execution.id) this.#resetWorkflow();
    if (!previous || previous.id !== execution.id) {
      this.#cssNames = applyCssVariables(this.host, this.#cssNames, execution.uiOptions?.cssVariables);
    }
    this.#execution = execution;
    const keep =
      keepDisplay &&
      execution.status === 'RUNNING' &&
      this.#displayedStepId !== null &&
      execution.definitions.some((d) => d.id === this.#displayedStepId);
    if (!keep) this.#displayedStepId = execution.status === 'RUNNING' ? execution.currentStepId : null;
    this.#phase = PHASE_BY_STATUS[execution.status];
    const newlyExpired = !(previous?.id === execution.id && previous.status === 'EXPIRED');
    if (execution.status === 'EXPIRED' && newlyExpired) {
      this.#banner = { code: 'conflict', message: msg(this.locale, 'runner.error.expired'), retryable: false };
      this.#options.emit('tl-error', { code: 'conflict', message: 'The workflow has expired.', recoverable: false });
    }
    if (execution.status === 'AWAITING') this.#schedulePoll();
    else this.#clearPoll();
    this.changed();
  }

  #prefill(stepId: string, record: RegistryRecord): void {
    const definition = this.#execution?.definitions.find((d) => d.id === stepId);
    this.#drafts.prefill(stepId, definition?.fields ?? [], record);
  }

  #storeFile(stepId: string, path: string, ref: FileRef): void {
    this.#drafts.set(stepId, this.#execution?.values[stepId], path, ref);
    if (stepId === this.#displayedStepId) this.clearErrorsUnder(path);
  }

  /** Whether the value at `path` of `stepId` is a file already in the saved values. */
  isSavedFile(stepId: string, path: string, id: string): boolean {
    const saved = getPath(this.#execution?.values[stepId] ?? {}, path);
    return typeof saved === 'object' && saved !== null && (saved as Partial<FileRef>).id === id;
  }

  /** The field definition of the displayed step at `path`. */
  fieldAt(path: string): FieldDefinition | undefined {
    return findField(this.view.step, path);
  }

  #handleUploadError(error: ApiError): void {
    if (error.tokenExpired) this.#tokenRejected();
    else this.#report(error);
  }

  #report(error: ApiError): void {
    this.#options.emit('tl-error', { code: error.code, message: error.message, recoverable: error.recoverable });
  }

  #tokenRejected(): void {
    this.tokenExpired();
    this.#options.onTokenRejected?.();
  }

  #schedulePoll(): void {
    if (this.#pollTimer !== undefined || !this.#connected || !this.client) return;
    this.#pollTimer = setTimeout(() => {
      this.#pollTimer = undefined;
      void this.#poll();
    }, this.#options.pollIntervalMs ?? 2000);
  }

  #clearPoll(): void {
    if (this.#pollTimer !== undefined) clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
  }

  async #poll(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const signal = this.#session.signal;
    try {
      const execution = await client.getExecution(signal);
      if (!signal.aborted) this.applyExecution(execution, false);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const apiError = asApiError(error);
      if (apiError.tokenExpired) this.#tokenRejected();
      else if (apiError.recoverable) this.#schedulePoll();
      else this.fail(apiError, { kind: 'load' });
    }
  }

  /** Aborts requests, uploads (kept for resumption), lookups and polls. */
  #abortWork(): void {
    this.#session.abort();
    this.#session = new AbortController();
    this.#registry.abort();
    this.uploads.interruptAll();
    this.#clearPoll();
    this.#busy = false;
    this.#loading = false;
  }

  #resetWorkflow(): void {
    this.#drafts.clear();
    this.#fieldErrors = {};
    this.#banner = null;
    this.#failed = null;
    this.#confirmingCancel = false;
    this.#registry.reset();
    this.#displayedStepId = null;
    this.#announcer.reset();
    this.uploads.clear();
    removeCssVariables(this.host, this.#cssNames);
    this.#cssNames = [];
  }

  /** After a render: `tl-ready`, `tl-step-change` (+ heading focus), `tl-complete`, field focus. */
  #flush(): void {
    const execution = this.#execution;
    if (!execution || !this.#connected) return;
    if (this.#announcer.flush(execution, this.#phase, this.#displayedStepId)) focusStepHeading(this.host);
    if (this.#focusPath !== null) {
      const path = this.#focusPath;
      this.#focusPath = null;
      focusField(this.host, path);
    }
  }
}
