/**
 * The check every widget API answer passes before the widget uses it: a small hand-written schema
 * check (no dependency) with limits on depth, counts and string lengths, so that a response the
 * widget cannot render is refused at the client boundary (an `unexpected` `ApiError`) instead of
 * crashing a render or building a million nodes. `sandbox/API.md` ("Response limits") documents them.
 * Part of the shared schema layer (`src/schema/`): it imports nothing but the wire types.
 *
 * The wire shapes are written as `SHAPES`, one line of rules per kind of object, that one walk
 * applies. Each line is split into its entries once, when first used, and a rule is told by a
 * `switch` on its letter, so that checking a value costs a few comparisons: nothing is parsed,
 * split or allocated per value (a list's count is read once per list). This matters because the
 * check runs once per answer, as cold code. Where the walk is is not kept either: a problem throws,
 * and each level it passes on the way up adds its key to `where`, which names the problem at the top.
 */
import type { FileRef, RegistryRecord, WidgetExecution } from './api-types.js';

/** Characters of one response body (before parsing). */
export const MAX_BODY_CHARS = 2_000_000;

/**
 * Each kind of object by its letter: its keys, each followed by its rule, `?` before the rule when
 * the key may be absent (`undefined` or `null`). Keys not listed are left alone. Rules:
 * - `s` a short text (names, labels, titles, ids, option values: 1,000 characters at most), `l` a
 *   long one (descriptions, hints, consent texts, patterns: 10,000);
 * - `i` an id (a short text, not empty, not `__proto__`), `n` a field's name (an id without `.`);
 * - `f` a finite number, `b` a boolean, `c` a count of group entries (an integer 0..50), `m` a
 *   bound (`min` / `max`: a short text, an ISO date, or a number), `o` any object, `v` CSS
 *   variables (an object of at most 100 short texts), `*` saved values (see `check`);
 * - `=A=B` one of the values `A`, `B`;
 * - a letter of this table: that kind of object; a number before it: a list of at most that many.
 *   Lists of fields (`F`) go 4 deep at most: a group in a group in a group.
 * Anywhere, an object carrying Lit's template marker (`_$litType$`) is refused.
 */
const SHAPES: Record<string, string> = {
  E: 'id i workflowDefinitionId s name s locale s expiresAt s status =RUNNING=AWAITING=COMPLETED=CANCELLED=EXPIRED uiOptions ?U definitions 50D steps 50T currentStepId ?s values o',
  U: 'cssVariables ?v',
  D: 'id i type =form=registry-lookup=bank=review title s description ?l prefills ?s fields ?100F consent ?K banks ?1000B',
  F: 'name n type s label s hint ?l pattern ?l patternMessage ?l autocomplete ?s accept ?s itemLabel ?s required ?b minLength ?f maxLength ?f maxSize ?f min ?m max ?m options ?1000O links ?20L minItems ?c maxItems ?c fields ?100F',
  O: 'value s label s',
  L: 'label s href l',
  K: 'label l links ?20L',
  B: 'id s name s country s',
  T: 'id s title s state =done=current=todo',
  R: 'registryNumber s companyName s',
  P: 'id s name s type s size f',
};

type Json = Record<string, unknown>;

/** Each kind of object's keys and rules, one after the other, split from `SHAPES` when first used. */
const parsed: Record<string, string[]> = {};

/** The keys and indexes from a refused value up to the body, added as the error goes up the walk. */
let where: Array<string | number> = [];

/** Unless `ok`, throws (`walk` names where). */
function need(ok: unknown): void {
  if (!ok) throw new Error('refused');
}

/** A plain data object, or a list with `list`, without Lit's template marker. */
function object(value: unknown, list: boolean): Json {
  need(typeof value === 'object' && value && Array.isArray(value) === list && !('_$litType$' in value));
  return value as Json;
}

/**
 * Checks the entries of `value`, a list with `list`, else an object (at most `max` of them), against
 * `rule`, at `depth` levels of nesting. A list is walked by index, an object's own keys with `for...in`
 * (no array of keys made).
 */
function entries(value: unknown, list: boolean, max: number, rule: string, depth: number): void {
  const o = object(value, list);
  let key: string | number = 0;
  try {
    if (list) {
      const items = o as unknown as unknown[];
      need(items.length <= max);
      for (; key < items.length; key++) check(items[key], rule, depth);
    } else {
      let count = 0;
      for (key in o) {
        if (!Object.hasOwn(o, key)) continue;
        need(++count <= max);
        check(o[key], rule, depth);
      }
    }
  } catch (error) {
    where.push(key);
    throw error;
  }
}

/**
 * Checks `value` against `rule` (see `SHAPES`), at `depth` levels of nesting (of lists of fields, or
 * of saved values). Saved values (`*`): strings of up to 100,000 characters, finite numbers,
 * booleans, null, and objects and lists of up to 500 entries, 8 levels deep.
 */
function check(value: unknown, rule: string, depth: number): void {
  switch (rule) {
    case 's':
    case 'l':
      need(typeof value === 'string' && value.length <= (rule === 's' ? 1000 : 10_000));
      return;
    case 'i':
    case 'n':
      need(
        typeof value === 'string' &&
          value.length <= 1000 &&
          value !== '' &&
          value !== '__proto__' &&
          !(rule === 'n' && value.includes('.')),
      );
      return;
    case 'f':
      need(Number.isFinite(value));
      return;
    case 'b':
      need(typeof value === 'boolean');
      return;
    case 'c':
      need(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 50);
      return;
    case 'm':
      need(typeof value === 'string' ? value.length <= 1000 : Number.isFinite(value));
      return;
    case 'o':
      object(value, false);
      return;
    case 'v':
      entries(value, false, 100, 's', depth);
      return;
    case '*':
      if (typeof value === 'object' && value) {
        need(++depth <= 8);
        entries(value, Array.isArray(value), 500, rule, depth);
      } else {
        need(typeof value === 'string' ? value.length <= 100_000 : value === null || typeof value === 'boolean' || Number.isFinite(value));
      }
      return;
  }
  if (rule[0] === '=') {
    need(rule.slice(1).split('=').includes(value as string));
  } else if (SHAPES[rule]) {
    const o = object(value, false);
    const list = (parsed[rule] ??= SHAPES[rule].split(' '));
    let i = 0;
    try {
      for (; i < list.length; i += 2) {
        const v = o[list[i]!];
        const keyRule = list[i + 1]!;
        if (keyRule[0] !== '?') check(v, keyRule, depth);
        else if (v != null) check(v, keyRule.slice(1), depth);
      }
    } catch (error) {
      where.push(list[i]!);
      throw error;
    }
  } else {
    // A list of at most `max` (the number the rule starts with), each checked against the rest.
    const max = parseInt(rule);
    const each = rule.slice(String(max).length);
    need(each !== 'F' || ++depth <= 4);
    entries(value, true, max, each, depth);
  }
}

/** An `Error` (the client makes it an `unexpected` `ApiError`) naming where: `definitions.0.fields.2.label: refused`. */
function refused(path: Array<string | number>): Error {
  return new Error(`${path.join('.') || 'body'}: refused`);
}

/**
 * Checks `body`, found at `path`, against the rule `text` (see `SHAPES`), and returns it typed;
 * throws `refused` naming where the problem is otherwise.
 */
function walk<T>(body: unknown, text: string, path: Array<string | number> = []): T {
  where = [];
  try {
    check(body, text, 0);
  } catch {
    throw refused([...path, ...where.reverse()]);
  }
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
  if (ids.size !== e.definitions.length || (e.status === 'RUNNING' && !ids.has(e.currentStepId!))) throw refused([]);
  for (const id of Object.keys(e.values)) {
    if (ids.has(id)) walk(walk(e.values[id], 'o', ['values', id]), '*', ['values', id]);
  }
  return { ...e, uiOptions: e.uiOptions ?? {} };
}

/** Checks an upload answer: a `FileRef` (`id`, `name`, `type`, and a `size` of 0 or more). */
export function checkFileRef(body: unknown): FileRef {
  const ref = walk<FileRef>(body, 'P');
  if (!(ref.size >= 0)) throw refused([]);
  return ref;
}

/** Checks a registry answer: a record with a `registryNumber`, `companyName` and saved values. */
export function checkRegistryRecord(body: unknown): RegistryRecord {
  return walk(walk(body, 'R'), '*');
}
