// tl-workflow/server against the real sandbox over HTTP: widget tokens (v1, v2), workflows, typed
// errors, and the secret and tokens kept out of every error message and log line.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import {
  BadRequestError,
  createTransactionLink,
  NotFoundError,
  TransactionLinkError,
  UnauthorizedError,
  type TransactionLink,
} from '../../src/server/index.ts';
import { DEMO, serveSandbox, type RunningSandbox } from './server-helpers.ts';

const SECRET = 'sandbox-secret';

describe('tl-workflow/server: createTransactionLink', () => {
  let running: RunningSandbox;
  let tl: TransactionLink;
  /** Every token TransactionLink answered with (access, refresh, widget), to look for them in messages. */
  const seenTokens = new Set<string>();
  const logLines: string[] = [];

  before(async () => {
    running = await serveSandbox();
    tl = createTransactionLink({
      baseUrl: running.url,
      key: 'sandbox-key',
      secret: SECRET,
      log: (line) => logLines.push(line),
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const text = await response.clone().text();
        for (const match of text.matchAll(/"(accessToken|refreshToken|token)":"([^"]+)"/g)) seenTokens.add(match[2]);
        return response;
      },
    });
  });
  after(() => running.close());

  it('issues a v1 widget token (caseId) shaped like the seed: RS512, exp - iat = 3600, the seed claims', async () => {
    const { token, expiresAt } = await tl.issueWidgetToken({ caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId, lang: 'pl' });
    const jwks = createRemoteJWKSet(new URL(`${running.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(token, jwks, { algorithms: ['RS512'] });
    assert.equal(decodeProtectedHeader(token).alg, 'RS512');
    assert.equal(payload.exp! - payload.iat!, 3600);
    assert.equal(payload.partyId, DEMO.partyId);
    for (const claim of ['customerId', 'partyId', 'workspaceId', 'iat', 'exp']) assert.ok(claim in payload, claim);
    assert.equal(expiresAt.getTime(), payload.exp! * 1000);
  });

  it('issues a v2 widget token for a record, and one without a record (a new party)', async () => {
    const forRecord = await tl.issueWidgetToken({ recordId: DEMO.caseId, workflowDefinitionId: DEMO.companyKybId });
    const claims = JSON.parse(Buffer.from(forRecord.token.split('.')[1], 'base64url').toString()) as Record<string, number | string>;
    assert.equal(claims.partyId, DEMO.partyId, 'v2 recordId selects the case (the sandbox refuses recordId without the v2 header)');
    assert.equal((claims.exp as number) - (claims.iat as number), 3600);
    const anonymous = await tl.issueWidgetToken({ workflowDefinitionId: DEMO.individualKycId });
    const other = JSON.parse(Buffer.from(anonymous.token.split('.')[1], 'base64url').toString()) as Record<string, string>;
    assert.notEqual(other.partyId, DEMO.partyId);
  });

  it('creates a case and issues a token for it', async () => {
    const created = await tl.createCase({ firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' });
    assert.match(created.caseId, /^[0-9a-f-]{36}$/);
    const { token } = await tl.issueWidgetToken({ caseId: created.caseId, workflowDefinitionId: DEMO.individualKycId });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, string>;
    assert.equal(claims.partyId, created.partyId);
    const invalid = await tl.createCase({ firstName: 'Anna' }).catch((e: unknown) => e);
    assert.ok(invalid instanceof BadRequestError);
    assert.equal(invalid.errors[0].field, 'lastName');
  });

  it('starts a workflow (v2 POST /workflows) and reads it back', async () => {
    const started = await tl.startWorkflow({ workflowDefinitionId: DEMO.individualKycId, locale: 'en', parameters: { plan: 'gold' }, recordId: DEMO.caseId });
    assert.equal(started.status, 'RUNNING');
    assert.match(started.link, /\/link\//);
    assert.equal(decodeProtectedHeader(started.token).alg, 'RS512');
    const read = await tl.getWorkflow(started.id);
    assert.equal(read.id, started.id);
    assert.equal(read.status, 'RUNNING');
    assert.deepEqual(read.parameters, { plan: 'gold' });
  });

  it('maps 400 to BadRequestError with the body field, code and fingerprint', async () => {
    const error = await tl.issueWidgetToken({ caseId: 'not-a-uuid', workflowDefinitionId: DEMO.individualKycId }).catch((e: unknown) => e);
    assert.ok(error instanceof BadRequestError && error instanceof TransactionLinkError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid-request');
    assert.equal(error.errors[0].field, 'caseId');
    assert.match(error.fingerprint!, /^[0-9a-f-]{36}$/);
    assert.match(error.message, /POST \/token answered 400 invalid-request: caseId must be a UUID/);
  });

  it('maps 404 to NotFoundError (unknown case, unknown workflow)', async () => {
    const unknownCase = await tl
      .issueWidgetToken({ caseId: '00000000-0000-4000-8000-000000000000', workflowDefinitionId: DEMO.individualKycId })
      .catch((e: unknown) => e);
    assert.ok(unknownCase instanceof NotFoundError);
    assert.equal(unknownCase.errors[0].field, 'caseId');
    const unknownWorkflow = await tl.getWorkflow('no-such-workflow').catch((e: unknown) => e);
    assert.ok(unknownWorkflow instanceof NotFoundError);
    assert.equal(unknownWorkflow.request, 'GET /workflows/no-such-workflow');
  });

  it('maps 401 to UnauthorizedError for a wrong secret, and says so without the secret', async () => {
    const wrongSecret = 'wrong-secret-do-not-print';
    const wrong = createTransactionLink({ baseUrl: running.url, key: 'sandbox-key', secret: wrongSecret });
    const error = await wrong.getWorkflow('anything').catch((e: unknown) => e);
    assert.ok(error instanceof UnauthorizedError);
    assert.equal(error.code, 'invalid-credentials');
    assert.equal(error.request, 'POST /auth/authorize');
    for (const text of [error.message, error.stack ?? '', inspect(error, { depth: 5 }), JSON.stringify(error), inspect(wrong, { depth: 5 })]) {
      assert.ok(!text.includes(wrongSecret), text);
    }
  });

  it('reports an unreachable API as a transient TransactionLinkError (status 0, code network)', async () => {
    const offline = createTransactionLink({ baseUrl: 'http://127.0.0.1:9', key: 'k', secret: 's3cr3t-value' });
    const error = await offline.getWorkflow('x').catch((e: unknown) => e);
    assert.ok(error instanceof TransactionLinkError);
    assert.equal(error.status, 0);
    assert.equal(error.code, 'network');
    assert.equal(error.transient, true);
    assert.ok(!error.message.includes('s3cr3t-value'));
  });

  it('refuses to start without a key or secret, naming the option but no value', () => {
    assert.throws(() => createTransactionLink({ key: 'k', secret: '' }), /secret is required/);
    assert.throws(() => createTransactionLink({ key: '', secret: SECRET }), (e: Error) => /key is required/.test(e.message) && !e.message.includes(SECRET));
  });

  it('never puts the secret or a token into a log line, an error or the client object', async () => {
    const errors = await Promise.all([
      tl.getWorkflow('missing').catch((e: unknown) => e),
      tl.issueWidgetToken({ caseId: 'bad', workflowDefinitionId: DEMO.individualKycId }).catch((e: unknown) => e),
    ]);
    assert.ok(seenTokens.size >= 4, `tokens seen: ${seenTokens.size}`);
    assert.ok(logLines.length >= 5, 'every call logged');
    assert.ok(logLines.some((line) => /POST \/auth\/authorize 200/.test(line)));
    const texts = [...logLines, ...errors.flatMap((e) => [String(e), inspect(e, { depth: 5 }), JSON.stringify(e)]), inspect(tl, { depth: 5 })];
    for (const text of texts) {
      assert.ok(!text.includes(SECRET), `secret in: ${text}`);
      for (const token of seenTokens) assert.ok(!text.includes(token), `token in: ${text}`);
    }
  });
});
