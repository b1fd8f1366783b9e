import type { FieldValue } from '../schema/api-types.js';
import { newIdempotencyKey } from '../client/widget-client.js';
import { sameValue } from './drafts.js';
import type { PendingAction } from './pending-action.js';
import type { RunnerPort } from './runner-port.js';
import { getPath, isFileRef } from '../shared/field-values.js';
import { groupEntries } from './values.js';
import type { RunnerActions } from './view-model.js';

/**
 * The user's intents, as the views report them, applied through the controller's `RunnerPort`.
 * Methods are bound (safe to pass as event listeners) and never throw; impossible intents are ignored.
 */
export class RunnerActionsImpl implements RunnerActions {
  readonly #c: RunnerPort;

  constructor(port: RunnerPort) {
    this.#c = port;
  }

  setValue = (path: string, value: FieldValue): void => {
    this.#c.state.setValue(path, value);
    this.#c.changed();
  };

  addGroupItem = (path: string): void => {
    const { state } = this.#c;
    if (!state.displayedStepId) return;
    const entries = groupEntries(state.valuesOf(state.displayedStepId), path);
    const max = state.fieldAt(path)?.maxItems;
    if (max !== undefined && entries.length >= max) return;
    this.setValue(path, [...entries, {}]);
  };

  removeGroupItem = (path: string, index: number): void => {
    const { state, uploads } = this.#c;
    const stepId = state.displayedStepId;
    if (!stepId) return;
    const entries = groupEntries(state.valuesOf(stepId), path);
    if (index < 0 || index >= entries.length) return;
    // Entries after `index` shift down: their upload states no longer match their paths.
    for (let i = index; i < entries.length; i++) uploads.removeUnder(stepId, `${path}.${i}`);
    this.setValue(path, entries.filter((_, i) => i !== index));
  };

  submit = (): void => {
    const c = this.#c;
    const { state } = c;
    const stepId = state.displayedStepId;
    if (!stepId || state.busy || state.tokenExpired || state.phase !== 'running') return;
    if (!state.validateDisplayed(c.uploads.pending(stepId))) {
      const paths = Object.keys(state.fieldErrors);
      c.reportLocal('validation', `The answers were not sent: ${paths.length} field(s) need attention (${paths.join(', ')}).`);
      c.changed();
      return;
    }
    const values = state.valuesOf(stepId);
    // The same values as a save that failed or was cut off: the same submission, the same key.
    const previous = state.failed;
    const same = previous?.kind === 'save' && previous.stepId === stepId && sameValue(previous.values, values);
    if (previous?.kind === 'save') state.failed = null;
    this.#save({ kind: 'save', stepId, values, key: same ? previous.key : newIdempotencyKey() });
  };

  back = (): void => {
    const { state } = this.#c;
    const definitions = state.execution?.definitions ?? [];
    const index = definitions.findIndex((d) => d.id === state.displayedStepId);
    if (index <= 0 || state.busy || state.tokenExpired || state.phase !== 'running') return;
    this.#back({ kind: 'back', stepId: definitions[index - 1]!.id });
  };

  edit = (stepId: string): void => {
    const { state } = this.#c;
    const execution = state.execution;
    if (!execution || state.busy || state.phase !== 'running') return;
    const target = execution.definitions.findIndex((d) => d.id === stepId);
    const current = execution.definitions.findIndex((d) => d.id === execution.currentStepId);
    if (target < 0 || target > current) return;
    state.displayedStepId = stepId;
    state.fieldErrors = {};
    state.banner = null;
    this.#c.changed();
  };

  upload = (path: string, file: File): void => {
    const { state, uploads } = this.#c;
    const stepId = state.displayedStepId;
    if (!stepId) return;
    // With an expired token the file waits and is sent with the next token.
    uploads.start(stepId, path, file, state.fieldAt(path), state.tokenExpired);
    this.setValue(path, null);
  };

  cancelUpload = (path: string): void => {
    const stepId = this.#c.state.displayedStepId;
    if (stepId) this.#c.uploads.cancel(stepId, path);
  };

  retryUpload = (path: string): void => {
    const { state, uploads } = this.#c;
    if (state.displayedStepId && !state.tokenExpired) uploads.retry(state.displayedStepId, path);
  };

  removeFile = (path: string): void => {
    const c = this.#c;
    const stepId = c.state.displayedStepId;
    if (!stepId) return;
    const value = getPath(c.state.valuesOf(stepId), path);
    c.uploads.remove(stepId, path);
    this.setValue(path, null);
    // A file only this draft refers to is deleted; one in the saved values stays until the step is saved.
    if (isFileRef(value) && !c.state.isSavedFile(stepId, path, value.id)) {
      c.client()?.deleteFile(value.id, c.signal()).catch(() => undefined);
    }
  };

  lookupRegistry = (registryNumber: string): void => {
    const { state } = this.#c;
    const number = registryNumber.trim();
    const step = state.step;
    if (!number || !step) return;
    // The company pre-fills the lookup step and the step it `prefills`.
    this.#c.lookup(number, (record) => {
      state.prefill(step.id, record);
      if (step.prefills) state.prefill(step.prefills, record);
    });
  };

  setBankQuery = (query: string): void => {
    this.#c.state.bankQuery = query;
    this.#c.changed();
  };

  retry = (): void => {
    const c = this.#c;
    const { state } = c;
    if (state.busy || state.tokenExpired || !state.failed) return;
    const action = state.failed;
    state.failed = null;
    state.banner = null;
    c.changed();
    if (action.kind === 'load') c.load();
    else if (action.kind === 'save') this.#save(action);
    else if (action.kind === 'back') this.#back(action);
    else this.confirmCancel();
  };

  dismissBanner = (): void => {
    this.#c.state.banner = null;
    this.#c.changed();
  };

  requestCancel = (): void => {
    if (this.#c.state.phase !== 'running') return;
    this.#c.state.confirmingCancel = true;
    this.#c.changed();
  };

  confirmCancel = (): void => {
    const { state } = this.#c;
    if (state.phase !== 'running' || state.tokenExpired) return;
    this.#c.run({ kind: 'cancel' }, (client, signal) => client.cancel(signal));
  };

  dismissCancel = (): void => {
    this.#c.state.confirmingCancel = false;
    this.#c.changed();
  };

  #save(action: Extract<PendingAction, { kind: 'save' }>): void {
    this.#c.run(action, (client, signal) => client.saveStep(action.stepId, action.values, action.key, signal));
  }

  #back(action: Extract<PendingAction, { kind: 'back' }>): void {
    this.#c.run(action, (client, signal) => client.back(action.stepId, signal));
  }
}
