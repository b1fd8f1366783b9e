// The framework typings (src/react, src/vue, src/svelte, src/angular) against the element itself: the
// custom-elements manifest, made from src/element/tl-workflow.ts by `cem analyze` with the project's
// config (as `npm run build` makes dist/custom-elements.json), lists the element's attributes, their
// values and its events; every typing must name each of them, with the same values, and nothing else.
// The typings are read with TypeScript's checker, the Angular directive's partial declaration as
// Angular's compiler reads it (the literal lists). A drifted probe proves the comparison catches a
// missing attribute and a value left out.
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface ManifestAttribute {
  name: string;
  fieldName: string;
  type?: { text: string };
}

interface ManifestField {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}

/** What the manifest says the element has. */
interface Contract {
  attributes: ManifestAttribute[];
  /** Public properties without an attribute (`fetchToken`). */
  propertyOnly: string[];
  events: string[];
}

/** The manifest as `cem analyze` makes it from the sources, with the project's config (nothing written). */
async function contract(): Promise<Contract> {
  // The analyzer's CLI module has no type declarations: its one function, typed here.
  const analyzer = '@custom-elements-manifest/analyzer/cli.js';
  const { cli } = (await import(analyzer)) as {
    cli(options: { argv: string[]; cwd: string; noWrite: boolean }): Promise<{ modules: Array<{ declarations?: Array<Record<string, unknown>> }> }>;
  };
  const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'tl-workflow');
  assert.ok(element, 'the manifest declares <tl-workflow>');
  const members = element.members as ManifestField[];
  return {
    attributes: element.attributes as ManifestAttribute[],
    propertyOnly: members
      .filter((m) => m.kind === 'field' && m.privacy !== 'private' && !m.static && !m.readonly && !m.attribute)
      .map((m) => m.name),
    events: (element.events as Array<{ name: string }>).map((e) => e.name),
  };
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string) => camel(name).replace(/^\w/, (c) => c.toUpperCase());
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** A probe whose typings drifted as src/ had before: no `placement`, `environment` without 'staging' and ''. */
const DRIFTED = 'test/node/drifted-probe.ts';
const DRIFTED_SOURCE = `
import type { TlWorkflowAttributes, TlWorkflowEventAttributes } from 'tl-workflow';
export interface Drifted extends Omit<TlWorkflowAttributes, 'placement' | 'environment'>, TlWorkflowEventAttributes {
  environment?: 'production' | 'sandbox';
}
`;

/** The adapters' sources (and the drifted probe) compiled with the project's tsconfig: one program, one checker. */
function program(): ts.Program {
  const config = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    fileName === `${root}${DRIFTED}` ? ts.createSourceFile(fileName, DRIFTED_SOURCE, language) : getSourceFile(fileName, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === `${root}${DRIFTED}` || fileExists(fileName);
  const files = ['src/react/index.ts', 'src/vue/index.ts', 'src/svelte/index.ts', 'src/angular/index.ts', DRIFTED].map((f) => `${root}${f}`);
  return ts.createProgram(files, { ...options, noEmit: true }, host);
}

/** Reads one exported type of a module: its own properties (not those of the framework's base types) and their types. */
class TypeReader {
  readonly checker: ts.TypeChecker;
  readonly #program: ts.Program;

  constructor(built: ts.Program) {
    this.#program = built;
    this.checker = built.getTypeChecker();
  }

  source(path: string): ts.SourceFile {
    const file = this.#program.getSourceFile(`${root}${path}`);
    assert.ok(file, `${path} is in the program`);
    return file;
  }

  /** The properties of the exported type `name` of `path` that the framework's own types do not declare. */
  ownProperties(path: string, name: string): Map<string, ts.Type> {
    const module = this.checker.getSymbolAtLocation(this.source(path));
    const symbol = module && this.checker.getExportsOfModule(module).find((s) => s.name === name);
    assert.ok(symbol, `${path} exports ${name}`);
    const type = this.checker.getDeclaredTypeOfSymbol(symbol);
    const own = new Map<string, ts.Type>();
    for (const property of this.checker.getPropertiesOfType(type)) {
      const declarations = property.getDeclarations() ?? [];
      if (declarations.length && declarations.every((d) => d.getSourceFile().fileName.includes('/node_modules/'))) continue;
      own.set(property.name, this.checker.getTypeOfSymbol(property));
    }
    return own;
  }
}

/** What a property's type accepts, as the manifest writes an attribute's type: `'a' | 'b'`, `string`, `number`, `boolean`. */
function accepted(checker: ts.TypeChecker, type: ts.Type): Set<string> {
  const parts = type.isUnion() ? type.types : [type];
  const out = new Set<string>();
  for (const part of parts) {
    if (part.flags & ts.TypeFlags.Undefined) continue;
    if (part.isStringLiteral()) out.add(`'${part.value}'`);
    else if (part.flags & ts.TypeFlags.BooleanLiteral) out.add('boolean');
    else out.add(checker.typeToString(part));
  }
  return out;
}

/** Whether a typing's `type` takes the values the manifest gives (`text`): the same literals, or the primitive. */
function sameValues(checker: ts.TypeChecker, type: ts.Type, text: string): string | null {
  const got = accepted(checker, type);
  const want = text.split(' | ');
  if (want.every((w) => w.startsWith("'"))) {
    return sorted(got).join(' | ') === sorted(want).join(' | ') ? null : `${sorted(got).join(' | ')} instead of ${sorted(want).join(' | ')}`;
  }
  return want.every((w) => got.has(w)) ? null : `${[...got].join(' | ')}, not ${text}`;
}

/**
 * The differences between a typing and the contract: names missing, names the element has not,
 * attribute values that differ. `keyed`: the typing's name of each attribute (its HTML name, or its property).
 */
function differences(
  checker: ts.TypeChecker,
  own: Map<string, ts.Type>,
  c: Contract,
  keyed: 'attribute' | 'property',
  eventName: (event: string) => string,
): string[] {
  const out: string[] = [];
  const expected = new Map<string, string | undefined>();
  for (const a of c.attributes) expected.set(keyed === 'attribute' ? a.name : a.fieldName, a.type?.text);
  for (const name of c.propertyOnly) expected.set(name, undefined);
  for (const event of c.events) expected.set(eventName(event), undefined);
  for (const [name, text] of expected) {
    const type = own.get(name);
    if (!type) out.push(`missing ${name}`);
    else if (text) {
      const wrong = sameValues(checker, type, text);
      if (wrong) out.push(`${name}: ${wrong}`);
    }
  }
  for (const name of own.keys()) if (!expected.has(name)) out.push(`${name}: not on the element`);
  return out;
}

describe('framework typings agree with the custom-elements manifest', () => {
  let c: Contract;
  let reader: TypeReader;

  before(async () => {
    c = await contract();
    reader = new TypeReader(program());
  });

  it('the manifest lists the attributes, a property-only `fetchToken` and the seven events', () => {
    assert.ok(c.attributes.some((a) => a.name === 'placement' && a.type?.text === "'frame' | 'light-dom'"));
    assert.ok(c.attributes.some((a) => a.name === 'environment' && a.type?.text?.includes("'staging'")));
    assert.deepEqual(c.propertyOnly, ['fetchToken']);
    assert.equal(c.events.length, 7);
  });

  it('a drifted typing (no `placement`, `environment` without staging) is caught', () => {
    const own = reader.ownProperties(DRIFTED, 'Drifted');
    const found = differences(reader.checker, own, { ...c, propertyOnly: [] }, 'attribute', (e) => `on${e}`);
    assert.deepEqual(found.sort(), ["environment: 'production' | 'sandbox' instead of '' | 'production' | 'sandbox' | 'staging'", 'missing placement']);
  });

  it('React 19 JSX: every attribute (with its values) and an `ontl-*` handler per event', () => {
    const own = reader.ownProperties('src/react/index.ts', 'TlWorkflowJsxProps');
    assert.deepEqual(differences(reader.checker, own, { ...c, propertyOnly: [] }, 'attribute', (e) => `on${e}`), []);
  });

  it('React 18 JSX: the same names; `token` and the `ontl-*` handlers are `never` (React 18 mishandles them)', () => {
    const own = reader.ownProperties('src/react/index.ts', 'TlWorkflowReact18JsxProps');
    const names = [...c.attributes.map((a) => a.name), ...c.events.map((e) => `on${e}`)];
    assert.deepEqual(sorted(own.keys()), sorted(names));
    for (const [name, type] of own) {
      const refused = name === 'token' || name.startsWith('ontl-');
      assert.equal(reader.checker.typeToString(type) === 'undefined', refused, `${name}: ${reader.checker.typeToString(type)}`);
    }
  });

  it('React component (`@lit/react`): an `onTl*` prop per event', () => {
    const own = reader.ownProperties('src/react/index.ts', 'TlWorkflowProps');
    const onTl = [...own.keys()].filter((name) => /^onTl[A-Z]/.test(name));
    assert.deepEqual(sorted(onTl), sorted(c.events.map((e) => `on${pascal(e)}`)));
  });

  it('Vue: every property (with its values) and an `onTl*` prop (`@tl-*`) per event', () => {
    const own = reader.ownProperties('src/vue/index.ts', 'TlWorkflowVueProps');
    assert.deepEqual(differences(reader.checker, own, c, 'property', (e) => `on${pascal(e)}`), []);
  });

  it('Svelte: every attribute (with its values), the property-only ones, and an `ontl-*` handler per event', () => {
    const own = reader.ownProperties('src/svelte/index.ts', 'TlWorkflowSvelteAttributes');
    assert.deepEqual(differences(reader.checker, own, c, 'attribute', (e) => `on${e}`), []);
  });

  it('Angular: the directive\'s inputs (declaration, run-time table, setters) are the properties; its outputs the events', () => {
    const file = reader.source('src/angular/index.ts');
    const directive = file.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'TlWorkflowDirective');
    assert.ok(directive);
    const member = (name: string) => directive.members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === name);
    const setters = directive.members.filter(ts.isSetAccessorDeclaration).map((m) => (m.name as ts.Identifier).text);
    const declaration = member('ɵdir') as ts.PropertyDeclaration;
    const args = (declaration.type as ts.TypeReferenceNode).typeArguments!;
    const literal = (node: ts.TypeNode) => (node as ts.TypeLiteralNode).members.map((m) => [(m.name as ts.Identifier).text, m] as const);
    const inputs = literal(args[3]!).map(([name]) => name);
    const outputs = literal(args[4]!).map(([name, m]) => [name, ((m as ts.PropertySignature).type as ts.LiteralTypeNode).literal.getText(file).slice(1, -1)]);
    // The run-time table: `inputs: { ... }` in the `ɵɵngDeclareDirective({...})` call.
    let runtime: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'inputs') {
        const value = ts.isSatisfiesExpression(node.initializer) ? node.initializer.expression : node.initializer;
        runtime = (value as ts.ObjectLiteralExpression).properties.map((p) => (p.name as ts.Identifier).text);
      }
      ts.forEachChild(node, visit);
    };
    visit(declaration.initializer!);
    const properties = sorted([...c.attributes.map((a) => a.fieldName), ...c.propertyOnly]);
    assert.deepEqual(sorted(inputs), properties, 'ɵdir inputs');
    assert.deepEqual(sorted(runtime), properties, 'ngDeclareDirective inputs');
    assert.deepEqual(sorted(setters), properties, 'setters');
    assert.deepEqual(
      outputs.sort((a, b) => a[0]!.localeCompare(b[0]!)),
      c.events.map((e) => [camel(e), e]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
      'ɵdir outputs',
    );
  });
});
