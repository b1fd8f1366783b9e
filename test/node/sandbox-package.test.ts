// The `tl-workflow-sandbox` package as an integrator installs it: its tarball (npm pack of sandbox/,
// installed into test/apps/integrator by `npm run test:apps`), used through its command line and its
// Node API only, from the app's own folder, with nothing of this repository's sources or esbuild.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';

const APP = fileURLToPath(new URL('../apps/integrator/', import.meta.url));
const INSTALLED = `${APP}node_modules/tl-workflow-sandbox/`;
const run = promisify(execFile);

/** Starts `npx tl-workflow-sandbox ...args` in the app; resolves once it printed its banner, with how long that took. */
function startCli(args: string[]): Promise<{ url: string; output: string; startedMs: number; stop: () => Promise<unknown> }> {
  const started = performance.now();
  const child = spawn('npx', ['--no-install', 'tl-workflow-sandbox', ...args], { cwd: APP, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      // The banner's last line is the curl example: the whole banner is there.
      if (url && output.includes('curl')) {
        const exited = new Promise<number | null>((done) => child.once('exit', done));
        resolve({ url, output, startedMs: performance.now() - started, stop: () => (process.kill(-child.pid!, 'SIGTERM'), exited) });
      }
    });
    child.once('exit', (code) => reject(new Error(`tl-workflow-sandbox exited (${code}):\n${output}`)));
  });
}

describe('tl-workflow-sandbox, installed from its tarball', () => {
  it('ships the built code, the prebuilt replica and the workflows; no sources, no esbuild', async () => {
    const pkg = JSON.parse(await readFile(`${INSTALLED}package.json`, 'utf8')) as { dependencies: Record<string, string>; bin: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['@hono/node-server', 'hono', 'jose']);
    assert.equal(pkg.bin['tl-workflow-sandbox'], './dist/cli.js');
    const { stdout } = await run('find', ['.', '-type', 'f', '-not', '-path', './node_modules/*'], { cwd: INSTALLED });
    const files = stdout.trim().split('\n').map((f) => f.slice(2));
    for (const file of ['dist/cli.js', 'dist/index.js', 'dist/playwright.js', 'dist/replica/transactionlink-widget.umd.js', 'dist/replica/frame.js', 'dist/workflows/01-individual-kyc.json', 'dist/data/countries.json', 'README.md', 'dist/LICENSE']) {
      assert.ok(files.includes(file), `${file} shipped`);
    }
    assert.deepEqual(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts')), [], 'no TypeScript sources');
    for (const file of files.filter((f) => f.endsWith('.js') && !f.startsWith('dist/replica/'))) {
      assert.doesNotMatch(await readFile(`${INSTALLED}${file}`, 'utf8'), /from ["']esbuild["']|\.\.\/src\//, file);
    }
  });

  it('npx tl-workflow-sandbox --port 0 starts, prints URL, key, secret and a token, and answers POST /token with an RS512 token', async () => {
    const cli = await startCli(['--port', '0', '--key', 'acme-key', '--secret', 'acme-secret']);
    try {
      console.log(`# tl-workflow-sandbox: banner printed ${Math.round(cli.startedMs)} ms after npx was started`);
      assert.match(cli.output, /key: +acme-key/);
      assert.match(cli.output, /secret: +acme-secret/);
      const printed = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/m.exec(cli.output)?.[1];
      assert.ok(printed, 'a widget token printed');
      const auth = await fetch(`${cli.url}/auth/authorize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'acme-key', secret: 'acme-secret' }) });
      const { accessToken } = (await auth.json()) as { accessToken: string };
      const answer = await fetch(`${cli.url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ caseId: '11111111-2222-3333-4444-555555555555', workflowDefinitionId: '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c' }),
      });
      assert.equal(answer.status, 201);
      const body = (await answer.json()) as { token: string; expiryDuration: number; tokenType: string };
      assert.equal(body.expiryDuration, 3600);
      assert.equal(body.tokenType, 'Bearer');
      for (const token of [body.token, printed]) {
        assert.equal(decodeProtectedHeader(token).alg, 'RS512');
        const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${cli.url}/.well-known/jwks.json`)), { algorithms: ['RS512'] });
        for (const claim of ['customerId', 'partyId', 'workspaceId']) assert.equal(typeof payload[claim], 'string', claim);
        assert.equal(payload.exp! - payload.iat!, 3600);
      }
    } finally {
      await cli.stop(); // SIGTERM to npx and the sandbox: both end (npx by the signal, the sandbox after stop()).
    }
  });

  it('says what is wrong with a command line, in one line, with the usage', async () => {
    const failed = await run('npx', ['--no-install', 'tl-workflow-sandbox', '--fault-rate', '3'], { cwd: APP }).catch((error: { code: number; stderr: string }) => error);
    assert.equal((failed as { code: number }).code, 2);
    assert.match((failed as { stderr: string }).stderr, /--fault-rate 3: expected a number from 0 to 1/);
    assert.match((failed as { stderr: string }).stderr, /Usage: tl-workflow-sandbox/);
  });

  it('startSandbox() then stop() leaves no open handle: a script that does only that exits by itself', async () => {
    const script = `
      import { startSandbox } from 'tl-workflow-sandbox';
      const sandbox = await startSandbox({ port: 0, webhookUrl: 'http://127.0.0.1:9/unreachable' });
      sandbox.scenario('awaiting', { seconds: 60 });
      const { token } = await sandbox.widgetToken();
      const answer = await fetch(sandbox.url + '/widget/execution', { headers: { authorization: 'Bearer ' + token } });
      await sandbox.stop();
      console.log('stopped', answer.status);
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: APP, timeout: 120_000 });
    assert.equal(stdout.trim(), 'stopped 200');
  });
});
