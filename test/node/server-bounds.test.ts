// Bounds on tl-workflow/server's waits and answers, over real HTTP (the sandbox, or a stand-in that
// misbehaves): a deadline on every upstream call and on the token handler's, a failure budget for waitForCompletion, a token
// answer without a token, a resolve with a bug, and the token endpoint refusing other sites.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTransactionLink,
  TransactionLinkError,
  WaitForCompletionError,
  widgetTokenHandler,
  type WidgetTokenRequest,
} from '../../src/server/index.ts';
import { DEMO, serveHandler, serveSandbox, serveStandIn, type RunningSandbox, type StandIn } from './server-helpers.ts';

const CASE: WidgetTokenRequest = { caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId };
const never = () => new Promise<Response>(() => undefined);

describe('tl-workflow/server: bounds', () => {
  const upstreams: StandIn[] = [];
  after(() => Promise.all(upstreams.map((u) => u.close())));
  async function upstream(...args: Parameters<typeof serveStandIn>) {
    const served = await serveStandIn(...args);
    upstreams.push(served);
    return served;
  }

  describe('a deadline on every upstream call', () => {
    // Without a deadline these calls would wait for ever: the test's own timeout only turns that into a failure.
    const safety = { timeout: 120_000 };

    it('an upstream that never answers: a transient timeout error at the configured deadline, and the handler answers 504', safety, async () => {
      // The first call never answers, so that nothing has to be answered within the tiny deadline.
      const { url } = await upstream((name) => (name === 'POST /auth/authorize' ? never() : undefined));
      const tl = createTransactionLink({ baseUrl: url, key: 'k', secret: 'the-secret', timeoutMs: 50 });
      const error = await tl.getWorkflow('w').catch((e: unknown) => e);
      assert.ok(error instanceof TransactionLinkError, String(error));
      assert.deepEqual(
        { status: error.status, code: error.code, transient: error.transient, request: error.request },
        { status: 0, code: 'timeout', transient: true, request: 'POST /auth/authorize' },
      );
      assert.match(error.message, /could not be reached: No answer within 50 ms/);
      const response = await widgetTokenHandler({ transactionLink: tl, resolve: () => CASE })(new Request('http://backend.test/t', { method: 'POST' }));
      assert.equal(response.status, 504);
      assert.deepEqual(((await response.json()) as { errors: Array<{ code: string }> }).errors.map((e) => e.code), ['upstream-timeout']);
    });

    it('an upstream that sends its headers and never finishes the body: the deadline covers the body', safety, async () => {
      const { url } = await upstream((name) => {
        if (name !== 'POST /auth/authorize') return undefined;
        const body = new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"accessToken":"a')) });
        return new Response(body, { headers: { 'content-type': 'application/json' } });
      });
      const error = await createTransactionLink({ baseUrl: url, key: 'k', secret: 'the-secret', timeoutMs: 50 }).getWorkflow('w').catch((e: unknown) => e);
      assert.ok(error instanceof TransactionLinkError, String(error));
      assert.deepEqual([error.code, error.request], ['timeout', 'POST /auth/authorize']);
    });

    it('is 15 s by default, for every call (fake timers): GET /workflows pending at 14.999 s, a timeout error at 15 s', async (t) => {
      t.mock.timers.enable({ apis: ['setTimeout'] });
      const sent: string[] = [];
      const tl = createTransactionLink({
        baseUrl: 'http://upstream.test',
        key: 'k',
        secret: 'the-secret',
        fetch: (input) => {
          sent.push(input);
          if (input.endsWith('/auth/authorize')) return Promise.resolve(Response.json({ accessToken: 'a-token', expiryDuration: 3600 }));
          return new Promise(() => undefined); // never answers, and ignores its signal: the deadline holds all the same
        },
      });
      let outcome: unknown = 'pending';
      const read = tl.getWorkflow('w').then(() => 'resolved', (e: unknown) => e);
      void read.then((value) => (outcome = value));
      const settle = () => new Promise((resolve) => setImmediate(resolve)); // setImmediate is not faked
      while (sent.length < 2) await settle();
      t.mock.timers.tick(14_999);
      await settle();
      assert.equal(outcome, 'pending');
      t.mock.timers.tick(1);
      await settle();
      const settled: unknown = outcome;
      assert.ok(settled instanceof TransactionLinkError, `settled with ${String(settled)}`);
      assert.deepEqual([settled.code, settled.request], ['timeout', 'GET /workflows/w']);
    });

    it('the token handler has a deadline of its own (fake timers): two calls of 8 s each, within theirs, make a 504 at 15 s, not a 200 at 16 s', async (t) => {
      t.mock.timers.enable({ apis: ['setTimeout'] });
      const sent: string[] = [];
      const slowly = (response: Response) => new Promise<Response>((resolve) => setTimeout(() => resolve(response), 8_000));
      const tl = createTransactionLink({
        baseUrl: 'http://upstream.test',
        key: 'k',
        secret: 'the-secret',
        fetch: (input) => {
          sent.push(new URL(input).pathname);
          return slowly(input.endsWith('/auth/authorize') ? Response.json({ accessToken: 'a-token', expiryDuration: 3600 }) : Response.json({ token: 'x.y.z', expiryDuration: 3600 }));
        },
      });
      const heard: unknown[] = [];
      const handler = widgetTokenHandler({ transactionLink: tl, resolve: () => CASE, onError: (error) => heard.push(error) });
      let outcome: unknown = 'pending';
      void handler(new Request('http://backend.test/t', { method: 'POST' })).then((response) => (outcome = response));
      const settle = () => new Promise((resolve) => setImmediate(resolve)); // setImmediate is not faked
      while (sent.length < 1) await settle();
      t.mock.timers.tick(8_000); // the access token arrives; the widget token is asked for
      while (sent.length < 2) await settle();
      t.mock.timers.tick(6_999);
      await settle();
      assert.equal(outcome, 'pending', 'no answer at 14.999 s');
      t.mock.timers.tick(1);
      for (let turn = 0; turn < 50 && outcome === 'pending'; turn += 1) await settle();
      const response: unknown = outcome;
      assert.ok(response instanceof Response, 'an answer at 15 s');
      assert.equal(response.status, 504);
      assert.deepEqual(((await response.json()) as { errors: Array<{ code: string }> }).errors.map((e) => e.code), ['upstream-timeout']);
      assert.deepEqual(sent, ['/auth/authorize', '/token']);
      const [error] = heard;
      assert.ok(error instanceof TransactionLinkError, String(error));
      assert.deepEqual([error.code, error.status, error.request, error.transient], ['timeout', 0, 'widget token', true]);
      t.mock.timers.tick(8_000); // the late token answer: nobody's, and no unhandled rejection
      await settle();
      assert.equal(heard.length, 1);
    });

    it('refuses a deadline that is not a positive number', () => {
      for (const timeoutMs of [0, -1, Number.NaN, Infinity]) {
        assert.throws(() => createTransactionLink({ key: 'k', secret: 's', timeoutMs }), /createTransactionLink: timeoutMs must be a positive number/);
        assert.throws(() => widgetTokenHandler({ transactionLink: createTransactionLink({ key: 'k', secret: 's' }), resolve: () => CASE, timeoutMs }), /widgetTokenHandler: timeoutMs must be a positive number/);
      }
    });
  });

  describe('waitForCompletion: a failure budget', () => {
    /** A stand-in whose `GET /workflows/w` answers come from `answers` in turn (the last repeats). */
    async function workflowAnswers(answers: Array<() => Response>) {
      let index = 0;
      // Should the budget never run out, the stand-in stops the wait at its 50th poll (it then rejects with an AbortError).
      const stop = new AbortController();
      const served = await upstream((name) => {
        if (name !== 'GET /workflows/w') return undefined;
        if (index >= 49) stop.abort();
        return answers[Math.min(index++, answers.length - 1)]!();
      });
      const polls = () => served.requests.filter((r) => r === 'GET /workflows/w').length;
      const tl = createTransactionLink({ baseUrl: served.url, key: 'k', secret: 'the-secret' });
      const wait = (maxFailures?: number) => tl.waitForCompletion('w', { intervalMs: 1, maxIntervalMs: 1, maxFailures, signal: stop.signal });
      return { polls, wait };
    }
    const status = (code: number) => () => Response.json({ errors: [{ code: 'internal', message: 'down' }] }, { status: code });
    const workflow = (value: unknown) => () => Response.json({ id: 'w', status: value });

    it('gives up after 10 failing polls in a row (500s) with a typed error', async () => {
      const { polls, wait } = await workflowAnswers([status(500)]);
      const error = await wait().catch((e: unknown) => e);
      assert.ok(error instanceof WaitForCompletionError, String(error));
      assert.equal(error.failures, 10);
      assert.equal(error.workflowId, 'w');
      assert.ok(error.cause instanceof TransactionLinkError && error.cause.status === 500);
      assert.equal(polls(), 10);
    });

    it('counts an unknown status (and a missing one) against the budget: maxFailures 3', async () => {
      for (const value of ['PAUSED', undefined, 42]) {
        const { polls, wait } = await workflowAnswers([workflow(value)]);
        const error = await wait(3).catch((e: unknown) => e);
        assert.ok(error instanceof WaitForCompletionError, String(error));
        assert.deepEqual([error.failures, error.lastStatus, polls()], [3, value, 3]);
      }
    });

    it('starts the count again on RUNNING, and waits out 429, 503, a 200 that is not JSON', async () => {
      const notJson = () => new Response('<html>gateway</html>', { status: 200 });
      const { polls, wait } = await workflowAnswers([status(500), status(429), workflow('RUNNING'), status(503), notJson, workflow('RUNNING'), workflow('PAUSED'), notJson, workflow('COMPLETED')]);
      const done = await wait(3);
      assert.equal(done.status, 'COMPLETED');
      assert.equal(polls(), 9);
    });
  });

  describe('answers without what they must carry', () => {
    it('a token answer without a (non-empty string) token is an invalid-response error, and the handler answers 502', async () => {
      for (const body of ['{"expiryDuration":3600}', '{"token":42}', '{"token":""}', '{"token":null}', 'null', 'not json']) {
        const { url } = await upstream((name) => (name === 'POST /token' ? new Response(body, { status: 201 }) : undefined));
        const tl = createTransactionLink({ baseUrl: url, key: 'k', secret: 'the-secret' });
        const error: unknown = await tl.issueWidgetToken(CASE).catch((e: unknown) => e);
        assert.ok(error instanceof TransactionLinkError, `${body}: ${String(error)}`);
        assert.deepEqual([error.code, error.status, error.request, error.transient], ['invalid-response', 201, 'POST /token', false], body);
        const response = await widgetTokenHandler({ transactionLink: tl, resolve: () => CASE })(new Request('http://backend.test/t', { method: 'POST' }));
        assert.equal(response.status, 502, body);
        const answer = (await response.json()) as Record<string, unknown>;
        assert.equal(answer.expiresAt, undefined);
        assert.equal(answer.token, undefined);
      }
    });

    it('an authorize answer without an access token is an error; nothing is sent with "Bearer undefined"', async () => {
      const authorizations: Array<string | null> = [];
      const { url } = await upstream((name, request) => {
        authorizations.push(request.headers.get('authorization'));
        return name === 'POST /auth/authorize' ? Response.json({ expiryDuration: 3600 }) : undefined;
      });
      const error = await createTransactionLink({ baseUrl: url, key: 'k', secret: 'the-secret' }).getWorkflow('w').catch((e: unknown) => e);
      assert.ok(error instanceof TransactionLinkError, String(error));
      assert.deepEqual([error.code, error.request], ['invalid-response', 'POST /auth/authorize']);
      assert.deepEqual(authorizations, [null], 'only the authorize call');
    });
  });

  describe('widgetTokenHandler', () => {
    let running: RunningSandbox;
    let transactionLink: ReturnType<typeof createTransactionLink>;
    before(async () => {
      running = await serveSandbox();
      transactionLink = createTransactionLink({ baseUrl: running.url, key: 'sandbox-key', secret: 'sandbox-secret' });
    });
    after(() => running.close());

    it('answers 500 (a bug) when resolve throws a TypeError, ReferenceError or RangeError; 401 for other refusals', async () => {
      const cases: Array<[string, () => never | Promise<never>, number]> = [
        ['TypeError', () => (null as unknown as { user: string }).user as never, 500],
        ['ReferenceError', () => { throw new ReferenceError('session is not defined'); }, 500],
        ['RangeError, rejected', () => Promise.reject(new RangeError('bad')), 500],
        ['TypeError, rejected', async () => { throw new TypeError('x is not a function'); }, 500],
        ['an Error', () => { throw new Error('not signed in'); }, 401],
        ['a string', () => Promise.reject('no session'), 401],
      ];
      const tokens = running.count('POST /token');
      for (const [what, resolve, expected] of cases) {
        const heard: unknown[] = [];
        const handler = widgetTokenHandler({ transactionLink, resolve, onError: (e) => heard.push(e) });
        const response = await handler(new Request('http://backend.test/t', { method: 'POST' }));
        assert.equal(response.status, expected, what);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const { errors } = (await response.json()) as { errors: Array<{ code: string }> };
        assert.equal(errors[0]!.code, expected === 500 ? 'internal' : 'unauthorized', what);
        assert.equal(heard.length, 1, `${what}: onError hears it`);
      }
      assert.equal(running.count('POST /token'), tokens, 'TransactionLink was asked nothing');
    });

    describe('refuses cross-site requests (on by default)', () => {
      let endpoint: { url: string; close: () => Promise<void> };
      let resolved = 0;
      before(async () => {
        const handler = widgetTokenHandler({ transactionLink, resolve: () => ((resolved += 1), CASE) });
        endpoint = await serveHandler(handler);
      });
      after(() => endpoint.close());
      const post = (url: string, headers: Record<string, string>) => fetch(url, { method: 'POST', headers });

      it('403 for Sec-Fetch-Site cross-site or same-site, or a foreign Origin: resolve not called, TransactionLink not asked', async () => {
        const own = new URL(endpoint.url).origin;
        const [resolvedBefore, tokensBefore] = [resolved, running.count('POST /token')];
        const refused: Array<Record<string, string>> = [
          { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
          { 'sec-fetch-site': 'cross-site', origin: own }, // the browser's word wins over a forged Origin
          { 'sec-fetch-site': 'same-site', origin: 'https://sub.example' },
          { origin: 'https://evil.example' },
          { origin: 'null' },
        ];
        for (const headers of refused) {
          const response = await post(endpoint.url, headers);
          assert.equal(response.status, 403, JSON.stringify(headers));
          assert.equal(response.headers.get('cache-control'), 'no-store');
          assert.equal(((await response.json()) as { errors: Array<{ code: string }> }).errors[0]!.code, 'cross-site');
        }
        assert.equal(resolved, resolvedBefore);
        assert.equal(running.count('POST /token'), tokensBefore);
      });

      it('200 for the same origin, a user-initiated request, and a request without browser headers (a server, curl)', async () => {
        const own = new URL(endpoint.url).origin;
        const allowed: Array<Record<string, string>> = [{ 'sec-fetch-site': 'same-origin', origin: own }, { origin: own }, { 'sec-fetch-site': 'none' }, {}];
        for (const headers of allowed) {
          const response = await post(endpoint.url, headers);
          assert.equal(response.status, 200, JSON.stringify(headers));
          assert.equal(typeof ((await response.json()) as { token: unknown }).token, 'string');
        }
      });

      it('lets allowedOrigins in, and can be switched off', async () => {
        const cross = { 'sec-fetch-site': 'cross-site', origin: 'https://app.example' };
        const allowed = await serveHandler(widgetTokenHandler({ transactionLink, resolve: () => CASE, allowedOrigins: ['https://app.example'] }));
        const open = await serveHandler(widgetTokenHandler({ transactionLink, resolve: () => CASE, sameOriginOnly: false }));
        try {
          assert.equal((await post(allowed.url, cross)).status, 200);
          assert.equal((await post(allowed.url, { ...cross, origin: 'https://evil.example' })).status, 403);
          assert.equal((await post(open.url, cross)).status, 200);
        } finally {
          await Promise.all([allowed.close(), open.close()]);
        }
      });
    });
  });
});
