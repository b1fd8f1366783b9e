/**
 * The hostile-payload corpus: execution JSON a broken or malicious server (or a proxy in between)
 * could send, made from a real execution of the sandbox. `refused`: the widget must not apply it
 * (`tl-error` `unexpected`, the error screen with "Try again"). `rendered`: a valid shape carrying
 * hostile text, which must show as inert text. Nothing may ever run: scripts set `window.__pwned`.
 */

// Loose on purpose: each change below reaches into the execution JSON to break it in one place.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface HostilePayload {
  name: string;
  expect: 'refused' | 'rendered';
  /** The body as text (the proxy serves it as `application/json`). */
  body: string;
}

/** Lit's template marker: an object that Lit renders as a template when used as a child. */
const litTemplate = (markup: string) => ({ _$litType$: 1, strings: [markup], values: [] });

const SCRIPT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function personal(e: Json): Json {
  return e.definitions.find((d: Json) => d.id === 'personal');
}

function deepGroup(depth: number): Json {
  let field: Json = { name: 'leaf', type: 'text', label: 'Leaf' };
  for (let i = 0; i < depth; i++) field = { name: `g${i}`, type: 'group', label: `Group ${i}`, minItems: 1, fields: [field] };
  return field;
}

function deepValue(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [{ v: value }];
  return value;
}

/** Changes of a copy of the execution, each a payload. */
const CHANGES: Array<[string, HostilePayload['expect'], (e: Json) => unknown]> = [
  ['definitions is a string', 'refused', (e) => ((e.definitions = 'abc'), e)],
  ['definitions is null', 'refused', (e) => ((e.definitions = null), e)],
  ['definitions holds null', 'refused', (e) => ((e.definitions = [null]), e)],
  ['fields holds null', 'refused', (e) => ((personal(e).fields = [null]), e)],
  ['fields is a string', 'refused', (e) => ((personal(e).fields = 'abc'), e)],
  ['field type is an object', 'refused', (e) => ((personal(e).fields[0].type = {}), e)],
  ['field name is missing', 'refused', (e) => (delete personal(e).fields[0].name, e)],
  ['field named __proto__', 'refused', (e) => ((personal(e).fields[0].name = '__proto__'), e)],
  ['values is null', 'refused', (e) => ((e.values = null), e)],
  ['values is a string', 'refused', (e) => ((e.values = 'x'), e)],
  ['step values are a list', 'refused', (e) => ((e.values.personal = []), e)],
  ['a bank is null', 'refused', (e) => ((e.definitions.find((d: Json) => d.type === 'bank').banks = [null]), e)],
  ['banks is a number', 'refused', (e) => ((e.definitions.find((d: Json) => d.type === 'bank').banks = 7), e)],
  ['label is a Lit template', 'refused', (e) => ((personal(e).fields[0].label = litTemplate(SCRIPT)), e)],
  ['title is a Lit template', 'refused', (e) => ((personal(e).title = litTemplate(SCRIPT)), e)],
  ['hint is a Lit template', 'refused', (e) => ((personal(e).fields[0].hint = litTemplate(SCRIPT)), e)],
  ['name is a Lit template', 'refused', (e) => ((e.name = litTemplate(SCRIPT)), e)],
  ['option label is a Lit template', 'refused', (e) => ((personal(e).fields[3].options[0].label = litTemplate(SCRIPT)), e)],
  ['saved value is a Lit template', 'refused', (e) => ((e.values.personal = { firstName: litTemplate(SCRIPT) }), e)],
  ['1,000-deep groups', 'refused', (e) => ((personal(e).fields = [deepGroup(1000)]), e)],
  ['4-deep groups', 'refused', (e) => ((personal(e).fields = [deepGroup(4)]), e)],
  ['minItems 1e308', 'refused', (e) => ((personal(e).fields = [{ ...deepGroup(1), minItems: 1e308 }]), e)],
  ['minItems 1e5', 'refused', (e) => ((personal(e).fields = [{ ...deepGroup(1), minItems: 1e5 }]), e)],
  ['maxItems -1', 'refused', (e) => ((personal(e).fields = [{ ...deepGroup(1), maxItems: -1 }]), e)],
  ['minItems 2.5', 'refused', (e) => ((personal(e).fields = [{ ...deepGroup(1), minItems: 2.5 }]), e)],
  ['a 1 MB hint', 'refused', (e) => ((personal(e).fields[0].hint = 'h'.repeat(1024 * 1024)), e)],
  ['a 1 MB label', 'refused', (e) => ((personal(e).fields[0].label = 'l'.repeat(1024 * 1024)), e)],
  ['100,000 options', 'refused', (e) => ((personal(e).fields[3].options = Array.from({ length: 100_000 }, (_, i) => ({ value: `${i}`, label: `${i}` }))), e)],
  ['10,000 fields', 'refused', (e) => ((personal(e).fields = Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}`, type: 'text', label: `F${i}` }))), e)],
  ['1,000 steps', 'refused', (e) => ((e.definitions = Array.from({ length: 1000 }, (_, i) => ({ ...personal(e), id: `s${i}` }))), e)],
  ['duplicate step ids', 'refused', (e) => ((e.definitions[1].id = e.definitions[0].id), e)],
  ['unknown step type', 'refused', (e) => ((personal(e).type = 'script'), e)],
  ['step id __proto__', 'refused', (e) => ((personal(e).id = '__proto__'), (e.currentStepId = '__proto__'), e)],
  ['unknown status', 'refused', (e) => ((e.status = 'HACKED'), e)],
  ['RUNNING on a step that does not exist', 'refused', (e) => ((e.currentStepId = 'nope'), e)],
  ['RUNNING on no step', 'refused', (e) => ((e.currentStepId = null), e)],
  ['steps is null', 'refused', (e) => ((e.steps = null), e)],
  ['step state unknown', 'refused', (e) => ((e.steps[0].state = 'owned'), e)],
  ['empty id', 'refused', (e) => ((e.id = ''), e)],
  ['numeric id', 'refused', (e) => ((e.id = 123), e)],
  ['uiOptions is a string', 'refused', (e) => ((e.uiOptions = 'x'), e)],
  ['CSS variable is an object', 'refused', (e) => ((e.uiOptions = { cssVariables: { '--tl-color-accent': {} } }), e)],
  ['value 1,000 levels deep', 'refused', (e) => ((e.values.personal = { firstName: deepValue(1000) }), e)],
  ['a 1 MB saved value', 'refused', (e) => ((e.values.personal = { firstName: 'v'.repeat(1024 * 1024) }), e)],
  ['consent is a string', 'refused', (e) => ((e.definitions.find((d: Json) => d.type === 'bank').consent = 'yes'), e)],
  ['links hold null', 'refused', (e) => ((e.definitions.find((d: Json) => d.id === 'consents').fields[0].links = [null]), e)],
  ['required is a string', 'refused', (e) => ((personal(e).fields[0].required = 'yes'), e)],
  ['an array instead of the execution', 'refused', (e) => [e]],
  ['the execution wrapped in data', 'refused', (e) => ({ data: e })],
  // Valid shapes carrying hostile text: shown as text, never run.
  ['script in the workflow name', 'rendered', (e) => ((e.name = SCRIPT), e)],
  ['script in a step title', 'rendered', (e) => ((personal(e).title = SCRIPT), e)],
  ['script in a label and hint', 'rendered', (e) => ((personal(e).fields[0].label = SCRIPT), (personal(e).fields[0].hint = SCRIPT), e)],
  ['script in an option label', 'rendered', (e) => ((personal(e).fields[3].options[0].label = `"><svg onload="window.__pwned=1">`), e)],
  ['template syntax in a description', 'rendered', (e) => ((personal(e).description = "${window.__pwned=1}{{constructor.constructor('window.__pwned=1')()}}"), e)],
  ['script in a saved value', 'rendered', (e) => ((e.values.personal = { firstName: SCRIPT }), e)],
  ['javascript: link', 'rendered', (e) => ((e.definitions.find((d: Json) => d.id === 'consents').fields[0].links[0].href = 'javascript:window.__pwned=1'), e)],
  ['CSS injection in a CSS variable', 'rendered', (e) => ((e.uiOptions = { cssVariables: { '--tl-color-accent': 'red;} :host{display:none} x{', 'color': 'red' } }), e)],
  ['prototype keys in values', 'rendered', (e) => ((e.values.personal = JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}')), e)],
  ['prototype keys at the top', 'rendered', (e) => ({ ...JSON.parse('{"__proto__":{"polluted":1}}'), ...e })],
  ['locale constructor', 'rendered', (e) => ((e.locale = 'constructor'), (e.uiOptions = { defaultLanguage: '__proto__' }), e)],
  ['a pattern that is not a regular expression', 'rendered', (e) => ((personal(e).fields[0].pattern = '(['), e)],
  ['unknown field type', 'rendered', (e) => ((personal(e).fields[0].type = 'marquee'), e)],
  ['right-to-left and zero-width text', 'rendered', (e) => ((personal(e).title = '\u202eevil\u200b\u0000'), e)],
];

/** Bodies that are not a JSON execution at all. */
const RAW: Array<[string, string]> = [
  ['empty body', ''],
  ['null', 'null'],
  ['{}', '{}'],
  ['a string', '"abc"'],
  ['a number', '42'],
  ['true', 'true'],
  ['an empty list', '[]'],
  ['HTML', '<!doctype html><html><body><script>window.__pwned=1</script></body></html>'],
  ['truncated JSON', '{"id":"x","definitions":[{"id":'],
  ['a byte-order mark before JSON', '\ufeff{}'],
  ['1e999 as a number', '{"id":"x","minItems":1e999}'],
  ['100,000 nested lists', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['a 3 MB string', JSON.stringify('x'.repeat(3 * 1024 * 1024))],
];

/** Every payload's name and what must happen to it, in order: known without an execution, so a test can be made per payload. */
export const HOSTILE_PAYLOADS: ReadonlyArray<Pick<HostilePayload, 'name' | 'expect'>> = [
  ...RAW.map(([name]) => ({ name, expect: 'refused' as const })),
  ...CHANGES.map(([name, expect]) => ({ name, expect })),
];

/** The payload named `name`, built from `execution` (a real `GET /widget/execution` answer). */
export function hostilePayload(execution: Json, name: string): HostilePayload {
  const raw = RAW.find(([rawName]) => rawName === name);
  if (raw) return { name, expect: 'refused', body: raw[1] };
  const change = CHANGES.find(([changeName]) => changeName === name);
  if (!change) throw new Error(`no hostile payload named ${name}`);
  return { name, expect: change[1], body: JSON.stringify(change[2](JSON.parse(JSON.stringify(execution)) as Json)) };
}
