import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import madge from 'madge';

/**
 * docs/architecture.md is the plan; this test holds the code to it. The plan's layer table says
 * which folder of src/ may import which (only its own, or one on a lower row), and its list of
 * imports that run up names the exceptions. A new upward import, a folder missing from the table,
 * or an exception that no longer exists fails here: fix the code, or the page.
 */
const ROOT = new URL('../../', import.meta.url);
const PAGE = 'docs/architecture.md';

/** A file of src/ as the table names it: its top folder (`src/runner/`) or the file itself (`src/index.ts`). */
const unit = (file: string): string => `src/${file.includes('/') ? `${file.split('/')[0]}/` : file}`;

interface Plan {
  /** Each unit's row: 1 is the top; `apart` units import nothing of src/ and nothing imports them. */
  layers: Map<string, number | 'apart'>;
  /** `from -> to` pairs (src/ paths) allowed to run up. */
  upward: Set<string>;
  /** Every `src/...` path the page names. */
  named: string[];
}

async function plan(): Promise<Plan> {
  const page = await readFile(new URL(PAGE, ROOT), 'utf8');
  const layers = new Map<string, number | 'apart'>();
  for (const row of page.matchAll(/^\| (\d+|apart) \| ((?:`src\/[^`]+` ?)+)\|/gm)) {
    for (const folder of row[2]!.matchAll(/`(src\/[^`]+)`/g)) layers.set(folder[1]!, row[1] === 'apart' ? 'apart' : Number(row[1]));
  }
  const upward = new Set([...page.matchAll(/^- `(src\/[^`]+)` -> `(src\/[^`]+)`/gm)].map((m) => `${m[1]} -> ${m[2]}`));
  const named = [...new Set([...page.matchAll(/`(src\/[\w./-]+)`/g)].map((m) => m[1]!))];
  return { layers, upward, named };
}

/** The files of src/ and every import between two of them (type-only and dynamic ones included), as `src/a -> src/b`. */
async function graph(): Promise<{ files: string[]; edges: string[] }> {
  const tree = (await madge(fileURLToPath(new URL('src/', ROOT)), {
    fileExtensions: ['ts'],
    tsConfig: fileURLToPath(new URL('tsconfig.json', ROOT)),
  })).obj();
  return { files: Object.keys(tree), edges: Object.entries(tree).flatMap(([from, tos]) => tos.map((to) => `src/${from} -> src/${to}`)) };
}

describe(`the layers of src/ (${PAGE})`, () => {
  it('every folder and top-level file of src/ has a row, and every row names one that exists', async () => {
    const { layers } = await plan();
    const units = new Set((await graph()).files.map(unit));
    for (const u of units) assert.ok(layers.has(u), `${u} is not in the layer table of ${PAGE}`);
    for (const u of layers.keys()) assert.ok(existsSync(new URL(u, ROOT)), `${PAGE} names ${u}, which does not exist`);
  });

  it('imports point down only, but the ones the page lists as running up, each of which still exists', async () => {
    const { layers, upward } = await plan();
    const { edges } = await graph();
    const wrong = edges.filter((edge) => {
      const [from, to] = edge.split(' -> ').map((file) => unit(file.slice(4))) as [string, string];
      if (from === to) return false;
      const [a, b] = [layers.get(from), layers.get(to)];
      if (a === 'apart' || b === 'apart') return true;
      return a === undefined || b === undefined || a >= b ? !upward.has(edge) : false;
    });
    assert.deepEqual(wrong, [], `imports against ${PAGE}'s layers (point them down, or list them there with why)`);
    for (const edge of upward) assert.ok(edges.includes(edge), `${PAGE} lists ${edge} as running up, but src/ no longer has it: remove the line`);
  });

  it('every src/ path the page names exists', async () => {
    for (const path of (await plan()).named) assert.ok(existsSync(new URL(path, ROOT)), `${PAGE} names ${path}, which does not exist`);
  });
});
