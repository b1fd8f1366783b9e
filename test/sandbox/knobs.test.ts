import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, mock } from 'node:test';
import { createSandbox } from '../../sandbox/app.ts';
import { optionsFromEnv } from '../../sandbox/config.ts';
import { accessToken, callJson, executionIdOf, freshToken, PERSONAL, png, save, startSandbox, upload } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'tl-sandbox-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('SANDBOX_DATA persistence', () => {
  it('keeps keys, cases and executions across two instances', async () => {
    const dataFile = join(dir, 'state.json');
    const first = createSandbox({ dataFile, latencyMs: 0, faultRate: 0, allowedHosts: ['sandbox.test'] });
    const token = await freshToken(first);
    assert.equal((await save(first, token, 'personal', PERSONAL, 'persisted-key')).status, 200);
    const front = await upload(first, token, 'identity-document', 'front', png());
    const stored = JSON.parse(readFileSync(dataFile, 'utf8'));
    assert.ok(stored.privateJwk.d, 'the private key is persisted');
    assert.equal(stored.executions[executionIdOf(token)].files[front.body.id].size, 64);

    first.store.close();
    const second = createSandbox({ dataFile, latencyMs: 0, faultRate: 0, allowedHosts: ['sandbox.test'] });
    const resumed = await callJson(second, '/widget/execution', { token });
    assert.equal(resumed.status, 200, 'a token of the first instance verifies on the second');
    assert.equal(resumed.body.currentStepId, 'identity-document');
    assert.deepEqual(resumed.body.values.personal, PERSONAL);
    const replay = await save(second, token, 'personal', PERSONAL, 'persisted-key');
    assert.equal(replay.status, 200);
    assert.deepEqual((await callJson(second, `/sandbox/audit/${executionIdOf(token)}`)).body.saves, { personal: 1 });
    const saved = await save(second, token, 'identity-document', { documentType: 'passport', front: front.body });
    assert.equal(saved.status, 200, 'file metadata survives; the reference is still valid');
    second.store.close();
  });

  it('starts empty (with the demo case) when the file does not exist yet', async () => {
    const sandbox = createSandbox({ dataFile: join(dir, 'new.json') });
    await sandbox.ready;
    assert.equal(Object.keys(sandbox.store.data.executions).length, 0);
    assert.ok(sandbox.store.getCase('11111111-2222-3333-4444-555555555555'));
    sandbox.store.close();
  });
});

describe('FAULT_RATE and LATENCY_MS', () => {
  it('FAULT_RATE=1 answers every widget request 503 unavailable, and leaves the client backend alone', async () => {
    const sandbox = await startSandbox({ faultRate: 1 });
    const token = await freshToken(sandbox);
    const { status, body } = await callJson(sandbox, '/widget/execution', { token });
    assert.equal(status, 503);
    assert.equal(body.errors[0].code, 'unavailable');
    assert.equal((await callJson(sandbox, '/workflow-definitions', { token: await accessToken(sandbox) })).status, 200);
  });

  it('FAULT_RATE uses the injected random source', async () => {
    const rolls = [0.9, 0.1];
    const sandbox = await startSandbox({ faultRate: 0.5, random: () => rolls.shift() ?? 0.9 });
    const token = await freshToken(sandbox);
    assert.equal((await callJson(sandbox, '/widget/execution', { token })).status, 200);
    assert.equal((await callJson(sandbox, '/widget/execution', { token })).status, 503);
  });

  it('LATENCY_MS delays widget requests only', async (t) => {
    const sandbox = await startSandbox({ latencyMs: 250 });
    const token = await freshToken(sandbox);
    // The delay is a timer: faked, it passes only when the test says so, whatever the machine's speed.
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    let answered = false;
    const widget = callJson(sandbox, '/widget/execution', { token }).then((result) => ((answered = true), result));
    assert.equal((await callJson(sandbox, '/.well-known/jwks.json')).status, 200, 'other requests not delayed');
    assert.equal(answered, false, 'the widget request waits');
    await new Promise((resolve) => setImmediate(resolve));
    mock.timers.tick(249);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false, 'the widget request waits 250 ms');
    mock.timers.tick(1);
    assert.equal((await widget).status, 200);
  });

  it('reads every knob from the environment', () => {
    const options = optionsFromEnv({
      SANDBOX_KEY: 'k', SANDBOX_SECRET: 's', TOKEN_TTL_SECONDS: '60', LATENCY_MS: '5', FAULT_RATE: '2',
      SANDBOX_DATA: '/tmp/x.json', AWAITING_SECONDS: '1',
    });
    assert.deepEqual(
      [options.key, options.secret, options.tokenTtlSeconds, options.latencyMs, options.faultRate, options.dataFile, options.awaitingSeconds],
      ['k', 's', 60, 5, 1, '/tmp/x.json', 1],
    );
    const defaults = optionsFromEnv({});
    assert.deepEqual(
      [defaults.key, defaults.secret, defaults.tokenTtlSeconds, defaults.latencyMs, defaults.faultRate, defaults.dataFile, defaults.awaitingSeconds],
      ['sandbox-key', 'sandbox-secret', 3600, 0, 0, undefined, 5],
    );
  });
});

describe('/sandbox/faults', () => {
  it('answers the next `count` matching widget requests with the given status, then clears', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    const queued = await callJson(sandbox, '/sandbox/faults', { method: 'POST', body: { method: 'put', pathContains: '/steps/', status: 500, count: 2 } });
    assert.equal(queued.status, 201);
    assert.equal((await callJson(sandbox, '/widget/execution', { token })).status, 200, 'GET does not match');
    const one = await save(sandbox, token, 'personal', PERSONAL);
    assert.equal(one.status, 500);
    assert.equal(one.body.errors?.[0].code, 'internal');
    assert.equal((await save(sandbox, token, 'personal', PERSONAL)).status, 500);
    assert.equal((await save(sandbox, token, 'personal', PERSONAL)).status, 200);
    assert.deepEqual((await callJson(sandbox, `/sandbox/audit/${executionIdOf(token)}`)).body.saves, { personal: 1 });

    await callJson(sandbox, '/sandbox/faults', { method: 'POST', body: { status: 503, count: 5 } });
    assert.equal((await callJson(sandbox, '/widget/execution', { token })).body.errors[0].code, 'unavailable');
    assert.equal((await callJson(sandbox, '/sandbox/faults', { method: 'DELETE' })).status, 204);
    assert.equal((await callJson(sandbox, '/widget/execution', { token })).status, 200);
  });

  it('validates the fault and 404s an unknown audit', async () => {
    const sandbox = await startSandbox();
    const bad = await callJson(sandbox, '/sandbox/faults', { method: 'POST', body: { status: 200 } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'status');
    const count = await callJson(sandbox, '/sandbox/faults', { method: 'POST', body: { status: 503, count: 0 } });
    assert.equal(count.body.errors[0].field, 'count');
    assert.equal((await callJson(sandbox, '/sandbox/audit/nope')).status, 404);
  });
});
