/**
 * The check every widget API answer passes before the widget uses it: a small hand-written schema
 * check (no dependency) with limits on depth, counts and string lengths, so that a response the
 * widget cannot render is refused at the client boundary (an `unexpected` `ApiError`) instead of
 * crashing a render or building a million nodes. `sandbox/API.md` ("Response limits") documents them.
 * Part of the shared schema layer (`src/schema/`): it imports nothing but the wire types.
 *
 * The wire shapes are written as `SHAPES`, one line of rules per kind of object, that one walk
 * applies. Where the walk is (`at`) is kept as a list of keys and written out only to name a
 * problem, so that a valid answer costs no string building.
 */
import type { FileRef, RegistryRecord, WidgetExecution } from './api-types.js';

/** Characters of one response body (before parsing). */
export const MAX_BODY_CHARS = 2_000_000;

/**
 * Each kind of object by its letter: `key:rule` when the key must be there, `key?rule` when it may
 * be absent (`undefined` or `null`). Keys not listed are left alone. Rules:
 * - `s` a short text (names, labels, titles, ids, option values: 1,000 characters at most), `l` a
 *   long one (descriptions, hints, consent texts, patterns: 10,000);
 * - `i` an id (a short text, not empty, not `__proto__`), `n` a field's name (an id without `.`);
 * - `f` a finite number, `b` a boolean, `c` a count of group entries (an integer 0..50), `m` a
 *   bound (`min` / `max`: a short text, an ISO date, or a number), `o` any object, `v` CSS
 *   variables, `*` saved values (see `check`);
 * - `=A=B` one of the values `A`, `B`;
 * - a letter of this table: that kind of object; a number before it: a list of at most that many.
 *   Lists of fields (`F`) go 4 deep at most: a group in a group in a group.
 * Anywhere, an object carrying Lit's template marker (`_$litType$`) is refused.
 */
const SHAPES: Record<string, string> = {
  E: 'id:i workflowDefinitionId:s name:s locale:s expiresAt:s status:=RUNNING=AWAITING=COMPLETED=CANCELLED=EXPIRED uiOptions?U definitions:50D steps:50T currentStepId?s values:o',
  U: 'cssVariables?v',
  D: 'id:i type:=form=registry-lookup=bank=review title:s description?l prefills?s fields?100F consent?K banks?1000B',
  F: 'name:n type:s label:s hint?l pattern?l patternMessage?l autocomplete?s accept?s itemLabel?s required?b minLength?f maxLength?f maxSize?f min?m max?m options?1000O links?20L minItems?c maxItems?c fields?100F',
  O: 'value:s label:s',
  L: 'label:s href:l',
  K: 'label:l links?20L',
  B: 'id:s name:s country:s',
  T: 'id:s title:s state:=done=current=todo',
  R: 'registryNumber:s companyName:s',
  P: 'id:s name:s type:s size:f',
};

type Json = Record<string, unknown>;

/** Each shape's rules, `[key, ':' or '?', rule]`, split from `SHAPES` when first used. */
const parsed: Record<string, string[][]> = {};
/** The keys and indexes from the body down to the value being checked. */
const at: string[] = [];
/** How deep the walk is in lists of fields, or in a saved value. */
let depth = 0;

/**
 * Unless `ok`, throws an `Error` (the client makes it an `unexpected` `ApiError`) naming where the
 * walk is: `definitions.0.fields.2.label: refused`.
 */
function need(ok: unknown): void {
  if (!ok) throw new Error(`${at.join('.') || 'body'}: refused`);
}

/** A plain data object, or a list with `list`, without Lit's template marker; returns its keys. */
function keys(value: unknown, list?: boolean): string[] {
  need(typeof value === 'object' && value && Array.isArray(value) === !!list && !Object.hasOwn(value, '_$litType$'));
  return Object.keys(value as object);
}

/**
 * Checks `value` against `rule` (see `SHAPES`). Saved values (`*`): strings of up to 100,000
 * characters, finite numbers, booleans, null, and objects and lists of up to 500 entries, 8 levels deep.
 */
function check(value: unknown, rule: string): void {
  const o = value as Json;
  const max = parseInt(rule);
  const each = max ? rule.slice(String(max).length) : rule === 'v' ? 's' : rule;
  const nests = each === 'F' || rule === '*';
  if (max || rule === 'v' || (rule === '*' && o && typeof o === 'object')) {
    // A list of at most `max`, CSS variables (100 short texts), or a saved object or list.
    const entries = keys(o, max > 0 || (rule === '*' && Array.isArray(o)));
    need(entries.length <= (max || (rule === 'v' ? 100 : 500)) && (!nests || ++depth <= (rule === '*' ? 8 : 4)));
    for (const key of entries) enter(key, o[key], each);
    if (nests) depth--;
  } else if (SHAPES[rule]) {
    keys(o);
    for (const [key, may, keyRule] of (parsed[rule] ??= SHAPES[rule].split(' ').map((entry) => entry.split(/([:?])/)))) {
      if (may === ':' || o[key!] != null) enter(key!, o[key!], keyRule!);
    }
  } else {
    const string = typeof value === 'string';
    need(
      rule[0] === '='
        ? rule.split('=').includes(value as string)
        : rule === 'o'
          ? keys(o)
          : rule === 'b'
            ? typeof value === 'boolean'
            : rule === 'c'
              ? Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 50
              : rule === 'f' || (!string && (rule === 'm' || rule === '*'))
                ? Number.isFinite(value) || (rule === '*' && (value === null || typeof value === 'boolean'))
                : string &&
                  (value as string).length <= (rule === '*' ? 100_000 : rule === 'l' ? 10_000 : 1000) &&
                  (!'in'.includes(rule) || (value !== '' && value !== '__proto__' && !(rule === 'n' && (value as string).includes('.')))),
    );
  }
}

/** Checks `value`, the entry `key` of the value being checked. */
function enter(key: string, value: unknown, rule: string): void {
  at.push(key);
  check(value, rule);
  at.pop();
}

/** Checks `body` against `rule` from the top (the walk's state reset), and returns it typed. */
function walk<T>(body: unknown, rule: string): T {
  at.length = depth = 0;
  check(body, rule);
  return body as T;
}

/**
 * Checks that `body` is a widget execution the widget can render, and returns it typed: step ids
 * unique, a `RUNNING` execution's `currentStepId` one of them, each step's saved values an object
 * of saved values. Throws an `Error` naming the first problem otherwise.
 */
export function checkExecution(body: unknown): WidgetExecution {
  const e = walk<WidgetExecution>(body, 'E');
  const ids = new Set(e.definitions.map((d) => d.id));
  need(ids.size === e.definitions.length && (e.status !== 'RUNNING' || ids.has(e.currentStepId!)));
  at.push('values');
  for (const id of keys(e.values)) if (ids.has(id)) enter(id, keys(e.values[id]) && e.values[id], '*');
  return { ...e, uiOptions: e.uiOptions ?? {} };
}

/** Checks an upload answer: a `FileRef` (`id`, `name`, `type`, and a `size` of 0 or more). */
export function checkFileRef(body: unknown): FileRef {
  const ref = walk<FileRef>(body, 'P');
  need(ref.size >= 0);
  return ref;
}

/** Checks a registry answer: a record with a `registryNumber`, `companyName` and saved values. */
export function checkRegistryRecord(body: unknown): RegistryRecord {
  check(walk(body, 'R'), '*');
  return body as RegistryRecord;
}
