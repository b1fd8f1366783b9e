import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/client/errors.js';
import { isAbortError, type RetryPolicy } from '../../src/client/retry.js';
import { WidgetClient, newIdempotencyKey } from '../../src/client/widget-client.js';
import { API_BASE, PERSONAL, audit, clearFaults, injectFault, widgetToken } from '../helpers/sandbox.js';
import { tokenExpiringIn } from '../helpers/tokens.js';

const fast: RetryPolicy = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };

async function clientFor(retry = fast) {
  const fixture = await widgetToken();
  return { ...fixture, client: new WidgetClient({ apiBase: API_BASE, token: fixture.token, retry }) };
}

describe('WidgetClient against the sandbox', () => {
  afterEach(() => clearFaults());

  it('reads the execution the token is bound to', async () => {
    const { client, executionId } = await clientFor();
    const execution = await client.getExecution();
    expect(execution.id).to.equal(executionId);
    expect(execution.status).to.equal('RUNNING');
    expect(execution.currentStepId).to.equal(execution.definitions[0]!.id);
  });

  it('saves a step and moves to the next one', async () => {
    const { client, executionId } = await clientFor();
    const execution = await client.saveStep('personal', PERSONAL, newIdempotencyKey());
    expect(execution.currentStepId).to.equal('identity-document');
    expect(execution.values.personal!.firstName).to.equal('Anna');
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('retries a save after a 503 under the same Idempotency-Key: saved exactly once', async () => {
    const { client, executionId } = await clientFor();
    await injectFault({ method: 'PUT', pathContains: '/execution/steps/personal', status: 503, count: 2 });
    const execution = await client.saveStep('personal', PERSONAL, newIdempotencyKey());
    expect(execution.currentStepId).to.equal('identity-document');
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('replays a repeated save with the same key instead of saving twice', async () => {
    const { client, executionId } = await clientFor();
    const key = newIdempotencyKey();
    await client.saveStep('personal', PERSONAL, key);
    const again = await client.saveStep('personal', PERSONAL, key);
    expect(again.currentStepId).to.equal('identity-document');
    expect((await audit(executionId)).saves.personal).to.equal(1);
  });

  it('retries reads on 5xx and gives up with a recoverable server error after the attempts', async () => {
    const { client } = await clientFor();
    await injectFault({ method: 'GET', pathContains: '/execution', status: 503, count: 4 });
    const error = await client.getExecution().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).code).to.equal('server');
    expect((error as ApiError).recoverable).to.equal(true);
    await injectFault({ method: 'GET', pathContains: '/execution', status: 503, count: 3 });
    expect((await client.getExecution()).status).to.equal('RUNNING');
  });

  it('does not retry a 4xx', async () => {
    const { client } = await clientFor();
    await injectFault({ method: 'GET', pathContains: '/execution', status: 409, count: 1 });
    const error = (await client.getExecution().catch((e: unknown) => e)) as ApiError;
    expect(error.code).to.equal('conflict');
    expect((await client.getExecution()).status).to.equal('RUNNING');
  });

  it('maps 422 field errors by dotted path', async () => {
    const { client } = await clientFor();
    const values = { ...PERSONAL, email: 'not-an-email', firstName: '' };
    const error = (await client.saveStep('personal', values, newIdempotencyKey()).catch((e: unknown) => e)) as ApiError;
    expect(error.code).to.equal('validation');
    expect(error.status).to.equal(422);
    expect(error.fieldErrors).to.have.keys('email', 'firstName');
  });

  it('reports a forged token as unauthorized, not expired', async () => {
    const client = new WidgetClient({ apiBase: API_BASE, token: tokenExpiringIn(600), retry: fast });
    const error = (await client.getExecution().catch((e: unknown) => e)) as ApiError;
    expect(error.code).to.equal('unauthorized');
    expect(error.status).to.equal(401);
    expect(error.tokenRefused).to.equal('invalid');
    expect(error.recoverable).to.equal(false);
  });

  it('reports a token the API refused as expired with tokenRefused', async () => {
    const { token } = await widgetToken();
    // The sandbox's answer to an expired token (401 token-expired), queued: a real expiry would be waited out
    // on the clock (the sandbox refusing expired tokens: test/sandbox/auth-tokens.test.ts).
    await injectFault({ method: 'GET', pathContains: '/widget/execution', status: 401, code: 'token-expired', count: 1 });
    const client = new WidgetClient({ apiBase: API_BASE, token, retry: fast });
    const error = (await client.getExecution().catch((e: unknown) => e)) as ApiError;
    expect(error.status).to.equal(401);
    expect(error.tokenRefused).to.equal('expired');
  });

  it('reports 404 for an unknown step and an unknown registry number', async () => {
    const { client } = await clientFor();
    const step = (await client.saveStep('nope', {}, newIdempotencyKey()).catch((e: unknown) => e)) as ApiError;
    expect(step.code).to.equal('not-found');
    const registry = (await client.lookupRegistry('0000000000').catch((e: unknown) => e)) as ApiError;
    expect(registry.code).to.equal('not-found');
  });

  it('reports a network error when the API cannot be reached, after retrying', async () => {
    const client = new WidgetClient({ apiBase: 'http://127.0.0.1:9', token: tokenExpiringIn(600), retry: fast });
    const error = (await client.getExecution().catch((e: unknown) => e)) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(0);
    expect(error.recoverable).to.equal(true);
  });

  it('surfaces an abort as AbortError, not as an ApiError', async () => {
    const { client } = await clientFor();
    const controller = new AbortController();
    const pending = client.getExecution(controller.signal).catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect(isAbortError(error)).to.equal(true);
    expect(error).not.to.be.instanceOf(ApiError);
  });

  it('goes back to an earlier step and cancels', async () => {
    const { client } = await clientFor();
    await client.saveStep('personal', PERSONAL, newIdempotencyKey());
    const back = await client.back('personal');
    expect(back.currentStepId).to.equal('personal');
    const cancelled = await client.cancel();
    expect(cancelled.status).to.equal('CANCELLED');
  });
});
