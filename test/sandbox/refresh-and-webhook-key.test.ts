import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import type { Sandbox } from '../../sandbox/app.ts';
import { call, callJson, startSandbox } from './helpers.ts';

describe('sandbox: POST /auth/refresh', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ accessTtlSeconds: 120 });
  });

  const authorize = async () =>
    (await callJson(sandbox, '/auth/authorize', { method: 'POST', body: { key: 'sandbox-key', secret: 'sandbox-secret' } })).body as {
      accessToken: string;
      refreshToken: string;
      expiryDuration: number;
    };

  it('trades a refresh token for a new access token and a new refresh token, once', async () => {
    const first = await authorize();
    const refreshed = await callJson(sandbox, '/auth/refresh', { method: 'POST', body: { refreshToken: first.refreshToken } });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.body.expiryDuration, 120);
    assert.equal(refreshed.body.tokenType, 'Bearer');
    assert.notEqual(refreshed.body.accessToken, first.accessToken);
    assert.notEqual(refreshed.body.refreshToken, first.refreshToken);
    assert.equal(decodeProtectedHeader(refreshed.body.accessToken).alg, 'RS512');
    const definitions = await call(sandbox, '/workflow-definitions', { token: refreshed.body.accessToken });
    assert.equal(definitions.status, 200);

    const reused = await callJson(sandbox, '/auth/refresh', { method: 'POST', body: { refreshToken: first.refreshToken } });
    assert.equal(reused.status, 401);
    assert.equal(reused.body.errors[0].code, 'invalid-refresh-token');
    const next = await callJson(sandbox, '/auth/refresh', { method: 'POST', body: { refreshToken: refreshed.body.refreshToken } });
    assert.equal(next.status, 200, 'the new refresh token works');
  });

  it('refuses a missing, unknown or expired refresh token', async (t) => {
    const missing = await callJson(sandbox, '/auth/refresh', { method: 'POST', body: {} });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.errors[0].field, 'refreshToken');
    const unknown = await callJson(sandbox, '/auth/refresh', { method: 'POST', body: { refreshToken: 'made-up' } });
    assert.equal(unknown.status, 401);
    // The refresh token's 50 ms pass on a mocked Date, not on the machine's clock.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const quick = await startSandbox({ refreshTtlSeconds: 0.05 });
    const { body } = await callJson(quick, '/auth/authorize', { method: 'POST', body: { key: 'sandbox-key', secret: 'sandbox-secret' } });
    t.mock.timers.tick(80);
    const expired = await callJson(quick, '/auth/refresh', { method: 'POST', body: { refreshToken: body.refreshToken } });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.errors[0].code, 'invalid-refresh-token');
  });

  it('an access token cannot be used as a refresh token', async () => {
    const { accessToken } = await authorize();
    const answer = await callJson(sandbox, '/auth/refresh', { method: 'POST', body: { refreshToken: accessToken } });
    assert.equal(answer.status, 401);
  });
});

describe('sandbox: GET /auth/webhooks/key/{keyId}', () => {
  let sandbox: Sandbox;
  let kid: string;
  before(async () => {
    sandbox = await startSandbox();
    kid = (await sandbox.ready).kid;
  });

  it('serves the webhook key as PEM with ?pem=true', async () => {
    const response = await call(sandbox, `/auth/webhooks/key/${kid}?pem=true`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^application\/x-pem-file/);
    assert.match(await response.text(), /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n?$/);
  });

  it('serves it as an RS256 JWK otherwise, and 404 for another key id', async () => {
    const jwk = await callJson(sandbox, `/auth/webhooks/key/${kid}`);
    assert.equal(jwk.status, 200);
    assert.deepEqual(Object.keys(jwk.body).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.equal(jwk.body.alg, 'RS256');
    assert.equal(jwk.body.kid, kid);
    const other = await callJson(sandbox, '/auth/webhooks/key/someone-else?pem=true');
    assert.equal(other.status, 404);
    assert.equal(other.body.errors[0].code, 'not-found');
  });
});
