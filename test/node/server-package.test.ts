// Checks of the published `tl-workflow/server` entry, run in Node after `npm run build`.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type * as ServerApi from '../../src/server/index.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

interface PackageJson {
  exports: Record<string, { types: string; default: string }>;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

describe('the published tl-workflow/server entry', () => {
  it('resolves by package name in Node and exports the server API, with readable error names', async () => {
    const specifier = 'tl-workflow/server'; // resolved at run time through package.json "exports" (dist/)
    const mod = (await import(specifier)) as typeof ServerApi;
    assert.equal(typeof mod.createTransactionLink, 'function');
    assert.equal(typeof mod.widgetTokenHandler, 'function');
    assert.equal(mod.DEFAULT_BASE_URL, 'https://api.transactionlink.io');
    const error = new mod.NotFoundError({ request: 'GET /workflows/x', status: 404, code: 'not-found', errors: [] });
    assert.ok(error instanceof mod.TransactionLinkError);
    assert.equal(error.name, 'NotFoundError');
  });

  it('is declared in exports (types first) and files, with jose as its one runtime dependency', async () => {
    const pkg = JSON.parse(await read('package.json')) as PackageJson;
    const entry = pkg.exports['./server'];
    assert.deepEqual(Object.keys(entry), ['types', 'default']);
    assert.equal(entry.default, './dist/server.js');
    assert.match(await read(entry.types), /createTransactionLink/);
    // That dist/server.js and its types are in the tarball: test/node/pack.test.ts (every exports target).
    assert.ok(pkg.dependencies.jose, 'jose is a runtime dependency');
    assert.equal(pkg.devDependencies.jose, undefined);
  });

  it('is server code only: jose external, no DOM, no Node built-ins, no widget, no sandbox', async () => {
    const server = await read('dist/server.js');
    assert.match(server, /from\s*["']jose["']/);
    const imports = [...server.matchAll(/^import .* from\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    assert.deepEqual(imports, ['jose']);
    for (const marker of ['document.', 'window.', 'customElements', 'node:', 'lit-html', 'sandbox-secret', 'createSandbox']) {
      assert.ok(!server.includes(marker), `dist/server.js contains ${marker}`);
    }
  });
});
