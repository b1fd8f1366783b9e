/**
 * The check every widget API answer passes before the widget uses it: a small hand-written schema
 * check (no dependency) with limits on depth, counts and string lengths, so that a response the
 * widget cannot render is refused at the client boundary (an `unexpected` `ApiError`) instead of
 * crashing a render or building a million nodes. `sandbox/API.md` ("Response limits") documents them.
 * Part of the shared schema layer (`src/schema/`): it imports nothing but the wire types.
 */
import type { FileRef, RegistryRecord, StepDefinition, WidgetExecution } from './api-types.js';

/** The limits a widget API answer must keep to. */
export const RESPONSE_LIMITS = {
  /** Characters of one response body (before parsing). */
  bodyChars: 2_000_000,
  /** Steps of a workflow. */
  steps: 50,
  /** Fields of one step or of one group entry. */
  fields: 100,
  /** Nesting of `group` fields (a group in a group in a group). */
  groupDepth: 3,
  /** `options` of a select, radio, country or tel field; banks of a bank step. */
  options: 1000,
  /** `links` of a checkbox or consent. */
  links: 20,
  /** `minItems` / `maxItems` of a group. */
  groupItems: 50,
  /** Names, labels, titles, ids, option values. */
  shortText: 1000,
  /** Descriptions, hints, consent texts, patterns. */
  longText: 10_000,
  /** Nesting of saved values (group entries in group entries...). */
  valueDepth: 8,
  /** Characters of one saved string value. */
  valueText: 100_000,
  /** Entries of one saved list (group) value, keys of one saved object. */
  valueEntries: 500,
} as const;

const L = RESPONSE_LIMITS;

/** Thrown inside the check; the client turns it into an `unexpected` `ApiError`. */
class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
}

type Json = Record<string, unknown>;

const STATUSES = ['RUNNING', 'AWAITING', 'COMPLETED', 'CANCELLED', 'EXPIRED'];
const STEP_TYPES = ['form', 'registry-lookup', 'bank', 'review'];
const STEP_STATES = ['done', 'current', 'todo'];

function fail(where: string, what: string): never {
  throw new ResponseShapeError(`${where}: ${what}`);
}

/** A plain data object: not null, not an array, not carrying Lit's template marker. */
function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'not an object');
  if (Object.prototype.hasOwnProperty.call(value, '_$litType$')) fail(where, 'a template object');
  return value as Json;
}

function list(value: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(where, 'not a list');
  if (value.length > max) fail(where, `more than ${max} entries`);
  return value;
}

/** Each entry of an optional list (absent or null: none), as a checked object with its path. */
function entries(value: unknown, where: string, max: number, check: (entry: Json, at: string) => void): void {
  if (value != null) list(value, where, max).forEach((entry, i) => check(object(entry, `${where}[${i}]`), `${where}[${i}]`));
}

function text(value: unknown, where: string, max: number = L.shortText): string {
  if (typeof value !== 'string') fail(where, 'not a string');
  if (value.length > max) fail(where, `longer than ${max} characters`);
  return value;
}

/** `text` for each named key of `o`, at `where.key` (or `key` when `where` is empty). */
function texts(o: Json, keys: string[], where: string, max?: number, optional?: boolean): void {
  for (const key of keys) if (!optional || o[key] != null) text(o[key], where ? `${where}.${key}` : key, max);
}

function optionalNumber(value: unknown, where: string): void {
  if (value != null && (typeof value !== 'number' || !Number.isFinite(value))) fail(where, 'not a finite number');
}

function links(value: unknown, where: string): void {
  entries(value, where, L.links, (link, at) => {
    text(link.label, `${at}.label`);
    text(link.href, `${at}.href`, L.longText);
  });
}

function field(value: unknown, where: string, depth: number): void {
  const f = object(value, where);
  const name = text(f.name, `${where}.name`);
  if (name === '' || name === '__proto__' || name.includes('.')) fail(`${where}.name`, 'not a usable name');
  texts(f, ['type', 'label'], where);
  texts(f, ['hint', 'pattern', 'patternMessage'], where, L.longText, true);
  texts(f, ['autocomplete', 'accept', 'itemLabel'], where, L.shortText, true);
  if (f.required !== undefined && typeof f.required !== 'boolean') fail(`${where}.required`, 'not a boolean');
  for (const key of ['minLength', 'maxLength', 'maxSize']) optionalNumber(f[key], `${where}.${key}`);
  for (const key of ['min', 'max']) {
    if (typeof f[key] === 'string') text(f[key], `${where}.${key}`);
    else optionalNumber(f[key], `${where}.${key}`);
  }
  entries(f.options, `${where}.options`, L.options, (o, at) => texts(o, ['value', 'label'], at));
  links(f.links, `${where}.links`);
  for (const key of ['minItems', 'maxItems']) {
    const count = f[key];
    if (count != null && (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > L.groupItems)) {
      fail(`${where}.${key}`, `not an integer 0..${L.groupItems}`);
    }
  }
  if (f.type === 'group' || f.fields !== undefined) {
    if (depth >= L.groupDepth) fail(where, `groups nested deeper than ${L.groupDepth}`);
    fields(f.fields ?? [], `${where}.fields`, depth + 1);
  }
}

function fields(value: unknown, where: string, depth: number): void {
  list(value, where, L.fields).forEach((f, i) => field(f, `${where}[${i}]`, depth));
}

function definition(value: unknown, where: string): StepDefinition {
  const d = object(value, where);
  const id = text(d.id, `${where}.id`);
  if (id === '' || id === '__proto__') fail(`${where}.id`, 'not a usable id');
  if (!STEP_TYPES.includes(d.type as string)) fail(`${where}.type`, 'not a known step type');
  text(d.title, `${where}.title`);
  texts(d, ['description'], where, L.longText, true);
  texts(d, ['prefills'], where, L.shortText, true);
  if (d.fields != null) fields(d.fields, `${where}.fields`, 0);
  if (d.consent != null) {
    const consent = object(d.consent, `${where}.consent`);
    text(consent.label, `${where}.consent.label`, L.longText);
    links(consent.links, `${where}.consent.links`);
  }
  entries(d.banks, `${where}.banks`, L.options, (b, at) => texts(b, ['id', 'name', 'country'], at));
  return d as unknown as StepDefinition;
}

/** A saved value: strings, finite numbers, booleans, null, and bounded objects and lists of them. */
function value(v: unknown, where: string, depth: number): void {
  if (v === null || typeof v === 'boolean') return;
  if (typeof v === 'string') {
    text(v, where, L.valueText);
    return;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(where, 'not a finite number');
    return;
  }
  if (depth >= L.valueDepth) fail(where, `nested deeper than ${L.valueDepth}`);
  if (Array.isArray(v)) {
    list(v, where, L.valueEntries).forEach((item, i) => value(item, `${where}[${i}]`, depth + 1));
    return;
  }
  const entries = Object.entries(object(v, where));
  if (entries.length > L.valueEntries) fail(where, `more than ${L.valueEntries} keys`);
  for (const [key, item] of entries) value(item, `${where}.${key}`, depth + 1);
}

/**
 * Checks that `body` is a widget execution the widget can render, and returns it typed. Throws a
 * `ResponseShapeError` naming the first problem otherwise.
 */
export function checkExecution(body: unknown): WidgetExecution {
  const e = object(body, 'execution');
  texts(e, ['id', 'workflowDefinitionId', 'name', 'locale', 'expiresAt'], '');
  if (e.id === '') fail('id', 'empty');
  if (!STATUSES.includes(e.status as string)) fail('status', 'not a known status');
  const ui = e.uiOptions == null ? {} : object(e.uiOptions, 'uiOptions');
  if (ui.cssVariables != null) {
    const css = Object.entries(object(ui.cssVariables, 'uiOptions.cssVariables'));
    if (css.length > L.fields) fail('uiOptions.cssVariables', `more than ${L.fields} entries`);
    for (const [name, cssValue] of css) text(cssValue, `uiOptions.cssVariables.${name}`);
  }
  const definitions = list(e.definitions, 'definitions', L.steps).map((d, i) => definition(d, `definitions[${i}]`));
  const ids = new Set(definitions.map((d) => d.id));
  if (ids.size !== definitions.length) fail('definitions', 'duplicate step ids');
  entries(list(e.steps, 'steps', L.steps), 'steps', L.steps, (s, at) => {
    texts(s, ['id', 'title'], at);
    if (!STEP_STATES.includes(s.state as string)) fail(`${at}.state`, 'not a known state');
  });
  if (e.currentStepId !== null) text(e.currentStepId, 'currentStepId');
  if (e.status === 'RUNNING' && !ids.has(e.currentStepId as string)) fail('currentStepId', 'not a step of this workflow');
  const values = object(e.values, 'values');
  for (const [stepId, stepValues] of Object.entries(values)) {
    if (!ids.has(stepId)) continue;
    object(stepValues, `values.${stepId}`);
    value(stepValues, `values.${stepId}`, 0);
  }
  return { ...(e as unknown as WidgetExecution), uiOptions: ui };
}

/** Checks an upload answer: a `FileRef` (`id`, `name`, `size`, `type`). */
export function checkFileRef(body: unknown): FileRef {
  const ref = object(body, 'file');
  texts(ref, ['id', 'name', 'type'], 'file');
  if (typeof ref.size !== 'number' || !Number.isFinite(ref.size) || ref.size < 0) fail('file.size', 'not a size');
  return ref as unknown as FileRef;
}

/** Checks a registry answer: a record with a `registryNumber`, `companyName` and plain values. */
export function checkRegistryRecord(body: unknown): RegistryRecord {
  const record = object(body, 'registry');
  texts(record, ['registryNumber', 'companyName'], 'registry');
  value(record, 'registry', 0);
  return record as unknown as RegistryRecord;
}
