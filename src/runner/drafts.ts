import type { FieldDefinition, FieldValue, RegistryRecord, StepValues } from '../client/api-types.js';
import { mergeValues, rootKey, setPath } from './values.js';

/**
 * The user's input, by step id: whole top-level values laid over the saved ones. Lives in the
 * controller, so re-renders, failures, token expiry and token swaps never lose it.
 */
export class Drafts {
  #byStep: Record<string, StepValues> = {};

  /** A step's values as the user sees them: the draft over `saved`. */
  merged(stepId: string, saved: StepValues | undefined): StepValues {
    return mergeValues(saved, this.#byStep[stepId]);
  }

  /** Sets the value at dotted `path` of `stepId` (its top-level value is copied into the draft). */
  set(stepId: string, saved: StepValues | undefined, path: string, value: FieldValue): void {
    const next = setPath(this.merged(stepId, saved), path, value);
    const key = rootKey(path);
    this.#byStep = { ...this.#byStep, [stepId]: { ...this.#byStep[stepId], [key]: next[key] ?? null } };
  }

  /** Pre-fills the fields of `fields` found in a registry record (overwriting what was typed). */
  prefill(stepId: string, fields: readonly FieldDefinition[], record: RegistryRecord): void {
    const draft: StepValues = { ...this.#byStep[stepId] };
    for (const field of fields) {
      const value = record[field.name];
      if (value !== undefined && value !== null && field.type !== 'group' && field.type !== 'file') draft[field.name] = value;
    }
    this.#byStep = { ...this.#byStep, [stepId]: draft };
  }

  /** Forgets the draft of one step (it was saved: the saved values are now what the user sees). */
  drop(stepId: string): void {
    const { [stepId]: _dropped, ...rest } = this.#byStep;
    this.#byStep = rest;
  }

  /** Forgets everything (another execution). */
  clear(): void {
    this.#byStep = {};
  }
}
