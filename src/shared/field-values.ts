import type { FieldValue, FileRef, PhoneValue, StepValues } from '../schema/api-types.js';

/**
 * Pure reads of step values, shared by the runner (validation, state) and the views (rendering,
 * review): one definition of "the value at a path", "a stored file", "a phone" and "not filled in".
 * No DOM, no I/O. Paths are dotted (`email`, `owners.1.firstName`).
 */

/** Splits a dotted path into its keys (`owners.1.firstName` -> `['owners', '1', 'firstName']`). */
export function splitPath(path: string): string[] {
  return path.split('.').filter((key) => key !== '');
}

/** The value at `path`, or `undefined` when any part of the way is missing. */
export function getPath(values: StepValues | undefined, path: string): FieldValue | undefined {
  let current: unknown = values;
  for (const key of splitPath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current as FieldValue | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored file reference `{id, name, size, type}`, as the server returns it: every part present,
 * the size a finite number of bytes (the same test the client applies to an upload's answer).
 */
export function isFileRef(value: unknown): value is FileRef {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.type === 'string' &&
    typeof value.size === 'number' &&
    Number.isFinite(value.size) &&
    value.size >= 0
  );
}

/** A phone value `{countryCode, number}`. */
export function isPhone(value: unknown): value is PhoneValue {
  return isRecord(value) && 'countryCode' in value && 'number' in value;
}

/**
 * Whether a value counts as not filled in, for the required check and for the review's "not
 * provided": `undefined`, `null`, text that is empty or only spaces, an empty list, a phone without
 * a number, and `false` (a required checkbox must be ticked; the review shows checkboxes as Yes / No
 * before it asks). `0` and any other number are filled in.
 */
export function isEmpty(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isPhone(value)) return String(value.number ?? '').trim() === '';
  return false;
}
