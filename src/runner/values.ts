import type { FieldValue, StepValues } from '../schema/api-types.js';
import { getPath, splitPath } from '../shared/field-values.js';

/**
 * Pure helpers over step values addressed by dotted paths (`email`, `owners.1.firstName`).
 * Values are never mutated: every setter returns new objects along the path. The reads the views
 * share (`getPath`, `isFileRef`, `isEmpty`) are in `src/shared/field-values.ts`.
 */

type Entry = Record<string, FieldValue>;

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

/** Drafts laid over saved values, key by key (drafts hold whole top-level values). */
export function mergeValues(saved: StepValues | undefined, draft: StepValues | undefined): StepValues {
  return { ...(saved ?? {}), ...(draft ?? {}) };
}
