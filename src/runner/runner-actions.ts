import type { FieldValue, StepValues } from '../client/api-types.js';
import { newIdempotencyKey } from '../client/widget-client.js';
import { groupEntries, isFileRef, getPath } from './values.js';
import type { RunnerActions } from './view-model.js';
import type { WorkflowController } from './workflow-controller.js';

/** A request that failed and that `retry()` repeats as it was (a save keeps its Idempotency-Key). */
export type PendingAction =
  | { kind: 'load' }
  | { kind: 'save'; stepId: string; values: StepValues; key: string }
  | { kind: 'back'; stepId?: string }
  | { kind: 'cancel' };

/**
 * The user's intents, as the views report them, applied to a `WorkflowController`. Methods are
 * bound (safe to pass as event listeners) and never throw; impossible intents are ignored.
 */
export class RunnerActionsImpl implements RunnerActions {
  readonly #c: WorkflowController;

  constructor(controller: WorkflowController) {
    this.#c = controller;
  }

  setValue = (path: string, value: FieldValue): void => {
    this.#c.setDraftValue(path, value);
  };

  addGroupItem = (path: string): void => {
    const stepId = this.#c.displayedStepId;
    if (!stepId) return;
    const entries = groupEntries(this.#c.valuesOf(stepId), path);
    const max = this.#c.fieldAt(path)?.maxItems;
    if (max !== undefined && entries.length >= max) return;
    this.#c.setDraftValue(path, [...entries, {}]);
  };

  removeGroupItem = (path: string, index: number): void => {
    const stepId = this.#c.displayedStepId;
    if (!stepId) return;
    const entries = groupEntries(this.#c.valuesOf(stepId), path);
    if (index < 0 || index >= entries.length) return;
    for (let i = index; i < entries.length; i++) this.#c.uploads.removeUnder(stepId, `${path}.${i}`);
    this.#c.setDraftValue(path, entries.filter((_, i) => i !== index));
  };

  submit = (): void => {
    const c = this.#c;
    const stepId = c.displayedStepId;
    if (!stepId || c.busy || c.isTokenExpired || c.phase !== 'running' || !c.validateDisplayed()) return;
    this.#save({ kind: 'save', stepId, values: c.valuesOf(stepId), key: newIdempotencyKey() });
  };

  back = (): void => {
    const c = this.#c;
    const definitions = c.execution?.definitions ?? [];
    const index = definitions.findIndex((d) => d.id === c.displayedStepId);
    if (index <= 0 || c.busy || c.isTokenExpired || c.phase !== 'running') return;
    this.#back({ kind: 'back', stepId: definitions[index - 1]!.id });
  };

  edit = (stepId: string): void => {
    const c = this.#c;
    const execution = c.execution;
    if (!execution || c.busy || c.phase !== 'running') return;
    const target = execution.definitions.findIndex((d) => d.id === stepId);
    const current = execution.definitions.findIndex((d) => d.id === execution.currentStepId);
    if (target < 0 || target > current) return;
    c.display(stepId);
  };

  upload = (path: string, file: File): void => {
    const c = this.#c;
    const stepId = c.displayedStepId;
    if (!stepId) return;
    c.uploads.start(stepId, path, file, c.fieldAt(path), c.isTokenExpired);
    c.setDraftValue(path, null);
  };

  cancelUpload = (path: string): void => {
    const stepId = this.#c.displayedStepId;
    if (stepId) this.#c.uploads.cancel(stepId, path);
  };

  removeFile = (path: string): void => {
    const c = this.#c;
    const stepId = c.displayedStepId;
    if (!stepId) return;
    const value = getPath(c.valuesOf(stepId), path);
    c.uploads.remove(stepId, path);
    c.setDraftValue(path, null);
    // A file only this draft refers to is deleted; one in the saved values stays until the step is saved.
    if (isFileRef(value) && !c.isSavedFile(stepId, path, value.id)) {
      c.client?.deleteFile(value.id, c.sessionSignal).catch(() => undefined);
    }
  };

  lookupRegistry = (registryNumber: string): void => {
    const number = registryNumber.trim();
    if (number) this.#c.lookup(number);
  };

  retry = (): void => {
    const c = this.#c;
    if (c.busy || c.isTokenExpired) return;
    const action = c.takeFailedAction();
    if (!action) return;
    c.changed();
    if (action.kind === 'load') void c.load();
    else if (action.kind === 'save') this.#save(action);
    else if (action.kind === 'back') this.#back(action);
    else this.confirmCancel();
  };

  dismissBanner = (): void => {
    this.#c.dismissBanner();
  };

  requestCancel = (): void => {
    if (this.#c.phase === 'running') this.#c.setConfirmingCancel(true);
  };

  confirmCancel = (): void => {
    const c = this.#c;
    if (c.phase !== 'running' || c.isTokenExpired) return;
    void c.run({ kind: 'cancel' }, (client, signal) => client.cancel(signal));
  };

  dismissCancel = (): void => {
    this.#c.setConfirmingCancel(false);
  };

  #save(action: Extract<PendingAction, { kind: 'save' }>): void {
    void this.#c.run(action, (client, signal) => client.saveStep(action.stepId, action.values, action.key, signal));
  }

  #back(action: Extract<PendingAction, { kind: 'back' }>): void {
    void this.#c.run(action, (client, signal) => client.back(action.stepId, signal));
  }
}
