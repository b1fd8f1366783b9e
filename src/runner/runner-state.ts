import type { FieldDefinition, FieldValue, FileRef, RegistryRecord, StepDefinition, StepValues, WidgetExecution } from '../schema/api-types.js';
import type { ApiError } from '../client/errors.js';
import { message, renderMessage, renderMessages, serverText, type Message } from '../i18n/message.js';
import { Drafts } from './drafts.js';
import { bannerFor, findField, type StoredBanner } from './messages.js';
import type { PendingAction } from './pending-action.js';
import type { ValidateStep } from './part-contract.js';
import { getPath } from '../shared/field-values.js';
import type { RegistryLookupState, RunnerPhase, RunnerViewModel, UploadState } from './view-model.js';

const PHASE_BY_STATUS: Record<WidgetExecution['status'], RunnerPhase> = {
  RUNNING: 'running',
  AWAITING: 'awaiting',
  COMPLETED: 'complete',
  CANCELLED: 'cancelled',
  EXPIRED: 'error',
};

/**
 * Everything the runner knows, with the pure operations on it: which step is shown, the user's
 * drafts, errors, busy and expiry flags, the banner, the registry lookup's result. No I/O, no
 * timers, no events: `WorkflowController` does those and calls `changed()` after touching this state.
 */
export class RunnerState {
  phase: RunnerPhase | 'idle' = 'idle';
  execution: WidgetExecution | null = null;
  /** The step on screen; earlier than `execution.currentStepId` while editing from review. */
  displayedStepId: string | null = null;
  readonly drafts = new Drafts();
  /** Errors by dotted path, as message keys: rendered in the language current at render time. */
  fieldErrors: Record<string, Message> = {};
  busy = false;
  loading = false;
  tokenExpired = false;
  banner: StoredBanner | null = null;
  /** What `retry()` repeats (also a save aborted in flight, so that sending it again reuses its key). */
  failed: PendingAction | null = null;
  /** The request `busy` is about. */
  inFlight: PendingAction | null = null;
  confirmingCancel = false;
  /** The registry lookup's state (`RegistryLookup` makes the requests and stores it here). */
  registry: RegistryLookupState = { status: 'idle' };
  /** The bank search text of a `bank` step. */
  bankQuery = '';
  /** The field to focus after the next render (the first error). */
  focusPath: string | null = null;

  /** The definition of step `id` of the execution, or null. */
  definition(id: string | null): StepDefinition | null {
    return this.execution?.definitions.find((d) => d.id === id) ?? null;
  }

  /** The definition of the displayed step. */
  get step(): StepDefinition | null {
    return this.definition(this.displayedStepId);
  }

  /** A step's values as the user sees them: the draft over the saved values. */
  valuesOf(stepId: string): StepValues {
    return this.drafts.merged(stepId, this.execution?.values[stepId]);
  }

  /**
   * Makes `execution` the one shown; another execution than before resets the workflow state first.
   * `keepDisplay`: stay on the displayed step if it is still there. Returns the execution shown
   * before, and whether this one has just expired (then the banner says so).
   */
  show(execution: WidgetExecution, keepDisplay: boolean): { previous: WidgetExecution | null; expired: boolean } {
    const previous = this.execution;
    if (previous && previous.id !== execution.id) this.resetWorkflow();
    this.execution = execution;
    const keep = keepDisplay && execution.status === 'RUNNING' && execution.definitions.some((d) => d.id === this.displayedStepId);
    if (!keep) this.displayedStepId = execution.status === 'RUNNING' ? execution.currentStepId : null;
    this.phase = PHASE_BY_STATUS[execution.status];
    const expired = execution.status === 'EXPIRED' && !(previous?.id === execution.id && previous.status === 'EXPIRED');
    if (expired) this.banner = { code: 'conflict', message: message('runner.error.expired'), retryable: false };
    return { previous, expired };
  }

  /**
   * `action` failed with `error` (not a refused token): the server's texts at their fields (in the
   * execution's language, the first focused), else a banner, and `action` is what "Try again" repeats.
   */
  failedWith(error: ApiError, action: PendingAction): void {
    const errors = Object.entries(error.fieldErrors);
    if (error.code === 'validation' && errors.length > 0) {
      this.fieldErrors = Object.fromEntries(errors.map(([path, text]) => [path, serverText(text, this.execution?.locale)]));
      this.focusPath = errors[0]![0];
      return;
    }
    this.banner = bannerFor(error);
    this.failed = action;
    if (!this.execution) this.phase = 'error';
  }

  /** The views could not draw the execution: the error screen, whose "Try again" loads it again. */
  unrenderable(error: ApiError): void {
    this.execution = null;
    this.displayedStepId = null;
    this.failed = { kind: 'load' };
    this.phase = 'error';
    this.banner = bannerFor(error);
  }

  /** Sets one value of the displayed step and clears the errors at and under `path`. */
  setValue(path: string, value: FieldValue): void {
    const stepId = this.displayedStepId;
    if (!stepId) return;
    this.drafts.set(stepId, this.execution?.values[stepId], path, value);
    this.clearErrorsUnder(path);
  }

  clearErrorsUnder(path: string): void {
    const kept = Object.entries(this.fieldErrors).filter(([p]) => p !== path && !p.startsWith(`${path}.`));
    this.fieldErrors = Object.fromEntries(kept);
  }

  /** Makes an uploaded file the value at `path` of `stepId`. */
  storeFile(stepId: string, path: string, ref: FileRef): void {
    this.drafts.set(stepId, this.execution?.values[stepId], path, ref);
    if (stepId === this.displayedStepId) this.clearErrorsUnder(path);
  }

  /** Pre-fills the fields of `stepId` that a registry record has. */
  prefill(stepId: string, record: RegistryRecord): void {
    this.drafts.prefill(stepId, this.definition(stepId)?.fields ?? [], record);
  }

  /** Whether file `id` is the saved value at `path` of `stepId` (then it must not be deleted). */
  isSavedFile(stepId: string, path: string, id: string): boolean {
    return (getPath(this.execution?.values[stepId], path) as Partial<FileRef> | null | undefined)?.id === id;
  }

  /** The field definition of the displayed step at `path`. */
  fieldAt(path: string): FieldDefinition | undefined {
    return findField(this.step, path);
  }

  /**
   * Validates the displayed step client-side; shows the errors and asks for the first to be
   * focused. Returns whether the step is valid.
   */
  validateDisplayed(validate: ValidateStep, pendingUploads: readonly string[]): boolean {
    const step = this.step;
    if (!step) return false;
    this.fieldErrors = validate(step, this.valuesOf(step.id), { uploading: pendingUploads });
    const first = Object.keys(this.fieldErrors)[0];
    if (first !== undefined) this.focusPath = first;
    return first === undefined;
  }

  /** A request of the user was answered (or is known to have been applied): it no longer failed. */
  answered(action: PendingAction): void {
    if (this.failed === action) {
      this.failed = null;
      this.banner = null;
    }
    if (action.kind === 'cancel') this.confirmingCancel = false;
  }

  /** A save's answer is shown: the drafts it sent are forgotten (what was typed since stays). */
  saved(action: Extract<PendingAction, { kind: 'save' }>): void {
    this.drafts.saved(action.stepId, action.values);
    this.fieldErrors = {};
  }

  /** Forgets the workflow-specific state (another execution is about to be shown). */
  resetWorkflow(): void {
    this.drafts.clear();
    this.fieldErrors = {};
    this.banner = null;
    this.failed = null;
    this.confirmingCancel = false;
    this.registry = { status: 'idle' };
    this.bankQuery = '';
    this.displayedStepId = null;
    this.focusPath = null;
  }

  /** The view model, built fresh; every stored message is rendered in `locale`. */
  view(locale: string, uploads: Record<string, UploadState>, dateLocale?: string): RunnerViewModel {
    const execution = this.execution;
    const definitions = execution?.definitions ?? [];
    const stepIndex = definitions.findIndex((d) => d.id === this.displayedStepId);
    const step = stepIndex >= 0 ? definitions[stepIndex]! : null;
    const allValues: Record<string, StepValues> = {};
    for (const definition of definitions) allValues[definition.id] = this.valuesOf(definition.id);
    return {
      locale,
      dateLocale,
      phase: this.phase === 'idle' ? 'loading' : this.phase,
      execution,
      step,
      stepIndex: Math.max(0, stepIndex),
      stepCount: definitions.length,
      values: step ? allValues[step.id]! : {},
      allValues,
      fieldErrors: renderMessages(this.fieldErrors, locale),
      busy: this.busy,
      tokenExpired: this.tokenExpired,
      banner: this.banner && { ...this.banner, message: renderMessage(this.banner.message, locale) },
      uploads,
      confirmingCancel: this.confirmingCancel,
      registry: this.registry,
      bankQuery: this.bankQuery,
    };
  }
}
