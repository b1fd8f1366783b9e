/**
 * The sandbox listens on developers' machines: what a web page, a rebinding DNS name, odd ids,
 * huge bodies, a second process or a busy port can do to it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { Sandbox } from '../../sandbox/app.ts';
import { accessToken, call, callJson, executionIdOf, freshToken, PERSONAL, png, save, startSandbox, upload } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tl-hardening-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The sandbox on a real port of 127.0.0.1. */
async function listen(sandbox: Sandbox): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: sandbox.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
      resolve({ port: info.port, close });
    });
  });
}

/** A raw HTTP request, so that `Host` and `Content-Length` can be anything; resolves with status and body. */
function raw(port: number, options: { method?: string; path: string; headers: Record<string, string | number>; body?: string | Buffer; end?: boolean }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    if (options.end !== false) req.end();
  });
}

/** Runs `sandbox/server.ts` with `env`; resolves once it printed its banner (or exited). */
function runServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, LATENCY_MS: '0', FAULT_RATE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const settled = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const timer = setInterval(() => {
      if (stdout.includes('curl')) resolve({ code: null, stdout, stderr });
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, settled };
}

describe('sandbox hardening: what a web page can send', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
  });

  it('refuses a cross-site text/plain POST to /sandbox/faults (415) and queues nothing', async () => {
    const response = await call(sandbox, '/sandbox/faults', {
      method: 'POST',
      body: JSON.stringify({ status: 503, count: 100 }),
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    });
    assert.equal(response.status, 415);
    assert.equal(((await response.json()) as { errors: Array<{ code: string }> }).errors[0]!.code, 'unsupported-media-type');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.deepEqual((await callJson(sandbox, '/sandbox/faults')).body, []);
  });

  it('accepts JSON only as application/json, on every JSON endpoint', async () => {
    const form = await call(sandbox, '/auth/authorize', {
      method: 'POST',
      body: 'key=sandbox-key&secret=sandbox-secret',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 415);
    const token = await freshToken(sandbox);
    const plainSave = await call(sandbox, '/widget/execution/steps/personal', {
      method: 'PUT',
      token,
      body: JSON.stringify({ values: PERSONAL }),
      headers: { 'content-type': 'text/plain', 'idempotency-key': 'k-plain' },
    });
    assert.equal(plainSave.status, 415);
    const plainBack = await call(sandbox, '/widget/execution/back', { method: 'POST', token, body: '{}', headers: { 'content-type': 'text/plain' } });
    assert.equal(plainBack.status, 415);
    const json = await call(sandbox, '/sandbox/faults', {
      method: 'POST',
      body: JSON.stringify({ status: 503, pathContains: '/never' }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    assert.equal(json.status, 201);
    await call(sandbox, '/sandbox/faults', { method: 'DELETE' });
  });

  it('never takes the base of its links from a client-sent X-Forwarded-Prefix, unless configured to', async () => {
    const token = await freshToken(sandbox);
    const forged = await callJson(sandbox, '/widget/execution', { token, headers: { 'x-forwarded-prefix': '//evil.example/x' } });
    const consents = forged.body.definitions.find((d: { id: string }) => d.id === 'consents');
    assert.equal(consents.fields[0].links[0].href, 'http://sandbox.test/documents/terms');
    const proxied = await startSandbox({ trustForwardedPrefix: true });
    const proxiedToken = await freshToken(proxied);
    const behindProxy = await callJson(proxied, '/widget/execution', { token: proxiedToken, headers: { 'x-forwarded-prefix': '/tl' } });
    const links = behindProxy.body.definitions.find((d: { id: string }) => d.id === 'consents').fields[0].links;
    assert.equal(links[0].href, 'http://sandbox.test/tl/documents/terms');
  });

  for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`treats the id "${id}" as an unknown id everywhere`, async () => {
      const token = await freshToken(sandbox);
      const access = await accessToken(sandbox);
      assert.equal((await call(sandbox, `/sandbox/audit/${id}`)).status, 404);
      assert.equal((await call(sandbox, `/workflows/${id}`, { token: access })).status, 404);
      assert.equal((await call(sandbox, `/widget/execution/files/${id}`, { token })).status, 404);
      assert.equal((await call(sandbox, `/widget/execution/files/${id}`, { method: 'DELETE', token })).status, 404);
      assert.equal((await call(sandbox, `/widget/registry/${id}`, { token })).status, 404);
      assert.equal((await save(sandbox, token, id, {})).status, 404);
      // As an Idempotency-Key: a first use is a first use, its replay a replay.
      const first = await save(sandbox, token, 'personal', PERSONAL, id);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const replay = await save(sandbox, token, 'personal', PERSONAL, id);
      assert.equal(replay.status, 200);
      assert.deepEqual((await callJson(sandbox, `/sandbox/audit/${executionIdOf(token)}`)).body.saves, { personal: 1 });
      // As a saved file reference.
      const forged = await save(sandbox, token, 'identity-document', { documentType: 'passport', front: { id, name: 'x', size: 1, type: 'image/png' } });
      assert.equal(forged.status, 422);
    });
  }
});

describe('sandbox hardening: over real HTTP', () => {
  let sandbox: Sandbox;
  let port: number;
  let close: () => Promise<void>;
  before(async () => {
    sandbox = await startSandbox({ maxJsonBytes: 64 * 1024, maxUploadBytes: 1024 * 1024 });
    ({ port, close } = await listen(sandbox));
  });
  after(() => close());

  it('answers only for local Host names (421 for a rebinding DNS name)', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const answer = await raw(port, { path: '/workflow-definitions', headers: { host } });
      assert.equal(answer.status, 401, `${host} reaches the sandbox (and its auth)`);
    }
    for (const host of [`evil.example:${port}`, 'evil.example', `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      const answer = await raw(port, { path: '/sandbox/audit/x', headers: { host } });
      assert.equal(answer.status, 421, host);
      assert.match(answer.body, /misdirected-request/);
    }
  });

  it('refuses a body over the limit by its Content-Length, before reading it (413)', async () => {
    const token = await freshToken(sandbox);
    // 100 MB announced, a few bytes sent: the answer comes without the rest.
    const answer = await raw(port, {
      method: 'PUT',
      path: '/widget/execution/steps/personal',
      headers: { host: `localhost:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'big', 'content-length': 100_000_000 },
      body: '{"values":{',
      end: false,
    });
    assert.equal(answer.status, 413);
    assert.match(answer.body, /payload-too-large/);
    const upload = await raw(port, {
      method: 'POST',
      path: '/widget/execution/steps/identity-document/files',
      headers: { host: `localhost:${port}`, authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': 200_000_000 },
      body: '--x\r\n',
      end: false,
    });
    assert.equal(upload.status, 413);
    assert.deepEqual((await callJson(sandbox, `/sandbox/audit/${executionIdOf(token)}`)).body.saves, {});
  });

  it('refuses a chunked body of 2 million keys at the limit and keeps answering', async () => {
    const token = await freshToken(sandbox);
    const keys = Array.from({ length: 2_000_000 }, (_, i) => `"k${i}":1`).join(',');
    const body = `{"values":{${keys}}}`;
    const answer = await raw(port, {
      method: 'PUT',
      path: '/widget/execution/steps/personal',
      headers: { host: `localhost:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'keys', 'transfer-encoding': 'chunked' },
      body,
    });
    assert.equal(answer.status, 413);
    const next = await raw(port, { path: '/widget/execution', headers: { host: `localhost:${port}`, authorization: `Bearer ${token}` } });
    assert.equal(next.status, 200);
  });

  it('still takes a normal save and upload under the limits', async () => {
    const token = await freshToken(sandbox);
    assert.equal((await save(sandbox, token, 'personal', PERSONAL)).status, 200);
    assert.equal((await upload(sandbox, token, 'identity-document', 'front', png())).status, 201);
  });
});

describe('sandbox hardening: the standalone process', () => {
  it('refuses a second process on one SANDBOX_DATA file with a clear message', async () => {
    const data = join(dir, 'shared.json');
    const first = runServer({ PORT: '0', SANDBOX_DATA: data });
    const running = await first.settled;
    assert.equal(running.code, null, running.stderr);
    try {
      const second = runServer({ PORT: '0', SANDBOX_DATA: data });
      const refused = await second.settled;
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, new RegExp(`in use by another sandbox process \\(pid ${first.child.pid}\\)`));
      assert.match(refused.stderr, /SANDBOX_DATA=/);
      assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      first.child.kill('SIGTERM');
      await new Promise((resolve) => first.child.once('exit', resolve));
    }
    // Once the first one is gone, the file is free again.
    const third = runServer({ PORT: '0', SANDBOX_DATA: data });
    const started = await third.settled;
    assert.equal(started.code, null, started.stderr);
    third.child.kill('SIGTERM');
    await new Promise((resolve) => third.child.once('exit', resolve));
  });

  it('says which port is busy and how to pick another, without a stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    try {
      const { settled } = runServer({ PORT: String(busy), SANDBOX_DATA: '' });
      const result = await settled;
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`Port ${busy} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(result.stderr, new RegExp(`PORT=${busy + 1} npm run sandbox`));
      assert.doesNotMatch(result.stderr, /EADDRINUSE|\n\s+at /);
    } finally {
      blocker.close();
    }
  });
});
