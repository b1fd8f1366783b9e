import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT, base64url } from 'jose';
import { accessToken, call, callJson, DEMO, executionIdOf, freshToken, startSandbox, widgetToken } from './helpers.ts';

describe('POST /auth/authorize', () => {
  it('issues an access token for the right key and secret', async () => {
    const sandbox = await startSandbox();
    const { status, body } = await callJson(sandbox, '/auth/authorize', { method: 'POST', body: { key: 'sandbox-key', secret: 'sandbox-secret' } });
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['accessToken', 'expiryDuration', 'refreshToken', 'tokenType']);
    assert.equal(body.expiryDuration, 3600);
    assert.equal(body.tokenType, 'Bearer');
    assert.equal(decodeProtectedHeader(body.accessToken).alg, 'RS512');
  });

  it('answers 401 for a wrong key or secret, 400 for a missing field or bad JSON', async () => {
    const sandbox = await startSandbox({ key: 'k', secret: 's' });
    const wrong = await callJson(sandbox, '/auth/authorize', { method: 'POST', body: { key: 'k', secret: 'nope' } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.errors[0].code, 'invalid-credentials');
    assert.equal(typeof wrong.body.fingerprint, 'string');
    const wrongKey = await callJson(sandbox, '/auth/authorize', { method: 'POST', body: { key: 'sandbox-key', secret: 's' } });
    assert.equal(wrongKey.status, 401);
    const missing = await callJson(sandbox, '/auth/authorize', { method: 'POST', body: { key: 'k' } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.errors[0].field, 'secret');
    const bad = await callJson(sandbox, '/auth/authorize', { method: 'POST', body: '{key:', headers: { 'content-type': 'application/json' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].code, 'invalid-json');
  });

  it('guards every client-backend endpoint with the access token', async () => {
    const sandbox = await startSandbox();
    const widget = await widgetToken(sandbox);
    for (const [method, path] of [['GET', '/workflow-definitions'], ['POST', '/cases'], ['POST', '/token'], ['POST', '/workflows'], ['GET', '/workflows/x']]) {
      const body = method === 'GET' ? undefined : {};
      const none = await callJson(sandbox, path, { method, body });
      assert.equal(none.status, 401, `${method} ${path}`);
      assert.equal(none.body.errors[0].code, 'token-missing');
      const asWidget = await callJson(sandbox, path, { method, body, token: widget });
      assert.equal(asWidget.status, 401, `${method} ${path} with a widget token`);
      assert.equal(asWidget.body.errors[0].code, 'token-invalid');
    }
  });
});

describe('widget tokens', () => {
  it('are RS512 JWTs with the TransactionLink claims plus executionId, jti and aud, verifiable with the JWKS', async () => {
    const sandbox = await startSandbox();
    const token = await widgetToken(sandbox);
    const jwks = await callJson(sandbox, '/.well-known/jwks.json');
    assert.equal(jwks.status, 200);
    assert.equal(jwks.body.keys[0].kty, 'RSA');
    assert.equal('d' in jwks.body.keys[0], false, 'no private part in the JWKS');
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks.body), { algorithms: ['RS512'] });
    assert.equal(protectedHeader.alg, 'RS512');
    assert.equal(protectedHeader.kid, jwks.body.keys[0].kid);
    assert.deepEqual(Object.keys(payload).sort(), ['aud', 'customerId', 'executionId', 'exp', 'iat', 'jti', 'partyId', 'workspaceId']);
    assert.equal(payload.exp! - payload.iat!, 3600);
    assert.equal(payload.partyId, DEMO.partyId);
    assert.equal(payload.customerId, DEMO.customerId);
    assert.equal(payload.workspaceId, DEMO.workspaceId);
  });

  it('honour ttlSeconds and TOKEN_TTL_SECONDS', async () => {
    const sandbox = await startSandbox({ tokenTtlSeconds: 120 });
    const defaults = decodeJwt(await widgetToken(sandbox));
    assert.equal(defaults.exp! - defaults.iat!, 120);
    const short = decodeJwt(await widgetToken(sandbox, { ttlSeconds: 2 }));
    assert.equal(short.exp! - short.iat!, 2);
  });

  it('answer 401 token-missing, token-expired and token-invalid', async (t) => {
    // The sandbox's clock is Date: mocked, so the token's lifetime passes when the test says, not when a busy
    // machine gets round to the next request.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const sandbox = await startSandbox();
    const missing = await callJson(sandbox, '/widget/execution');
    assert.equal(missing.status, 401);
    assert.equal(missing.body.errors[0].code, 'token-missing');
    assert.equal(typeof missing.body.fingerprint, 'string');

    const expiring = await widgetToken(sandbox, { ttlSeconds: 60 });
    assert.equal((await call(sandbox, '/widget/execution', { token: expiring })).status, 200);
    t.mock.timers.tick(59_000);
    assert.equal((await call(sandbox, '/widget/execution', { token: expiring })).status, 200, 'still valid a second before exp');
    t.mock.timers.tick(2_000);
    const expired = await callJson(sandbox, '/widget/execution', { token: expiring });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.errors[0].code, 'token-expired');

    const access = await accessToken(sandbox);
    const notWidget = await callJson(sandbox, '/widget/execution', { token: access });
    assert.equal(notWidget.body.errors[0].code, 'token-invalid');
    assert.equal((await callJson(sandbox, '/widget/execution', { token: 'not.a.jwt' })).body.errors[0].code, 'token-invalid');
  });

  it('refuse a token signed with the sandbox key but already expired', async () => {
    const sandbox = await startSandbox();
    const keys = await sandbox.ready;
    const claims = decodeJwt(await widgetToken(sandbox));
    const now = Math.floor(Date.now() / 1000);
    const past = await new SignJWT({ ...claims, iat: now - 7200, exp: now - 3600 })
      .setProtectedHeader({ alg: 'RS512', kid: keys.kid })
      .sign(keys.privateKey);
    const { status, body } = await callJson(sandbox, '/widget/execution', { token: past });
    assert.equal(status, 401);
    assert.equal(body.errors[0].code, 'token-expired');
  });

  it('refuse forged tokens: another key, alg none, a tampered payload', async () => {
    const sandbox = await startSandbox();
    const real = await widgetToken(sandbox);
    const claims = decodeJwt(real);
    const other = await generateKeyPair('RS512');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS512' }).sign(other.privateKey);
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims))}.`;
    const [header, , signature] = real.split('.');
    const tampered = `${header}.${base64url.encode(JSON.stringify({ ...claims, executionId: 'someone-else' }))}.${signature}`;
    for (const token of [forged, none, tampered]) {
      const { status, body } = await callJson(sandbox, '/widget/execution', { token });
      assert.equal(status, 401);
      assert.equal(body.errors[0].code, 'token-invalid');
    }
  });

  it('refuse a valid token whose execution does not exist', async () => {
    const sandbox = await startSandbox();
    const token = await freshToken(sandbox);
    delete sandbox.store.data.executions[executionIdOf(token)];
    const { status, body } = await callJson(sandbox, '/widget/execution', { token });
    assert.equal(status, 401);
    assert.equal(body.errors[0].code, 'token-invalid');
  });
});
