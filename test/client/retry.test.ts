import { expect } from '@open-wc/testing';
import { ApiError, isRetryable } from '../../src/client/errors.js';
import { backoffDelay, isAbortError, withRetry, type RetryPolicy } from '../../src/client/retry.js';
import { ManualTimers } from '../helpers/manual-timers.js';
import { until } from '../helpers/until.js';

const fast: RetryPolicy = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
const server = (): ApiError => new ApiError('server', 503, 'down');

describe('retry policy', () => {
  it('doubles the delay, caps it, and jitters it into [50%, 100%]', () => {
    const top: RetryPolicy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 1000, random: () => 0.999999 };
    const bottom: RetryPolicy = { ...top, random: () => 0 };
    expect([0, 1, 2, 3].map((n) => backoffDelay(top, n))).to.deep.equal([200, 400, 800, 1000]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(bottom, n))).to.deep.equal([100, 200, 400, 500]);
  });

  it('retries network errors and 5xx until one succeeds', async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw server();
      return 'ok';
    }, fast, isRetryable);
    expect(result).to.equal('ok');
    expect(calls).to.equal(3);
  });

  it('gives up after the configured attempts with the last error', async () => {
    let calls = 0;
    const error = await withRetry(async () => {
      calls++;
      throw server();
    }, fast, isRetryable).catch((e: unknown) => e);
    expect(calls).to.equal(4);
    expect(error).to.be.instanceOf(ApiError).and.have.property('code', 'server');
  });

  it('never retries a 4xx', async () => {
    let calls = 0;
    await withRetry(async () => {
      calls++;
      throw new ApiError('validation', 422, 'bad');
    }, fast, isRetryable).catch(() => undefined);
    expect(calls).to.equal(1);
  });

  it('stops waiting at once when aborted, with an AbortError, and disarms its delay', async () => {
    const controller = new AbortController();
    const timers = new ManualTimers();
    let calls = 0;
    const slow: RetryPolicy = { attempts: 4, baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 0.999999 };
    const pending = withRetry(async () => {
      calls++;
      throw server();
    }, slow, isRetryable, controller.signal, timers).catch((e: unknown) => e);
    await until(() => timers.armed.length === 1, 'the delay before the second attempt');
    expect(timers.armed).to.deep.equal([10_000]);
    controller.abort();
    // The delay never passes (nobody fires it): only the abort can end the wait.
    const error = await pending;
    expect(isAbortError(error)).to.equal(true);
    expect(calls).to.equal(1);
    expect(timers.armed, 'no delay left armed').to.deep.equal([]);
  });

  it('waits its delays on the timers it is given, and makes the next attempt only when one passes', async () => {
    const timers = new ManualTimers();
    let calls = 0;
    const policy: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5000, random: () => 0 };
    const pending = withRetry(async () => {
      calls++;
      if (calls < 3) throw server();
      return 'ok';
    }, policy, isRetryable, undefined, timers);
    await until(() => timers.armed.length === 1, 'the first delay');
    expect([timers.armed, calls]).to.deep.equal([[100], 1]);
    timers.fire();
    await until(() => calls === 2 && timers.armed.length === 1, 'the second attempt and delay');
    expect(timers.armed).to.deep.equal([200]);
    timers.fire();
    expect(await pending).to.equal('ok');
    expect(calls).to.equal(3);
  });
});
