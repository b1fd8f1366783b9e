import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docsState } from '../../scripts/docs.ts';

/** The tables `npm run docs` writes, and where they must be. */
const BLOCKS = ['attributes', 'properties', 'events', 'error-codes', 'css-properties', 'css-parts'];

describe('generated documentation (npm run docs)', () => {
  it('the README holds every generated table, each exactly as the code writes it today', async () => {
    for (const { path, now, expected, blocks } of await docsState()) {
      assert.deepEqual([...blocks].sort(), [...BLOCKS].sort(), `${path}: the generated blocks`);
      // A stale table: the line that differs first, so the failure says what drifted.
      const [a, b] = [now.split('\n'), expected.split('\n')];
      const line = a.findIndex((text, i) => text !== b[i]);
      assert.ok(now === expected, `${path} is stale (line ${line + 1}: "${a[line]}" should be "${b[line]}"): run npm run docs`);
    }
  });
});
