// Checks of the published `tl-workflow/server` entry, run in Node after `npm run build`.
import assert from 'node:assert/strict';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { build } from 'vite';
import { describe, it } from 'node:test';
import type * as ServerApi from '../../src/server/index.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

interface PackageJson {
  exports: Record<string, Record<string, string>>;
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
    assert.equal(Object.keys(entry)[0], 'types');
    assert.equal(entry.default, './dist/server.js');
    assert.match(await read(entry.types!), /createTransactionLink/);
    // Every server runtime's condition comes before `browser` (Cloudflare's and Next's edge bundlers also match `browser`).
    const conditions = Object.keys(entry);
    for (const runtime of ['node', 'deno', 'bun', 'workerd', 'worker', 'edge-light', 'react-server']) {
      assert.equal(entry[runtime], './dist/server.js', runtime);
      assert.ok(conditions.indexOf(runtime) < conditions.indexOf('browser'), `${runtime} before browser`);
    }
    assert.equal(entry.browser, './dist/server.browser.js');
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

describe('tl-workflow/server in a browser bundle', () => {
  // The scratch app with the tarball installed (npm run test:apps), and a module that imports the server entry by mistake.
  const app = new URL('test/apps/npm/', root);
  const entry = new URL('server-by-mistake.js', app);
  const bundle = (ssr: boolean) =>
    build({
      root: app.pathname,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, ssr: ssr ? entry.pathname : false, rollupOptions: ssr ? {} : { input: entry.pathname } },
    });

  it('fails the Vite build of a browser app, with a message saying why and what to use', async (t) => {
    assert.ok(existsSync(new URL('node_modules/tl-workflow/package.json', app)), 'test/apps/npm has no installed tarball: run npm run test:apps');
    await writeFile(entry, "import { createTransactionLink } from 'tl-workflow/server';\nconsole.log(createTransactionLink);\n");
    t.after(() => rm(entry, { force: true }));
    await assert.rejects(bundle(false), (error: Error) => {
      // Vite's words: '"./server is for servers only: ..." is not exported under the conditions ["module", "browser", ...]'.
      assert.match(error.message, /server is for servers only: import it in server code \(a route handler\), never in code that runs in a browser\. In the browser use the token-endpoint attribute of tl-workflow/);
      assert.match(error.message, /"browser"/);
      return true;
    });
    // The same module bundled for a server (Vite's SSR build: the `node` condition) builds and keeps the real API.
    const built = (await bundle(true)) as { output: Array<{ code?: string }> };
    const code = built.output.map((chunk) => chunk.code ?? '').join('');
    assert.match(code, /tl-workflow\/server/);
    assert.doesNotMatch(code, /servers only/);
  });

  it('throws at import with the same message where a bundler leaves the import unresolved', async () => {
    const text = await read('dist/server.browser.js');
    assert.match(text, /throw new Error\("tl-workflow\/server is for servers only/);
  });
});
