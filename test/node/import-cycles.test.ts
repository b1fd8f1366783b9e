import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import madge from 'madge';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * The one import cycle that is real: a group field renders its entries' fields, and rendering a
 * field dispatches to the group field. Any other cycle means two modules own each other's facts.
 */
const ALLOWED = ['views/fields/render-field.ts > views/fields/group-field.ts'];

it('src/ has no import cycle but the recursive group fields (type-only and dynamic imports count too)', async () => {
  const graph = await madge(src, {
    fileExtensions: ['ts'],
    tsConfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
  });
  const cycles = graph.circular().map((cycle) => cycle.join(' > '));
  assert.deepEqual(cycles, ALLOWED);
});
