/**
 * `npm run docs`: writes the README's contract tables from the code, so the documentation cannot
 * drift from it. `npm run docs -- --check` writes nothing and exits 1 when a table is stale
 * (test/node/docs.test.ts runs the same check in `npm run test:node`).
 *
 * - attributes, properties, events, CSS parts and custom-property descriptions: the custom
 *   elements manifest, made in memory by the analyzer `cem analyze` runs (same config, same plugins);
 * - custom-property defaults: src/views/styles/theme-defaults.ts;
 * - error codes: the comment on each code in src/events/error-codes.ts.
 *
 * A table sits between `<!-- generated: NAME (npm run docs) -->` and `<!-- end generated: NAME -->`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from '@custom-elements-manifest/analyzer';
import ts from 'typescript';
import { THEME_DEFAULTS } from '../src/views/styles/theme-defaults.ts';

const ROOT = new URL('../', import.meta.url);
const ANALYZER = new URL('node_modules/@custom-elements-manifest/analyzer/', ROOT);

/** The parts of the custom elements manifest (schema 1.0) the tables read. */
interface Typed { name: string; description?: string; type?: { text: string } }
interface Attribute extends Typed { fieldName?: string; default?: string }
interface Member extends Typed { kind: string; static?: boolean; privacy?: string; readonly?: boolean; attribute?: string }
interface CustomElementDeclaration {
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: Typed[];
  cssParts?: Typed[];
  cssProperties?: Typed[];
}
interface Package { modules: { declarations?: object[] }[] }
/** The analyzer's own entry: its `create` and the TypeScript it was built with (5.4, not ours). */
interface Analyzer { create: (options: { modules: ts.SourceFile[]; plugins: Plugin[]; context: object }) => Package; ts: typeof ts }

/** The files whose generated parts this script owns. */
export const DOC_FILES = ['README.md'] as const;

const read = (path: string) => readFile(new URL(path, ROOT), 'utf8');

/** The custom elements manifest, as `cem analyze` (custom-elements-manifest.config.mjs) makes it. */
async function manifest(): Promise<Package> {
  const config = ((await import(new URL('custom-elements-manifest.config.mjs', ROOT).href)) as { default: { globs: string[]; plugins: Plugin[] } }).default;
  const lit = (await import(new URL('src/features/framework-plugins/lit/lit.js', ANALYZER).href)) as { litPlugin: () => Plugin[] };
  const analyzer = (await import(new URL('index.js', ANALYZER).href)) as Analyzer;
  const modules = await Promise.all(config.globs.map(async (path) => analyzer.ts.createSourceFile(path, await read(path), analyzer.ts.ScriptTarget.ES2015, true)));
  return analyzer.create({ modules, plugins: [...lit.litPlugin(), ...config.plugins], context: {} });
}

function element(pkg: Package): CustomElementDeclaration {
  for (const module of pkg.modules) {
    for (const declaration of module.declarations ?? []) {
      const candidate = declaration as CustomElementDeclaration & { customElement?: boolean };
      if (candidate.customElement && candidate.tagName === 'tl-workflow') return candidate;
    }
  }
  throw new Error('custom elements manifest: no <tl-workflow>');
}

/** A description on one table row: JSDoc line breaks joined, pipes escaped. */
const cell = (text = ''): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text: string): string => `\`${text.replace(/\|/g, '\\|')}\``;

/** A default written as a constant's name (`DEFAULT_TIMEOUT_MS`) is looked up in src/. */
async function literalDefault(text: string | undefined): Promise<string> {
  if (!text) return '';
  if (!/^[A-Z][A-Z0-9_]+$/.test(text)) return code(text);
  const files = ts.sys.readDirectory(fileURLToPath(new URL('src/', ROOT)), ['.ts']);
  for (const file of files) {
    const match = new RegExp(`export const ${text} = ([^;]+);`).exec(await readFile(file, 'utf8'));
    if (match) return code(match[1]!.replace(/_/g, ''));
  }
  throw new Error(`default ${text}: no exported constant of that name in src/`);
}

async function attributeTable(el: CustomElementDeclaration): Promise<string> {
  const rows = await Promise.all((el.attributes ?? []).map(async (a) =>
    `| ${code(a.name)} | ${code(a.fieldName ?? '')} | ${code(a.type?.text ?? '')} | ${await literalDefault(a.default)} | ${cell(a.description)} |`));
  return ['| attribute | property | type | default | meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Public properties without an attribute (set from script only). */
function propertyTable(el: CustomElementDeclaration): string {
  const fields = (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.attribute);
  const rows = fields.map((f) => `| ${code(f.name)} | ${code(f.type?.text ?? '')} | ${f.readonly ? 'Read-only. ' : ''}${cell(f.description)} |`);
  return ['| property | type | meaning |', '|---|---|---|', ...rows].join('\n');
}

function eventTable(el: CustomElementDeclaration): string {
  const rows = (el.events ?? []).map((e) => {
    const detail = /^CustomEvent<(.*)>$/.exec(e.type?.text ?? '')?.[1] ?? '';
    return `| ${code(e.name)} | ${cell(e.description)} | ${code(detail)} |`;
  });
  return ['| event | when | `detail` |', '|---|---|---|', ...rows].join('\n');
}

function partTable(el: CustomElementDeclaration): string {
  const rows = (el.cssParts ?? []).map((p) => `| ${code(p.name)} | ${cell(p.description)} |`);
  return ['| part | what |', '|---|---|', ...rows].join('\n');
}

/** Custom properties: defaults from THEME_DEFAULTS (light / dark), descriptions from the manifest. */
function cssPropertyTable(el: CustomElementDeclaration): string {
  const described = new Map((el.cssProperties ?? []).map((p) => [p.name, p.description]));
  const rows = THEME_DEFAULTS.map((d) => {
    const value = d.computed ? 'black or white, from the accent' : d.light === d.dark ? code(d.light) : `${code(d.light)} / ${code(d.dark)}`;
    return `| ${code(d.name)} | ${value} | ${cell(described.get(d.name))} |`;
  });
  return ['| custom property | default (light / dark) | |', '|---|---|---|', ...rows].join('\n');
}

/** The error codes with the comment each one carries in src/events/error-codes.ts. */
async function errorCodeTable(): Promise<string> {
  const path = 'src/events/error-codes.ts';
  const source = await read(path);
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true);
  let list: ts.ArrayLiteralExpression | undefined;
  file.forEachChild(function find(node) {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'ERROR_CODES') {
      let init = node.initializer;
      while (init && ts.isAsExpression(init)) init = init.expression;
      if (init && ts.isArrayLiteralExpression(init)) list = init;
    }
    node.forEachChild(find);
  });
  if (!list) throw new Error(`${path}: no ERROR_CODES array`);
  const rows = list.elements.map((entry) => {
    const name = ts.isStringLiteral(entry) ? entry.text : entry.getText();
    const comment = (ts.getLeadingCommentRanges(source, entry.pos) ?? []).map((r) => source.slice(r.pos, r.end)).join('\n');
    const text = comment.replace(/^\/\*\*|\*\/$/g, '').split('\n').map((line) => line.replace(/^\s*\*?\s?/, '')).join('\n');
    const [meaning, recoverable] = text.split(/@recoverable\s+/);
    if (!meaning?.trim() || !recoverable?.trim()) throw new Error(`${path}: ${name} needs a comment with its meaning and @recoverable`);
    return `| ${code(name)} | ${cell(meaning)} | ${cell(recoverable)} |`;
  });
  return ['| code | meaning | recoverable |', '|---|---|---|', ...rows].join('\n');
}

/** Every generated table, by name. */
async function tables(): Promise<Record<string, string>> {
  const el = element(await manifest());
  return {
    attributes: await attributeTable(el),
    properties: propertyTable(el),
    events: eventTable(el),
    'error-codes': await errorCodeTable(),
    'css-properties': cssPropertyTable(el),
    'css-parts': partTable(el),
  };
}

/** `text` with each generated block replaced by today's table; a block named but unknown throws. */
function fill(text: string, path: string, generated: Record<string, string>): string {
  return text.replace(
    /(<!-- generated: ([\w-]+) \(npm run docs\) -->\n)[\s\S]*?(<!-- end generated: \2 -->)/g,
    (_all, open: string, name: string, close: string) => {
      const table = generated[name];
      if (table === undefined) throw new Error(`${path}: unknown generated block ${name}`);
      return `${open}${table}\n${close}`;
    },
  );
}

/** For each documentation file: what it holds now and what it should hold. */
export async function docsState(): Promise<{ path: string; now: string; expected: string; blocks: string[] }[]> {
  const generated = await tables();
  return Promise.all(DOC_FILES.map(async (path) => {
    const now = await read(path);
    const blocks = [...now.matchAll(/<!-- generated: ([\w-]+) \(npm run docs\) -->/g)].map((m) => m[1]!);
    return { path, now, expected: fill(now, path, generated), blocks };
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { path, now, expected } of await docsState()) {
    if (now === expected) continue;
    stale++;
    if (check) console.error(`${path} is stale: run npm run docs`);
    else await writeFile(new URL(path, ROOT), expected);
  }
  if (check && stale) process.exit(1);
  if (!check) console.info(stale ? `docs: ${stale} file(s) written` : 'docs: up to date');
}
