// The answer checker as it was before issue 26 (main at 9985c44), kept for `npm run bench`, which measures
// the current one (src/schema/check-execution.ts) against it: bytes and cold CPU (goal 3). Not used by the widget.
/**
 * The check every widget API answer passes before the widget uses it: a small hand-written schema
 * check (no dependency) with limits on depth, counts and string lengths, so that a response the
 * widget cannot render is refused at the client boundary (an `unexpected` `ApiError`) instead of
 * crashing a render or building a million nodes. `sandbox/API.md` ("Response limits") documents them.
 * The wire shapes are described as tables of small checks (`shape`, `list`, `text`...) that one
 * walk applies. Part of the shared schema layer (`src/schema/`): it imports nothing but the wire types.
 */
import type { FileRef, RegistryRecord, WidgetExecution } from '../../src/schema/api-types.js';

/** Characters of one response body (before parsing). */
export const MAX_BODY_CHARS = 2_000_000;
/** Steps of a workflow. */
const STEPS = 50;
/** Fields of one step or of one group entry; CSS variables of `uiOptions`. */
const FIELDS = 100;
/** Nesting of `group` fields (a group in a group in a group). */
const GROUP_DEPTH = 3;
/** `options` of a select, radio, country or tel field; banks of a bank step. */
const OPTIONS = 1000;
/** `minItems` / `maxItems` of a group. */
const GROUP_ITEMS = 50;
/** Names, labels, titles, ids, option values. */
const SHORT_TEXT = 1000;
/** Descriptions, hints, consent texts, patterns. */
const LONG_TEXT = 10_000;
/** Nesting of saved values (group entries in group entries...). */
const VALUE_DEPTH = 8;
/** Characters of one saved string value. */
const VALUE_TEXT = 100_000;
/** Entries of one saved list (group) value, keys of one saved object. */
const VALUE_ENTRIES = 500;

/** Thrown inside the check; the client turns it into an `unexpected` `ApiError`. */
class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
}

type Json = Record<string, unknown>;

/** Checks the value found at path `where`; throws a `ResponseShapeError` naming the path otherwise. */
type Check = (value: unknown, where: string) => void;

function fail(where: string, what: string): never {
  throw new ResponseShapeError(`${where}: ${what}`);
}

/** A plain data object: not null, not an array, not carrying Lit's template marker. */
function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'not an object');
  if (Object.prototype.hasOwnProperty.call(value, '_$litType$')) fail(where, 'a template object');
  return value as Json;
}

/** At most `max` own entries (keys of an object, items of a list), else `more than max <what>`. */
function atMost(count: number, max: number, where: string, what = 'entries'): void {
  if (count > max) fail(where, `more than ${max} ${what}`);
}

/** A list of at most `max` entries, each passing `each` at `where[i]`. */
const list =
  (max: number, each: Check): Check =>
  (value, where) => {
    if (!Array.isArray(value)) fail(where, 'not a list');
    atMost(value.length, max, where);
    value.forEach((item, i) => each(item, `${where}[${i}]`));
  };

/** An object whose listed keys pass their checks, at `where.key` (or `key` at the top). */
const shape =
  (keys: Record<string, Check>): Check => {
    const checks = Object.entries(keys);
    return (value, where) => {
      const o = object(value, where || 'execution');
      for (const [key, check] of checks) check(o[key], where ? `${where}.${key}` : key);
    };
  };

/** Absent (`undefined` or `null`) or passing `check`. */
const optional =
  (check: Check): Check =>
  (value, where) => {
    if (value != null) check(value, where);
  };

const text =
  (max = SHORT_TEXT): Check =>
  (value, where) => {
    if (typeof value !== 'string') fail(where, 'not a string');
    if (value.length > max) fail(where, `longer than ${max} characters`);
  };

/** A short text that is not empty, not `__proto__`, and (for a `name`) without a dot. */
const key =
  (what: 'name' | 'id'): Check =>
  (value, where) => {
    text()(value, where);
    if (value === '' || value === '__proto__' || (what === 'name' && (value as string).includes('.'))) fail(where, `not a usable ${what}`);
  };

const oneOf =
  (known: string[], what: string): Check =>
  (value, where) => {
    if (!known.includes(value as string)) fail(where, `not a known ${what}`);
  };

const finite: Check = (value, where) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, 'not a finite number');
};

const count: Check = (value, where) => {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > GROUP_ITEMS) fail(where, `not an integer 0..${GROUP_ITEMS}`);
};

const SHORT = text();
const LONG = text(LONG_TEXT);
const LINKS = optional(list(20, shape({ label: SHORT, href: LONG })));
/** `min` / `max`: an ISO date (text) or a number. */
const BOUND = optional((value, where) => (typeof value === 'string' ? SHORT : finite)(value, where));

/** A field, its `fields` checked as a group's at `depth` (groups in groups, at most `GROUP_DEPTH`). */
const FIELD = shape({
  name: key('name'),
  type: SHORT,
  label: SHORT,
  hint: optional(LONG),
  pattern: optional(LONG),
  patternMessage: optional(LONG),
  autocomplete: optional(SHORT),
  accept: optional(SHORT),
  itemLabel: optional(SHORT),
  required: (value, where) => {
    if (value !== undefined && typeof value !== 'boolean') fail(where, 'not a boolean');
  },
  minLength: optional(finite),
  maxLength: optional(finite),
  maxSize: optional(finite),
  min: BOUND,
  max: BOUND,
  options: optional(list(OPTIONS, shape({ value: SHORT, label: SHORT }))),
  links: LINKS,
  minItems: optional(count),
  maxItems: optional(count),
});

function fields(depth: number): Check {
  return list(FIELDS, (value, where) => {
    FIELD(value, where);
    const f = value as Json;
    if (f.type === 'group' || f.fields !== undefined) {
      if (depth >= GROUP_DEPTH) fail(where, `groups nested deeper than ${GROUP_DEPTH}`);
      fields(depth + 1)(f.fields ?? [], `${where}.fields`);
    }
  });
}

const DEFINITION = shape({
  id: key('id'),
  type: oneOf(['form', 'registry-lookup', 'bank', 'review'], 'step type'),
  title: SHORT,
  description: optional(LONG),
  prefills: optional(SHORT),
  fields: optional(fields(0)),
  consent: optional(shape({ label: LONG, links: LINKS })),
  banks: optional(list(OPTIONS, shape({ id: SHORT, name: SHORT, country: SHORT }))),
});

const CSS_VARIABLES: Check = (value, where) => {
  const css = Object.entries(object(value, where));
  atMost(css.length, FIELDS, where);
  for (const [name, cssValue] of css) SHORT(cssValue, `${where}.${name}`);
};

const EXECUTION = shape({
  id: (value, where) => {
    SHORT(value, where);
    if (value === '') fail(where, 'empty');
  },
  workflowDefinitionId: SHORT,
  name: SHORT,
  locale: SHORT,
  expiresAt: SHORT,
  status: oneOf(['RUNNING', 'AWAITING', 'COMPLETED', 'CANCELLED', 'EXPIRED'], 'status'),
  uiOptions: optional(shape({ cssVariables: optional(CSS_VARIABLES) })),
  definitions: list(STEPS, DEFINITION),
  steps: list(STEPS, shape({ id: SHORT, title: SHORT, state: oneOf(['done', 'current', 'todo'], 'state') })),
  currentStepId: (value, where) => value === null || SHORT(value, where),
  values: (value, where) => void object(value, where),
});

/** A saved value: strings, finite numbers, booleans, null, and bounded objects and lists of them. */
function value(v: unknown, where: string, depth: number): void {
  if (v === null || typeof v === 'boolean') return;
  if (typeof v === 'string') return text(VALUE_TEXT)(v, where);
  if (typeof v === 'number') return finite(v, where);
  if (depth >= VALUE_DEPTH) fail(where, `nested deeper than ${VALUE_DEPTH}`);
  if (Array.isArray(v)) return list(VALUE_ENTRIES, (item, at) => value(item, at, depth + 1))(v, where);
  const entries = Object.entries(object(v, where));
  atMost(entries.length, VALUE_ENTRIES, where, 'keys');
  for (const [key, item] of entries) value(item, `${where}.${key}`, depth + 1);
}

/**
 * Checks that `body` is a widget execution the widget can render, and returns it typed. Throws a
 * `ResponseShapeError` naming the first problem otherwise.
 */
export function checkExecution(body: unknown): WidgetExecution {
  EXECUTION(body, '');
  const e = body as WidgetExecution;
  const ids = new Set(e.definitions.map((d) => d.id));
  if (ids.size !== e.definitions.length) fail('definitions', 'duplicate step ids');
  if (e.status === 'RUNNING' && !ids.has(e.currentStepId!)) fail('currentStepId', 'not a step of this workflow');
  for (const [stepId, stepValues] of Object.entries(e.values)) {
    if (!ids.has(stepId)) continue;
    object(stepValues, `values.${stepId}`);
    value(stepValues, `values.${stepId}`, 0);
  }
  return { ...e, uiOptions: e.uiOptions ?? {} };
}

/** Checks an upload answer: a `FileRef` (`id`, `name`, `size`, `type`). */
export function checkFileRef(body: unknown): FileRef {
  shape({ id: SHORT, name: SHORT, type: SHORT })(body, 'file');
  const size = (body as Json).size;
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) fail('file.size', 'not a size');
  return body as FileRef;
}

/** Checks a registry answer: a record with a `registryNumber`, `companyName` and plain values. */
export function checkRegistryRecord(body: unknown): RegistryRecord {
  shape({ registryNumber: SHORT, companyName: SHORT })(body, 'registry');
  value(body, 'registry', 0);
  return body as RegistryRecord;
}
