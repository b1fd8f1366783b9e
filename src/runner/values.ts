import type { FieldValue, FileRef, StepValues } from '../schema/api-types.js';

/**
 * Pure helpers over step values addressed by dotted paths (`email`, `owners.1.firstName`).
 * Values are never mutated: every setter returns new objects along the path.
 */

type Entry = Record<string, FieldValue>;

/** Splits a dotted path into its keys (`owners.1.firstName` -> `['owners', '1', 'firstName']`). */
function splitPath(path: string): string[] {
  return path.split('.').filter((key) => key !== '');
}

/** The value at `path`, or `undefined` when any part of the way is missing. */
export function getPath(values: StepValues, path: string): FieldValue | undefined {
  let current: unknown = values;
  for (const key of splitPath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current as FieldValue | undefined;
}

function setIn(container: unknown, keys: string[], value: FieldValue): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  if (Array.isArray(container)) {
    const copy = container.slice();
    const index = Number(key);
    copy[index] = setIn(copy[index] ?? {}, rest, value);
    return copy;
  }
  const source = container !== null && typeof container === 'object' ? (container as Record<string, unknown>) : {};
  return { ...source, [key]: setIn(source[key] ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {}), rest, value) };
}

/** A copy of `values` with `path` set to `value`. */
export function setPath(values: StepValues, path: string, value: FieldValue): StepValues {
  return setIn(values, splitPath(path), value) as StepValues;
}

/** The entries of the `group` value at `path` (an empty list when it is not a list). */
export function groupEntries(values: StepValues, path: string): Entry[] {
  const value = getPath(values, path);
  return Array.isArray(value) ? value : [];
}

/** The top-level key of a path (`owners.1.firstName` -> `owners`). */
export function rootKey(path: string): string {
  return splitPath(path)[0] ?? path;
}

/** Whether a value is a stored file reference. */
export function isFileRef(value: unknown): value is FileRef {
  const ref = value as Partial<FileRef> | null;
  return typeof ref === 'object' && ref !== null && typeof ref.id === 'string' && typeof ref.size === 'number';
}

/** Whether a value counts as "not filled in" (`undefined`, `null`, blank string, `false`, empty phone or list). */
export function isEmpty(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'number' in value && 'countryCode' in value) {
    return String(value.number ?? '').trim() === '';
  }
  return false;
}

/** Drafts laid over saved values, key by key (drafts hold whole top-level values). */
export function mergeValues(saved: StepValues | undefined, draft: StepValues | undefined): StepValues {
  return { ...(saved ?? {}), ...(draft ?? {}) };
}
