import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DevServer, type Logger } from '@web/dev-server-core';
import { sandboxMiddleware, sandboxVitePlugin } from '../../sandbox/middleware.ts';
import { DEMO, PERSONAL, png } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts `sandbox/server.ts` on an ephemeral port; resolves with its URL and everything it printed. */
function startStandalone(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SANDBOX_DATA: '', LATENCY_MS: '0', FAULT_RATE: '0', SANDBOX_KEY: '', SANDBOX_SECRET: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15000);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && output.includes('curl')) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** A widget token through the HTTP API under `base`. */
async function tokenOver(base: string, workflowDefinitionId: string = DEMO.individualKycId): Promise<string> {
  const auth = await fetch(`${base}/auth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: 'sandbox-key', secret: 'sandbox-secret' }),
  });
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const token = await fetch(`${base}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ caseId: DEMO.caseId, workflowDefinitionId }),
  });
  assert.equal(token.status, 201);
  return ((await token.json()) as { token: string }).token;
}

/** Saves the personal step, then uploads a 2 KiB file (multipart) for the identity document, over HTTP. */
async function uploadOver(base: string, token: string): Promise<Response> {
  const saved = await fetch(`${base}/widget/execution/steps/personal`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ values: PERSONAL }),
  });
  assert.equal(saved.status, 200);
  const form = new FormData();
  form.set('field', 'front');
  form.set('file', png('over-http.png', 2048));
  return fetch(`${base}/widget/execution/steps/identity-document/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

describe('standalone server (npm run sandbox)', () => {
  let server: Awaited<ReturnType<typeof startStandalone>>;
  before(async () => {
    server = await startStandalone();
  });
  after(() => {
    server?.child.kill('SIGTERM');
  });

  it('prints the credentials, demo case, workflow ids and a curl line', () => {
    const text = server.output();
    for (const expected of ['sandbox-key', 'sandbox-secret', DEMO.caseId, DEMO.individualKycId, DEMO.companyKybId, `curl -s -X POST ${server.url}/auth/authorize`]) {
      assert.ok(text.includes(expected), `banner mentions ${expected}`);
    }
  });

  it('answers CORS preflights for localhost and 127.0.0.1 origins', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8000', 'http://localhost']) {
      const response = await fetch(`${server.url}/widget/execution/steps/personal`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,idempotency-key,content-type' },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
      for (const header of ['authorization', 'content-type', 'idempotency-key', 'accept']) assert.ok(allowed.includes(header), header);
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /PUT/);
    }
  });

  it('gives no CORS headers to other origins', async () => {
    for (const origin of ['https://evil.example', 'https://localhost:5173', 'http://localhost.evil.example']) {
      const preflight = await fetch(`${server.url}/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(preflight.headers.get('access-control-allow-headers'), null, origin);
      const simple = await fetch(`${server.url}/.well-known/jwks.json`, { headers: { origin } });
      assert.equal(simple.headers.get('access-control-allow-origin'), null, origin);
    }
  });

  it('serves the widget API with CORS on real responses, uploads included', async () => {
    const token = await tokenOver(server.url);
    const response = await fetch(`${server.url}/widget/execution`, { headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:5173' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const unauthorized = await fetch(`${server.url}/widget/execution`, { headers: { origin: 'http://localhost:5173' } });
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const uploaded = await uploadOver(server.url, token);
    assert.equal(uploaded.status, 201);
    assert.equal(((await uploaded.json()) as { size: number }).size, 2048);
  });
});

const quietLogger = {
  log() {}, debug() {}, error() {}, warn() {}, group() {}, groupEnd() {}, logSyntaxError() {},
} as unknown as Logger;

describe('sandboxMiddleware in the web-test-runner dev server', () => {
  let server: DevServer;
  let base: string;
  before(async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    server = new DevServer({ rootDir: ROOT, port, hostname: '127.0.0.1', middleware: [sandboxMiddleware({ prefix: '/tl-api' })], plugins: [] }, quietLogger);
    await server.start();
    base = `http://127.0.0.1:${port}/tl-api`;
  });
  after(async () => {
    await server?.stop();
  });

  it('serves the sandbox under the prefix, with prefixed links and streamed multipart uploads', async () => {
    const jwks = await fetch(`${base}/.well-known/jwks.json`);
    assert.equal(jwks.status, 200);
    const token = await tokenOver(base, DEMO.companyKybId);
    const execution = await fetch(`${base}/widget/execution`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await execution.json()) as { definitions: Array<{ id: string; fields?: Array<{ links?: Array<{ href: string }> }> }> };
    const consents = body.definitions.find((d) => d.id === 'consents')!;
    assert.match(consents.fields![0].links![0].href, /^http:\/\/127\.0\.0\.1:\d+\/tl-api\/documents\/terms$/);
    assert.equal((await fetch(consents.fields![0].links![0].href)).status, 200);

    const kyc = await tokenOver(base);
    const personal = await fetch(`${base}/widget/execution`, { headers: { authorization: `Bearer ${kyc}` } });
    assert.equal(personal.status, 200);
    const uploaded = await uploadOver(base, kyc);
    assert.equal(uploaded.status, 201);
    assert.equal(((await uploaded.json()) as { size: number }).size, 2048);
  });

  it('takes bodiless deletes and chunked bodies through the mount, and refuses a chunked body over the limit', async () => {
    const token = await tokenOver(base);
    const uploaded = (await (await uploadOver(base, token)).json()) as { id: string };
    const removed = await fetch(`${base}/widget/execution/files/${uploaded.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    assert.equal(removed.status, 204);
    const chunked = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.subarray(i, i + 16 * 1024));
          controller.close();
        },
      });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const back = await fetch(`${base}/widget/execution/back`, { method: 'POST', headers, body: chunked('{"stepId":"personal"}'), duplex: 'half' } as RequestInit);
    assert.equal(back.status, 200);
    const huge = `{"values":{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":1`).join(',')}}}`;
    const refused = await fetch(`${base}/widget/execution/steps/personal`, {
      method: 'PUT',
      headers: { ...headers, 'idempotency-key': 'huge' },
      body: chunked(huge),
      duplex: 'half',
    } as RequestInit);
    assert.equal(refused.status, 413);
  });

  it('passes other paths on to the dev server', async () => {
    const response = await fetch(base.replace('/tl-api', '/package.json'));
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { name: string }).name, 'tl-workflow');
    assert.equal((await fetch(base.replace('/tl-api', '/tl-apix'))).status, 404);
  });
});

describe('sandboxVitePlugin', () => {
  // Importing Vite costs seconds, so this mounts the plugin the way Vite's connect stack does
  // (`server.middlewares.use(prefix, handler)`, prefix stripped from req.url) on a plain HTTP server.
  let server: Server;
  let base: string;
  before(async () => {
    const mounts: Array<{ prefix: string; handler: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void }> = [];
    const plugin = sandboxVitePlugin({ prefix: '/tl-api' });
    const configure = plugin.configureServer as unknown as (server: { middlewares: { use: (prefix: string, handler: never) => void } }) => void;
    configure({ middlewares: { use: (prefix, handler) => mounts.push({ prefix, handler }) } });
    assert.equal(mounts.length, 1);
    assert.equal(mounts[0].prefix, '/tl-api');
    server = createHttpServer((req, res) => {
      const mount = mounts.find((m) => req.url === m.prefix || req.url!.startsWith(`${m.prefix}/`));
      if (!mount) {
        res.statusCode = 404;
        res.end();
        return;
      }
      req.url = req.url!.slice(mount.prefix.length) || '/';
      mount.handler(req, res, () => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tl-api`;
  });
  after(() => {
    server?.close();
    server?.closeAllConnections();
  });

  it('serves the sandbox under the prefix, uploads included', async () => {
    const token = await tokenOver(base);
    const response = await fetch(`${base}/widget/execution`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { definitions: Array<{ id: string; consent?: { links: Array<{ href: string }> } }> };
    assert.match(body.definitions.find((d) => d.id === 'bank')!.consent!.links[0].href, /\/tl-api\/documents\/privacy$/);
    const uploaded = await uploadOver(base, token);
    assert.equal(uploaded.status, 201);
    assert.equal(((await uploaded.json()) as { size: number }).size, 2048);
  });
});
