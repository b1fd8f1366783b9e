// The tarball `npm pack` makes (what the registry would serve): every file package.json points
// at, and every source map a shipped file names, is inside it. Run after `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

/** Every string target of an `exports` map (conditions and subpaths flattened). */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

const normalize = (path: string) => posix.normalize(path).replace(/^\.\//, '');

describe('the packed tarball', () => {
  let packed: Set<string>;
  let pkg: Record<string, unknown> & { exports: unknown };

  before(async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
    const [info] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
    packed = new Set(info!.files.map((f) => f.path));
    pkg = JSON.parse(await read('package.json')) as typeof pkg;
  });

  it('holds every exports target, main, module, types, unpkg, jsdelivr and customElements', () => {
    const named = [
      ...targets(pkg.exports),
      ...['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements'].map((key) => String(pkg[key])),
    ].map(normalize);
    assert.ok(named.length > 10);
    const missing = named.filter((path) => !packed.has(path));
    assert.deepEqual(missing, [], 'named in package.json but not packed');
  });

  it('holds the source map every shipped script names (sourceMappingURL)', async () => {
    const scripts = [...packed].filter((path) => path.endsWith('.js'));
    assert.ok(scripts.includes('dist/tl-workflow.iife.js'));
    const missing: string[] = [];
    let maps = 0;
    for (const script of scripts) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(await read(script))?.[1];
      if (!url) continue;
      maps++;
      const map = normalize(posix.join(posix.dirname(script), url));
      if (!packed.has(map)) missing.push(`${script} -> ${map}`);
    }
    assert.ok(maps >= 4, `only ${maps} scripts name a source map`);
    assert.deepEqual(missing, []);
  });

  it('holds the parts both builds load on demand next to their main file, each a standalone module', async () => {
    const esm = await read('dist/tl-workflow.js');
    // Every part the build writes (languages, the official engine, the step types): each a module whose one export
    // is the function that builds the part from the main file's kit (build/parts.ts).
    const parts = [...packed].map((path) => /^dist\/tl-workflow\.([a-z]+)\.js$/.exec(path)?.[1]).filter((name) => name && name !== 'iife');
    assert.deepEqual([...parts].sort(), ['bank', 'choices', 'de', 'group', 'official', 'pl', 'review', 'upload', 'validation']);
    for (const name of parts) {
      const file = `dist/tl-workflow.${name}.js`;
      assert.ok(packed.has(file), `${file} packed`);
      const code = await read(file);
      assert.ok(!/^\s*import[\s{*]/m.test(code) && !/\bimport\(/.test(code), `${file} imports nothing (the script-tag build loads it from its own URL)`);
      assert.ok(/^export default function\s*\(/m.test(code), `${file} is an ES module whose default export builds the part`);
      assert.ok(esm.includes(`import("./tl-workflow.${name}.js")`), `the npm build imports ${file} with a literal import() its users' bundlers follow`);
    }
  });

  it('holds the licence, the readme and the type declarations of every entry; no sources, tests or sandbox', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'dist/types/index.d.ts', 'dist/types/react/index.d.ts', 'dist/types/vue/index.d.ts']) {
      assert.ok(packed.has(file), `${file} packed`);
    }
    const stray = [...packed].filter((path) => /^(src|test|sandbox|demo|bench)\//.test(path));
    assert.deepEqual(stray, []);
  });

  it('names only shipped modules in the custom elements manifest', async () => {
    const manifest = JSON.parse(await read('dist/custom-elements.json')) as {
      modules: Array<{ path: string; exports?: Array<{ kind: string; declaration: { module?: string } }> }>;
    };
    const paths = manifest.modules.flatMap((m) => [m.path, ...(m.exports ?? []).map((e) => e.declaration.module ?? m.path)]);
    assert.deepEqual(paths.filter((path) => !packed.has(path)), []);
    const definitions = manifest.modules.flatMap((m) => m.exports ?? []).filter((e) => e.kind === 'custom-element-definition');
    assert.equal(definitions.length, 1, 'one tag registered: tl-workflow');
  });
});
