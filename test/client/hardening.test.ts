import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/client/errors.js';
import { WidgetClient, type WidgetClientOptions } from '../../src/client/widget-client.js';
import type { WidgetExecution } from '../../src/schema/api-types.js';
import { HOSTILE_PAYLOADS, hostilePayload } from '../faults/hostile-payloads.js';
import { useFaultProxy } from '../faults/proxy-client.js';
import { ManualTimers } from '../helpers/manual-timers.js';
import { API_BASE, audit, PERSONAL, pngFile, widgetToken } from '../helpers/sandbox.js';
import { until } from '../helpers/until.js';
import { xhrUpload } from '../../src/client/upload.js';

const QUICK = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
const ONCE = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('WidgetClient: answers it cannot use', () => {
  const proxy = useFaultProxy();
  let token = '';
  let real: WidgetExecution;

  before(async () => {
    token = (await widgetToken()).token;
    real = await new WidgetClient({ apiBase: API_BASE, token }).getExecution();
  });

  const client = () => new WidgetClient({ apiBase: proxy().apiBase, token, retry: QUICK });
  const payload = (name: string) => hostilePayload(real as unknown as Record<string, unknown>, name);

  // One test per payload: each serves its body as the answer of a 200 to `GET /widget/execution`.
  for (const { name, expect: outcome } of HOSTILE_PAYLOADS) {
    if (outcome === 'refused') {
      it(`refuses as unexpected, without retrying: ${name}`, async () => {
        await proxy().add({ fault: 'serve', method: 'GET', pathContains: '/widget/execution', raw: payload(name).body });
        const error = await rejection(client().getExecution());
        expect(error.code).to.equal('unexpected');
        expect(error.recoverable).to.equal(false);
        expect(error.status).to.equal(200);
        const log = await proxy().log();
        expect(log.pending).to.deep.equal([]);
        expect(log.requests, 'one request: not retried').to.equal(1);
      });
    } else {
      it(`accepts a valid shape carrying hostile text as it is: ${name}`, async () => {
        await proxy().add({ fault: 'serve', method: 'GET', pathContains: '/widget/execution', raw: payload(name).body });
        const execution = await client().getExecution();
        expect(execution.id).to.equal(real.id);
        expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      });
    }
  }

  it('refuses an empty or truncated 2xx to a save as unexpected (the caller re-reads)', async () => {
    const fixture = await widgetToken();
    const faulty = new WidgetClient({ apiBase: proxy().apiBase, token: fixture.token, retry: QUICK });
    await proxy().add({ fault: 'empty-200', method: 'PUT' });
    expect((await rejection(faulty.saveStep('personal', PERSONAL, 'key-empty'))).code).to.equal('unexpected');
    await proxy().add({ fault: 'truncate', method: 'GET' });
    expect((await rejection(faulty.getExecution())).code).to.equal('unexpected');
    // The server did the work: once.
    expect((await audit(fixture.executionId)).saves).to.deep.equal({ personal: 1 });
  });

  for (const raw of ['', 'null', '{}', '<!doctype html><p>Moved</p>']) {
    it(`refuses ${JSON.stringify(raw)} as the 200 of every call that returns an execution, with a typed error`, async () => {
      const faulty = client();
      const calls: Record<string, () => Promise<unknown>> = {
        load: () => faulty.getExecution(),
        save: () => faulty.saveStep('personal', PERSONAL, crypto.randomUUID()),
        back: () => faulty.back(),
        cancel: () => faulty.cancel(),
      };
      for (const [name, call] of Object.entries(calls)) {
        await proxy().add({ fault: 'serve', pathContains: '/widget/execution', raw });
        const error = await rejection(call());
        expect(error.code, name).to.equal('unexpected');
        expect(error.status, name).to.equal(200);
        expect(error.message, name).to.match(/^Unreadable response/);
      }
      expect((await proxy().log()).pending).to.deep.equal([]);
    });
  }

  it('checks upload and registry answers too', async () => {
    const faulty = new WidgetClient({ apiBase: proxy().apiBase, token: (await widgetToken()).token, retry: QUICK });
    await proxy().add({ fault: 'serve', method: 'POST', pathContains: '/files', body: { id: 'x', name: { _$litType$: 1 }, size: 1, type: 'image/png' } });
    await faulty.saveStep('personal', PERSONAL, crypto.randomUUID());
    await proxy().add({ fault: 'serve', method: 'GET', pathContains: '/registry/', body: { registryNumber: 1 }, count: 3 });
    expect((await rejection(faulty.lookupRegistry('0000012345'))).code).to.equal('unexpected');
    expect((await rejection(faulty.upload('identity-document', 'front', pngFile(), xhrUpload))).code).to.equal('unexpected');
  });
});

describe('WidgetClient: connections that fail', () => {
  const proxy = useFaultProxy();

  /** A client through this test's proxy, for a fresh token, with `options` on top. */
  async function faultyClient(options: Partial<WidgetClientOptions> = {}) {
    const fixture = await widgetToken();
    const client = new WidgetClient({ apiBase: proxy().apiBase, token: fixture.token, retry: QUICK, ...options });
    return { client, ...fixture };
  }

  it('treats a connection dropped mid-body as a network failure and retries it', async () => {
    const { client } = await faultyClient();
    await proxy().add({ fault: 'partial', method: 'GET' });
    const execution = await client.getExecution();
    expect(execution.currentStepId).to.equal('personal');
    expect((await proxy().log()).applied.at(-1)!.fault).to.equal('partial');
    await proxy().add({ fault: 'partial', method: 'POST', pathContains: '/cancel' });
    const error = await rejection(client.cancel());
    expect(error.code).to.equal('network');
    expect(error.recoverable).to.equal(true);
  });

  it('saves once when the answer to a save is lost twice (retried under one key)', async () => {
    const { client, executionId } = await faultyClient();
    await proxy().add({ fault: 'drop-after', method: 'PUT', count: 1 });
    await proxy().add({ fault: 'partial', method: 'PUT', count: 1 });
    const saved = await client.saveStep('personal', PERSONAL, 'one-key');
    expect(saved.currentStepId).to.equal('identity-document');
    expect((await audit(executionId)).saves).to.deep.equal({ personal: 1 });
  });

  it('gives a request that never answers a deadline (network), then retries it', async () => {
    const timers = new ManualTimers();
    const { client } = await faultyClient({ timeoutMs: 20_000, timers, retry: { attempts: 2, baseDelayMs: 0, maxDelayMs: 0 } });
    await proxy().add({ fault: 'hang', method: 'GET' });
    const pending = client.getExecution();
    // The sandbox has answered; the proxy withholds the answer. Only the deadline is armed.
    await proxy().waitFor({ reached: 1 });
    expect(timers.armed).to.deep.equal([20_000]);
    timers.fire(20_000);
    // The attempt fails as a network error and the retry's delay is armed: let it pass.
    await until(() => timers.armed.includes(0), 'the retry delay');
    timers.fire(0);
    expect((await pending).currentStepId).to.equal('personal');
    expect(timers.armed, 'the second attempt\'s deadline is disarmed').to.deep.equal([]);
  });

  it('reports a request that never answers, once its deadline passes, as network "did not answer in time"', async () => {
    const timers = new ManualTimers();
    const { client } = await faultyClient({ timeoutMs: 20_000, timers, retry: ONCE });
    await proxy().add({ fault: 'hang', method: 'GET' });
    const pending = rejection(client.getExecution());
    await proxy().waitFor({ reached: 1 });
    timers.fire(20_000);
    const error = await pending;
    expect(error.code).to.equal('network');
    expect(error.recoverable).to.equal(true);
    expect(error.message).to.match(/in time/);
  });

  it('aborts at once when the caller aborts, even while the request hangs', async () => {
    const { client } = await faultyClient();
    await proxy().add({ fault: 'hang', method: 'POST', pathContains: '/back' });
    const controller = new AbortController();
    const pending = client.back(undefined, controller.signal).catch((error: unknown) => error);
    await proxy().waitFor({ reached: 1 });
    controller.abort();
    const error = (await pending) as DOMException;
    expect(error.name).to.equal('AbortError');
  });

  it('gives up an upload that makes no progress (upload-failed, status 0)', async () => {
    const timers = new ManualTimers();
    const { client } = await faultyClient({ timeoutMs: 20_000, timers });
    await client.saveStep('personal', PERSONAL, crypto.randomUUID());
    await proxy().add({ fault: 'hang', method: 'POST', pathContains: '/files' });
    const pending = rejection(client.upload('identity-document', 'front', pngFile(), xhrUpload));
    // The file is stored (the sandbox answered the upload); no byte of the answer comes back.
    await proxy().waitFor({ reached: 1 });
    expect(timers.fire(20_000), 'the stall timer').to.equal(1);
    const error = await pending;
    expect(error.code).to.equal('upload-failed');
    expect(error.status).to.equal(0);
    expect(error.message).to.match(/no progress/);
  });
});

describe('WidgetClient: what error bodies say', () => {
  const proxy = useFaultProxy();

  it('keeps {"errors":[null]} on a 500 a server error, and retries it', async () => {
    const { token } = await widgetToken();
    const client = new WidgetClient({ apiBase: proxy().apiBase, token, retry: QUICK });
    await proxy().add({ fault: 'status', status: 500, method: 'GET', raw: '{"errors":[null, 7, {"code": 1}]}' });
    const execution = await client.getExecution();
    expect(execution.status).to.equal('RUNNING');
    const once = new WidgetClient({ apiBase: proxy().apiBase, token, retry: ONCE });
    await proxy().add({ fault: 'status', status: 500, method: 'GET', raw: '{"errors":[null]}' });
    const error = await rejection(once.getExecution());
    expect(error.code).to.equal('server');
    expect(error.message).to.equal('HTTP 500');
  });

  it('retries a 429 after its Retry-After, and not one that asks for longer than 10 s', async () => {
    const timers = new ManualTimers();
    const { token } = await widgetToken();
    const client = new WidgetClient({ apiBase: proxy().apiBase, token, timers, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await proxy().add({ fault: 'status', status: 429, method: 'GET', retryAfter: '1', code: 'rate-limited' });
    const pending = client.getExecution();
    // The server's second, not the policy's 1 ms backoff.
    await until(() => timers.armed.includes(1000), 'the Retry-After delay');
    expect((await proxy().log()).requests, 'no retry before the delay passes').to.equal(1);
    timers.fire(1000);
    expect((await pending).status).to.equal('RUNNING');
    await proxy().add({ fault: 'status', status: 429, method: 'GET', retryAfter: '3600', code: 'rate-limited' });
    const error = await rejection(client.getExecution());
    expect(error.code).to.equal('rate-limited');
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect((await proxy().log()).pending).to.deep.equal([]);
  });
});
