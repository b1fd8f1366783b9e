import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/client/errors.js';
import { WidgetClient } from '../../src/client/widget-client.js';
import { hostilePayloads } from '../faults/hostile-payloads.js';
import { addFault, clearProxy, FAULTY_API_BASE, proxyLog } from '../faults/proxy-client.js';
import { API_BASE, audit, PERSONAL, pngFile, widgetToken } from '../helpers/sandbox.js';

const QUICK = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

async function faultyClient(options: { timeoutMs?: number; retry?: typeof QUICK } = {}) {
  const fixture = await widgetToken();
  const client = new WidgetClient({ apiBase: FAULTY_API_BASE, token: fixture.token, retry: options.retry ?? QUICK, timeoutMs: options.timeoutMs });
  return { client, ...fixture };
}

describe('WidgetClient: answers it cannot use', () => {
  afterEach(() => clearProxy());

  it('refuses every hostile execution body of a 2xx as unexpected, without retrying', async () => {
    const { client, token } = await faultyClient();
    const real = await new WidgetClient({ apiBase: API_BASE, token }).getExecution();
    const payloads = hostilePayloads(real as unknown as Record<string, unknown>).filter((p) => p.expect === 'refused');
    expect(payloads.length).to.be.greaterThan(50);
    for (const payload of payloads) {
      await addFault({ fault: 'serve', method: 'GET', pathContains: '/widget/execution', raw: payload.body });
      const error = await rejection(client.getExecution());
      expect(error.code, payload.name).to.equal('unexpected');
      expect(error.recoverable, payload.name).to.equal(false);
      expect(error.status, payload.name).to.equal(200);
    }
    expect((await proxyLog()).pending).to.deep.equal([]);
  });

  it('accepts the hostile-text payloads of a valid shape as they are', async () => {
    const { client, token } = await faultyClient();
    const real = await new WidgetClient({ apiBase: API_BASE, token }).getExecution();
    for (const payload of hostilePayloads(real as unknown as Record<string, unknown>).filter((p) => p.expect === 'rendered')) {
      await addFault({ fault: 'serve', method: 'GET', pathContains: '/widget/execution', raw: payload.body });
      const execution = await client.getExecution();
      expect(execution.id, payload.name).to.equal(real.id);
    }
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('refuses an empty or truncated 2xx to a save as unexpected (the caller re-reads)', async () => {
    const { client, executionId } = await faultyClient();
    await addFault({ fault: 'empty-200', method: 'PUT' });
    expect((await rejection(client.saveStep('personal', PERSONAL, 'key-empty'))).code).to.equal('unexpected');
    await addFault({ fault: 'truncate', method: 'GET' });
    expect((await rejection(client.getExecution())).code).to.equal('unexpected');
    // The server did the work: once.
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('refuses an empty, null, {} or non-JSON 200 to every call that returns an execution, with a typed error', async () => {
    const { client } = await faultyClient();
    const calls: Record<string, () => Promise<unknown>> = {
      load: () => client.getExecution(),
      save: () => client.saveStep('personal', PERSONAL, crypto.randomUUID()),
      back: () => client.back(),
      cancel: () => client.cancel(),
    };
    for (const raw of ['', 'null', '{}', '<!doctype html><p>Moved</p>']) {
      for (const [name, call] of Object.entries(calls)) {
        await addFault({ fault: 'serve', pathContains: '/widget/execution', raw });
        const error = await rejection(call());
        expect(error.code, `${name} answered ${JSON.stringify(raw)}`).to.equal('unexpected');
        expect(error.status, name).to.equal(200);
        expect(error.message, name).to.match(/^Unreadable response/);
      }
    }
    expect((await proxyLog()).pending).to.deep.equal([]);
  });

  it('checks upload and registry answers too', async () => {
    const { client } = await faultyClient();
    await addFault({ fault: 'serve', method: 'POST', pathContains: '/files', body: { id: 'x', name: { _$litType$: 1 }, size: 1, type: 'image/png' } });
    await client.saveStep('personal', PERSONAL, crypto.randomUUID());
    for (let i = 0; i < 3; i++) await addFault({ fault: 'serve', method: 'GET', pathContains: '/registry/', body: { registryNumber: 1 } });
    expect((await rejection(client.lookupRegistry('0000012345'))).code).to.equal('unexpected');
    expect((await rejection(client.upload('identity-document', 'front', pngFile()))).code).to.equal('unexpected');
  });
});

describe('WidgetClient: connections that fail', () => {
  afterEach(() => clearProxy());

  it('treats a connection dropped mid-body as a network failure and retries it', async () => {
    const { client } = await faultyClient();
    await addFault({ fault: 'partial', method: 'GET' });
    const execution = await client.getExecution();
    expect(execution.currentStepId).to.equal('personal');
    expect((await proxyLog()).applied.at(-1)!.fault).to.equal('partial');
    await addFault({ fault: 'partial', method: 'POST', pathContains: '/cancel' });
    const error = await rejection(client.cancel());
    expect(error.code).to.equal('network');
    expect(error.recoverable).to.equal(true);
  });

  it('saves once when the answer to a save is lost twice (retried under one key)', async () => {
    const { client, executionId } = await faultyClient();
    await addFault({ fault: 'drop-after', method: 'PUT', count: 1 });
    await addFault({ fault: 'partial', method: 'PUT', count: 1 });
    const saved = await client.saveStep('personal', PERSONAL, 'one-key');
    expect(saved.currentStepId).to.equal('identity-document');
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('gives a request that never answers a deadline (network), then retries it', async () => {
    const { client } = await faultyClient({ timeoutMs: 300 });
    await addFault({ fault: 'hang', method: 'GET' });
    const execution = await client.getExecution();
    expect(execution.currentStepId).to.equal('personal');
    const once = new WidgetClient({ apiBase: FAULTY_API_BASE, token: (await widgetToken()).token, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 }, timeoutMs: 300 });
    await addFault({ fault: 'hang', method: 'GET' });
    const error = await rejection(once.getExecution());
    expect(error.code).to.equal('network');
    expect(error.message).to.match(/in time/);
  });

  it('aborts at once when the caller aborts, even while the request hangs', async () => {
    const { client } = await faultyClient({ timeoutMs: 30_000 });
    await addFault({ fault: 'hang', method: 'POST', pathContains: '/back' });
    const controller = new AbortController();
    const pending = client.back(undefined, controller.signal).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    const error = (await pending) as DOMException;
    expect(error.name).to.equal('AbortError');
  });

  it('gives up an upload that makes no progress (upload-failed, status 0)', async () => {
    const { client } = await faultyClient({ timeoutMs: 300 });
    await client.saveStep('personal', PERSONAL, crypto.randomUUID());
    await addFault({ fault: 'hang', method: 'POST', pathContains: '/files' });
    const error = await rejection(client.upload('identity-document', 'front', pngFile()));
    expect(error.code).to.equal('upload-failed');
    expect(error.status).to.equal(0);
  });
});

describe('WidgetClient: what error bodies say', () => {
  afterEach(() => clearProxy());

  it('keeps {"errors":[null]} on a 500 a server error, and retries it', async () => {
    const { client } = await faultyClient();
    await addFault({ fault: 'status', status: 500, method: 'GET', raw: '{"errors":[null, 7, {"code": 1}]}' });
    const execution = await client.getExecution();
    expect(execution.status).to.equal('RUNNING');
    const once = new WidgetClient({ apiBase: FAULTY_API_BASE, token: (await widgetToken()).token, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    await addFault({ fault: 'status', status: 500, method: 'GET', raw: '{"errors":[null]}' });
    const error = await rejection(once.getExecution());
    expect(error.code).to.equal('server');
    expect(error.message).to.equal('HTTP 500');
  });

  it('retries a 429 after its Retry-After, and not one that asks for longer than 10 s', async () => {
    const { client } = await faultyClient({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await addFault({ fault: 'status', status: 429, method: 'GET', retryAfter: '1', code: 'rate-limited' });
    const started = performance.now();
    await client.getExecution();
    expect(performance.now() - started).to.be.at.least(950);
    await addFault({ fault: 'status', status: 429, method: 'GET', retryAfter: '3600', code: 'rate-limited' });
    const error = await rejection(client.getExecution());
    expect(error.code).to.equal('rate-limited');
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect((await proxyLog()).pending).to.deep.equal([]);
  });
});
