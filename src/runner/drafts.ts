import type { FieldDefinition, FieldValue, RegistryRecord, StepValues } from '../schema/api-types.js';
import { mergeValues, rootKey, setPath } from './values.js';

/**
 * Whether two values are the same data, whatever the order of their object keys (`{a, b}` equals
 * `{b, a}`): a save sent again with the same data must reuse its `Idempotency-Key`. A missing key
 * equals one set to `undefined`, as in the JSON that is sent.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}

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
      if (value != null && field.type !== 'group' && field.type !== 'file') draft[field.name] = value;
    }
    this.#byStep = { ...this.#byStep, [stepId]: draft };
  }

  /**
   * After a save of `sent`: forgets the draft values that were sent (the saved values are now what
   * the user sees), keeping anything typed while the save was in flight.
   */
  saved(stepId: string, sent: StepValues): void {
    const draft = this.#byStep[stepId];
    if (!draft) return;
    const kept = Object.entries(draft).filter(([key, value]) => !sameValue(value, sent[key]));
    const { [stepId]: _dropped, ...rest } = this.#byStep;
    this.#byStep = kept.length > 0 ? { ...rest, [stepId]: Object.fromEntries(kept) } : rest;
  }

  /** Forgets everything (another execution). */
  clear(): void {
    this.#byStep = {};
  }
}
