import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import madge from 'madge';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * No cycle at all: two modules that import each other own each other's facts. (The recursive group
 * fields, the one cycle there was, now meet through the group part's view, src/views/part-views.ts.)
 */
it('src/ has no import cycle (type-only and dynamic imports count too)', async () => {
  const graph = await madge(src, {
    fileExtensions: ['ts'],
    tsConfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
  });
  const cycles = graph.circular().map((cycle) => cycle.join(' > '));
  assert.deepEqual(cycles, []);
});
