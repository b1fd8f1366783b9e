import type { FieldDefinition, FieldValue, FileRef, RegistryRecord, StepDefinition, StepValues, WidgetExecution } from '../client/api-types.js';
import { renderMessage, renderMessages, type Message } from '../i18n/message.js';
import { Drafts } from './drafts.js';
import { findField, type StoredBanner } from './messages.js';
import { RegistryLookup } from './registry-lookup.js';
import type { PendingAction } from './runner-actions.js';
import { validateStep } from './validate.js';
import { getPath } from './values.js';
import type { BannerState, RunnerPhase, RunnerViewModel, UploadState } from './view-model.js';

/**
 * Everything the runner knows, with the pure operations on it: which step is shown, the user's
 * drafts, errors, busy and expiry flags, the banner, the registry lookup. No I/O, no timers, no
 * events: `WorkflowController` does those and calls `changed()` after touching this state.
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
  readonly registry = new RegistryLookup();
  /** The bank search text of a `bank` step. */
  bankQuery = '';
  /** The field to focus after the next render (the first error). */
  focusPath: string | null = null;

  /** The definition of the displayed step. */
  get step(): StepDefinition | null {
    return this.execution?.definitions.find((d) => d.id === this.displayedStepId) ?? null;
  }

  /** A step's values as the user sees them: the draft over the saved values. */
  valuesOf(stepId: string): StepValues {
    return this.drafts.merged(stepId, this.execution?.values[stepId]);
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
    const definition = this.execution?.definitions.find((d) => d.id === stepId);
    this.drafts.prefill(stepId, definition?.fields ?? [], record);
  }

  /** Whether file `id` is the saved value at `path` of `stepId` (then it must not be deleted). */
  isSavedFile(stepId: string, path: string, id: string): boolean {
    const saved = getPath(this.execution?.values[stepId] ?? {}, path);
    return typeof saved === 'object' && saved !== null && (saved as Partial<FileRef>).id === id;
  }

  /** The field definition of the displayed step at `path`. */
  fieldAt(path: string): FieldDefinition | undefined {
    return findField(this.step, path);
  }

  /**
   * Validates the displayed step client-side; shows the errors and asks for the first to be
   * focused. Returns whether the step is valid.
   */
  validateDisplayed(pendingUploads: readonly string[]): boolean {
    const step = this.step;
    if (!step) return false;
    this.fieldErrors = validateStep(step, this.valuesOf(step.id), { uploading: pendingUploads });
    const first = Object.keys(this.fieldErrors)[0];
    if (first !== undefined) this.focusPath = first;
    return first === undefined;
  }

  /** Forgets the workflow-specific state (another execution is about to be shown). */
  resetWorkflow(): void {
    this.drafts.clear();
    this.fieldErrors = {};
    this.banner = null;
    this.failed = null;
    this.confirmingCancel = false;
    this.registry.reset();
    this.bankQuery = '';
    this.displayedStepId = null;
    this.focusPath = null;
  }

  /** The banner as the views show it, in `locale`. */
  bannerIn(locale: string): BannerState | null {
    const banner = this.banner;
    return banner && { code: banner.code, message: renderMessage(banner.message, locale), retryable: banner.retryable };
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
      values: step ? this.valuesOf(step.id) : {},
      allValues,
      fieldErrors: renderMessages(this.fieldErrors, locale),
      busy: this.busy,
      tokenExpired: this.tokenExpired,
      banner: this.bannerIn(locale),
      uploads,
      confirmingCancel: this.confirmingCancel,
      registry: this.registry.state,
      bankQuery: this.bankQuery,
    };
  }
}
