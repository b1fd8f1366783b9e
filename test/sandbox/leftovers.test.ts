/**
 * The sandbox's last soft spots: JSON nested 100,000 deep, documents named like Object.prototype,
 * a client that stops sending its body, and host names that only look local once normalised.
 */
import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { Sandbox } from '../../sandbox/app.ts';
import { LOCAL_HOSTS, optionsFromEnv } from '../../sandbox/config.ts';
import { accessToken, call, callJson, executionIdOf, freshToken, PERSONAL, save, startSandbox } from './helpers.ts';

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

/**
 * Writes `head` (and `body`) on a raw TCP connection and leaves it as it is; resolves with
 * everything the server sent once the server closes the connection.
 */
function rawExchange(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(`${head}\r\n\r\n${body}`);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('sandbox leftovers: JSON nested too deep', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
  });

  const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

  it('answers 400 invalid-json (naming the limit) to a body nested 100,000 deep on every JSON endpoint, and keeps answering', async () => {
    const deep = nested(100_000);
    const token = await freshToken(sandbox);
    const access = await accessToken(sandbox);
    const json = { 'content-type': 'application/json' };
    const calls: Array<[string, Parameters<typeof call>[2]]> = [
      ['/widget/execution/steps/personal', { method: 'PUT', token, body: `{"values":{"firstName":${deep}}}`, headers: { ...json, 'idempotency-key': 'deep' } }],
      ['/widget/execution/back', { method: 'POST', token, body: `{"stepId":${deep}}`, headers: json }],
      ['/auth/authorize', { method: 'POST', body: `{"key":${deep}}`, headers: json }],
      ['/cases', { method: 'POST', token: access, body: `{"firstName":${deep}}`, headers: json }],
      ['/token', { method: 'POST', token: access, body: `{"caseId":${`{"a":`.repeat(50_000)}1${'}'.repeat(50_000)}}`, headers: json }],
      ['/sandbox/faults', { method: 'POST', body: deep, headers: json }],
    ];
    for (const [path, options] of calls) {
      assert.ok(String(options!.body).length < sandbox.options.maxJsonBytes, 'under the size limit');
      const response = await call(sandbox, path, options);
      assert.equal(response.status, 400, path);
      const { errors } = (await response.json()) as { errors: Array<{ code: string; message: string }> };
      assert.equal(errors[0]!.code, 'invalid-json', path);
      assert.match(errors[0]!.message, /deeper than 32 levels/, path);
    }
    assert.deepEqual((await callJson(sandbox, `/sandbox/audit/${executionIdOf(token)}`)).body.saves, {}, 'nothing saved');
    assert.equal((await save(sandbox, token, 'personal', PERSONAL)).status, 200, 'the sandbox still works');
  });

  it('still parses a body 32 deep, and brackets inside strings do not count', async () => {
    const at32 = await call(sandbox, '/auth/authorize', { method: 'POST', body: `{"key":${nested(31)}}`, headers: { 'content-type': 'application/json' } });
    assert.equal(at32.status, 400);
    assert.equal(((await at32.json()) as { errors: Array<{ code: string; field?: string }> }).errors[0]!.field, 'key', 'parsed: refused for its value');
    const at33 = await call(sandbox, '/auth/authorize', { method: 'POST', body: `{"key":${nested(32)}}`, headers: { 'content-type': 'application/json' } });
    assert.match(await at33.text(), /invalid-json/);
    const token = await freshToken(sandbox);
    const brackets = `[{\\"[${'['.repeat(10_000)}`;
    const saved = await save(sandbox, token, 'personal', { ...PERSONAL, street: brackets });
    assert.notEqual(saved.status, 400, JSON.stringify(saved.body).slice(0, 200));
  });
});

describe('sandbox leftovers: documents named like Object.prototype', () => {
  it('answers 404 for /documents/__proto__ and its kin, 200 for the real ones', async () => {
    const sandbox = await startSandbox();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      const response = await call(sandbox, `/documents/${name}`);
      assert.equal(response.status, 404, name);
      assert.doesNotMatch(await response.text(), /undefined/, name);
    }
    for (const name of ['terms', 'privacy']) {
      const response = await call(sandbox, `/documents/${name}`);
      assert.equal(response.status, 200, name);
      assert.doesNotMatch(await response.text(), /undefined/);
    }
  });
});

describe('sandbox leftovers: over real HTTP', () => {
  let sandbox: Sandbox;
  let port: number;
  let close: () => Promise<void>;
  before(async () => {
    sandbox = await startSandbox({ bodyTimeoutMs: 300, allowedHosts: [...LOCAL_HOSTS, 'sandbox.test', 'app.localhost'] });
    ({ port, close } = await listen(sandbox));
  });
  after(() => close());

  // Without a body timeout these connections stay open for ever: the test's own timeout only turns that into a failure.
  const safety = { timeout: 120_000 };

  it('answers 408 and closes the connection when a declared body stops coming (bodyTimeoutMs)', safety, async () => {
    const token = await freshToken(sandbox);
    const head = [
      'PUT /widget/execution/steps/personal HTTP/1.1',
      `Host: localhost:${port}`,
      `Authorization: Bearer ${token}`,
      'Content-Type: application/json',
      'Idempotency-Key: stalled',
      'Content-Length: 5000',
    ].join('\r\n');
    const answer = await rawExchange(port, head, '{"values":{"firstName":"Ann');
    assert.equal(statusOf(answer), 408, answer);
    assert.match(answer, /request-timeout/);
    assert.match(answer, /connection: close/i);
    assert.deepEqual((await callJson(sandbox, `/sandbox/audit/${executionIdOf(token)}`)).body.saves, {});
  });

  it('does the same for a chunked body that stops after its first chunk', safety, async () => {
    const head = ['POST /auth/authorize HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', 'Transfer-Encoding: chunked'].join('\r\n');
    const answer = await rawExchange(port, head, '8\r\n{"key":"\r\n');
    assert.equal(statusOf(answer), 408, answer);
  });

  it('waits 10 s by default (SANDBOX_BODY_TIMEOUT_MS)', () => {
    assert.equal(optionsFromEnv({}).bodyTimeoutMs, 10_000);
    assert.equal(optionsFromEnv({ SANDBOX_BODY_TIMEOUT_MS: '2500' }).bodyTimeoutMs, 2500);
  });

  it('answers for localhost, 127.0.0.1, [::1] and configured names only, as sent: other spellings and an empty Host are refused', async () => {
    const ask = async (host: string) => statusOf(await rawExchange(port, `GET /workflow-definitions HTTP/1.1\r\nHost: ${host}\r\nConnection: close`));
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost', `app.localhost:${port}`]) {
      assert.equal(await ask(host), 401, `${host} reaches the sandbox (and its auth)`);
    }
    for (const host of [
      `other.localhost:${port}`,
      `127.1:${port}`,
      `0x7f.1:${port}`,
      `2130706433:${port}`,
      `0177.0.0.1:${port}`,
      `127.0.0.2:${port}`,
      `[0:0:0:0:0:0:0:1]:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `localhost.:${port}`,
      '',
    ]) {
      // 421 from the sandbox; a Host @hono/node-server cannot read at all it refuses itself (400).
      assert.ok([400, 421].includes(await ask(host)), `Host: ${host}`);
    }
  });
});
