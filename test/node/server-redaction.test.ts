// tl-workflow/server against an upstream that echoes secrets back, over real HTTP: the key's secret
// JSON-escaped or as \uXXXX escapes, an opaque access token, the refresh token, a widget token's
// parts. None may reach an error's message, fields, fingerprint, or what onError and a log receive.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, describe, it } from 'node:test';
import { createTransactionLink, TransactionLinkError, widgetTokenHandler } from '../../src/server/index.ts';
import { serveStandIn, type StandIn } from './server-helpers.ts';

/** Every form an error takes in a log: message, stack, inspection, JSON, its fields. */
function texts(error: unknown): string[] {
  return [String(error), (error as Error).stack ?? '', inspect(error, { depth: 8 }), JSON.stringify(error)];
}

function assertNoLeak(error: unknown, secrets: string[]): void {
  assert.ok(error instanceof TransactionLinkError, `a TransactionLinkError, got ${String(error)}`);
  for (const text of texts(error)) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `"${secret}" leaked in: ${text}`);
  }
}

/** A JSON string literal with every character as a \uXXXX escape. */
const unicodeEscaped = (text: string) => `"${[...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`;

describe('tl-workflow/server: secrets echoed by the upstream never reach an error', () => {
  const upstreams: StandIn[] = [];
  after(() => Promise.all(upstreams.map((u) => u.close())));

  async function upstream(...args: Parameters<typeof serveStandIn>) {
    const served = await serveStandIn(...args);
    upstreams.push(served);
    return served;
  }

  it('the secret echoed JSON-escaped (quote and backslash) in every string field of a 401', async () => {
    const secret = 'pa"ss\\word-4711';
    const { url } = await upstream((name) => {
      if (name !== 'POST /auth/authorize') return undefined;
      const echo = `wrong secret ${secret}`;
      return Response.json({ fingerprint: secret, errors: [{ code: secret, message: echo, field: secret }] }, { status: 401 });
    });
    const tl = createTransactionLink({ baseUrl: url, key: 'key', secret });
    const error = await tl.getWorkflow('w').catch((e: unknown) => e);
    assertNoLeak(error, [secret, JSON.stringify(secret).slice(1, -1)]);
    assert.equal((error as TransactionLinkError).status, 401);
    assert.match((error as TransactionLinkError).message, /wrong secret \[redacted\]/);
  });

  it('the secret echoed as \\uXXXX escapes', async () => {
    const secret = 'plain-secret-value';
    const { url } = await upstream((name) => {
      if (name !== 'POST /auth/authorize') return undefined;
      const body = `{"fingerprint":${unicodeEscaped(secret)},"errors":[{"code":"invalid-credentials","message":${unicodeEscaped(`secret ${secret} refused`)},"field":${unicodeEscaped(secret)}}]}`;
      return new Response(body, { status: 401, headers: { 'content-type': 'application/json' } });
    });
    const error = await createTransactionLink({ baseUrl: url, key: 'key', secret }).getWorkflow('w').catch((e: unknown) => e);
    assertNoLeak(error, [secret]);
    assert.match((error as TransactionLinkError).message, /secret \[redacted\] refused/);
  });

  it('an opaque (non-JWT) access token and the refresh token echoed in a 401, also through onError and the log', async () => {
    const access = 'opaque-access-token-0123456789';
    const refresh = 'opaque-refresh-token-9876543210';
    const { url } = await upstream((name, request) => {
      if (!name.startsWith('POST /token')) return undefined;
      const message = `token ${request.headers.get('authorization')?.slice(7)} refused (refresh with ${refresh})`;
      return Response.json({ errors: [{ code: 'token-invalid', message }] }, { status: 401 });
    }, access);
    const logs: string[] = [];
    const heard: unknown[] = [];
    const transactionLink = createTransactionLink({ baseUrl: url, key: 'key', secret: 'the-secret', log: (line) => logs.push(line) });
    const handler = widgetTokenHandler({
      transactionLink,
      resolve: () => ({ caseId: '11111111-2222-3333-4444-555555555555', workflowDefinitionId: 'wf' }),
      onError: (error) => heard.push(error),
    });
    const response = await handler(new Request('http://backend.test/api/tl-token', { method: 'POST' }));
    assert.equal(response.status, 502);
    assert.equal(heard.length, 1);
    assertNoLeak(heard[0], [access, refresh]);
    assert.match((heard[0] as Error).message, /token \[redacted\] refused \(refresh with \[redacted\]\)/);
    for (const text of [...logs, await response.text()]) assert.ok(!text.includes(access) && !text.includes(refresh), text);
  });

  it('each part of a widget token it issued, echoed on its own (no longer shaped like a JWT)', async () => {
    const header = Buffer.from('{"alg":"RS512","typ":"JWT"}').toString('base64url');
    const payload = Buffer.from(JSON.stringify({ partyId: 'p', exp: 4_102_444_800, nonce: 'n-1' })).toString('base64url');
    const signature = Buffer.from('a-signature-of-some-length').toString('base64url');
    const widgetToken = `${header}.${payload}.${signature}`;
    const { url } = await upstream((name) => {
      if (name === 'POST /token') return Response.json({ token: widgetToken, expiryDuration: 3600 }, { status: 201 });
      if (name === 'GET /workflows/w') {
        return Response.json({ errors: [{ code: 'bad', message: `claims ${payload} / signature ${signature}`, field: payload }] }, { status: 400 });
      }
      return undefined;
    });
    const tl = createTransactionLink({ baseUrl: url, key: 'key', secret: 'the-secret' });
    const issued = await tl.issueWidgetToken({ caseId: '11111111-2222-3333-4444-555555555555', workflowDefinitionId: 'wf' });
    assert.equal(issued.token, widgetToken);
    const error = await tl.getWorkflow('w').catch((e: unknown) => e);
    assertNoLeak(error, [payload, signature]);
    assert.equal((error as TransactionLinkError).errors[0]!.field, '[redacted]');
  });

  it('a body whose code or message is not text becomes a typed error, never a TypeError', async () => {
    const { url } = await upstream((name) =>
      name === 'GET /workflows/w' ? new Response('{"errors":[{"code":{"toString":1},"message":["x"]}]}', { status: 409 }) : undefined,
    );
    const error = await createTransactionLink({ baseUrl: url, key: 'key', secret: 'the-secret' }).getWorkflow('w').catch((e: unknown) => e);
    assert.ok(error instanceof TransactionLinkError, String(error));
    assert.equal(error.status, 409);
    assert.equal(error.code, 'unknown');
  });
});
