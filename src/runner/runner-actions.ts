import type { FieldValue } from '../schema/api-types.js';
import { newIdempotencyKey } from '../client/widget-client.js';
import { sameValue } from './drafts.js';
import type { RunnerPort } from './runner-port.js';
import type { RunnerState } from './runner-state.js';
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

  /** Sets some state and re-renders. */
  #set(changes: Partial<RunnerState>): void {
    Object.assign(this.#c.state, changes);
    this.#c.changed();
  }

  /** Whether a save or "back" may be sent now: a running workflow, nothing in flight, a live token. */
  get #canSend(): boolean {
    const { state } = this.#c;
    return !state.busy && !state.tokenExpired && state.phase === 'running';
  }

  setValue = (path: string, value: FieldValue): void => {
    this.#c.state.setValue(path, value);
    this.#c.changed();
  };

  addGroupItem = (path: string): void => {
    const { state } = this.#c;
    const stepId = state.displayedStepId;
    if (!stepId) return;
    const entries = groupEntries(state.valuesOf(stepId), path);
    const max = state.fieldAt(path)?.maxItems;
    if (max === undefined || entries.length < max) this.setValue(path, [...entries, {}]);
  };

  removeGroupItem = (path: string, index: number): void => {
    const { state } = this.#c;
    const stepId = state.displayedStepId;
    if (!stepId) return;
    const entries = groupEntries(state.valuesOf(stepId), path);
    if (index < 0 || index >= entries.length) return;
    // Entries after `index` shift down: their upload states no longer match their paths.
    for (let i = index; i < entries.length; i++) this.#c.uploads()?.remove(stepId, `${path}.${i}`);
    this.setValue(path, entries.filter((_, i) => i !== index));
  };

  submit = (): void => {
    const c = this.#c;
    const { state } = c;
    const stepId = state.displayedStepId;
    // A step whose part has not come is not on screen: nothing of it can be sent.
    if (!stepId || !this.#canSend || c.parts().missing(state.step)) return;
    // Pressed before the validation part has come (a slow connection): sent once it has, if the
    // same step is still on screen.
    const validate = c.parts().validation(() => {
      if (state.displayedStepId === stepId) this.submit();
    });
    if (!validate) return;
    if (!state.validateDisplayed(validate, c.uploads()?.pending(stepId) ?? [])) {
      const paths = Object.keys(state.fieldErrors);
      c.failures().reportLocal('validation', `The answers were not sent: ${paths.length} field(s) need attention (${paths.join(', ')}).`);
      c.changed();
      return;
    }
    const values = state.valuesOf(stepId);
    // The same values as a save that failed or was cut off: the same submission, the same key.
    const previous = state.failed;
    const same = previous?.kind === 'save' && previous.stepId === stepId && sameValue(previous.values, values);
    if (previous?.kind === 'save') state.failed = null;
    c.run({ kind: 'save', stepId, values, key: same ? previous.key : newIdempotencyKey() });
  };

  back = (): void => {
    const { state } = this.#c;
    const definitions = state.execution?.definitions ?? [];
    const index = definitions.findIndex((d) => d.id === state.displayedStepId);
    if (index > 0 && this.#canSend) this.#c.run({ kind: 'back', stepId: definitions[index - 1]!.id });
  };

  edit = (stepId: string): void => {
    const { state } = this.#c;
    const execution = state.execution;
    if (!execution || state.busy || state.phase !== 'running') return;
    const ids = execution.definitions.map((d) => d.id);
    const target = ids.indexOf(stepId);
    if (target >= 0 && target <= ids.indexOf(execution.currentStepId!)) this.#set({ displayedStepId: stepId, fieldErrors: {}, banner: null });
  };

  upload = (path: string, file: File): void => {
    const { state } = this.#c;
    const stepId = state.displayedStepId;
    if (!stepId) return;
    // With an expired token the file waits and is sent with the next token.
    this.#c.uploads()?.start(stepId, path, file, state.fieldAt(path), state.tokenExpired);
    this.setValue(path, null);
  };

  cancelUpload = (path: string): void => {
    const stepId = this.#c.state.displayedStepId;
    if (stepId) this.#c.uploads()?.cancel(stepId, path);
  };

  retryUpload = (path: string): void => {
    const { state } = this.#c;
    if (state.displayedStepId && !state.tokenExpired) this.#c.uploads()?.retry(state.displayedStepId, path);
  };

  removeFile = (path: string): void => {
    const c = this.#c;
    const stepId = c.state.displayedStepId;
    if (!stepId) return;
    const value = getPath(c.state.valuesOf(stepId), path);
    c.uploads()?.remove(stepId, path);
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

  setBankQuery = (bankQuery: string): void => this.#set({ bankQuery });

  retry = (): void => {
    const { state } = this.#c;
    const action = state.failed;
    if (state.busy || state.tokenExpired || !action) return;
    // A part is asked for again before the screen changes: the step waits for it, not fails again.
    if (action.kind === 'part') this.#c.parts().retry(action.name);
    this.#set({ failed: null, banner: null });
    if (action.kind === 'load') this.#c.load();
    else if (action.kind === 'cancel') this.confirmCancel();
    else if (action.kind !== 'part') this.#c.run(action);
  };

  dismissBanner = (): void => this.#set({ banner: null });

  requestCancel = (): void => {
    if (this.#c.state.phase === 'running') this.#set({ confirmingCancel: true });
  };

  confirmCancel = (): void => {
    const { state } = this.#c;
    if (state.phase === 'running' && !state.tokenExpired) this.#c.run({ kind: 'cancel' });
  };

  dismissCancel = (): void => this.#set({ confirmingCancel: false });
}
