// The version the element names in define()'s warning (src/element/version.ts) is the package's.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import { VERSION } from '../../src/element/version.js';

it('TlWorkflow.version is package.json\'s version', async () => {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(VERSION, pkg.version);
});
