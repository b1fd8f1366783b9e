// Completion the backend can trust, against the real sandbox over HTTP: waitForCompletion on the
// company KYB (AWAITING -> COMPLETED) and its abort, and the sandbox's signed webhooks verified by
// verifyWebhook (and refused once a single byte changes).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTransactionLink,
  WebhookVerificationError,
  type TransactionLink,
  type WebhookEvent,
  type Workflow,
} from '../../src/server/index.ts';
import { png, serveHandler, serveSandbox, until, type RunningSandbox } from './server-helpers.ts';
import { DEMO } from './server-helpers.ts';

/** A webhook as it arrived: raw body and signature, and what verifyWebhook made of it. */
interface Received {
  body: string;
  signature: string;
  event?: WebhookEvent;
  error?: unknown;
}

/** The widget's part, over HTTP with the widget token: the company KYB up to submission. */
async function submitCompanyKyb(base: string, token: string): Promise<void> {
  const auth = { authorization: `Bearer ${token}` };
  let n = 0;
  const save = async (stepId: string, values: Record<string, unknown>) => {
    const response = await fetch(`${base}/widget/execution/steps/${stepId}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `k-${(n += 1)}-${Date.now()}` },
      body: JSON.stringify({ values }),
    });
    assert.equal(response.status, 200, `${stepId}: ${await response.clone().text()}`);
  };
  await save('company-lookup', { registryNumber: '0000123456' });
  await save('company', {
    companyName: 'Acme Sp. z o.o.', registryNumber: '0000123456', legalForm: 'LLC', incorporationDate: '2012-03-14',
    country: 'PL', street: 'ul. Marszałkowska 1', city: 'Warszawa', postalCode: '00-001',
  });
  await save('owners', { owners: [{ firstName: 'Jan', lastName: 'Kowalski', dateOfBirth: '1970-01-01', nationality: 'PL', ownershipPercent: 60 }] });
  const form = new FormData();
  form.set('field', 'registryExtract');
  form.set('file', png('extract.png'));
  const uploaded = await fetch(`${base}/widget/execution/steps/documents/files`, { method: 'POST', headers: auth, body: form });
  assert.equal(uploaded.status, 201);
  await save('documents', { registryExtract: await uploaded.json() });
  await save('consents', { terms: true, privacy: true, authorised: true });
  await save('review', {});
}

describe('tl-workflow/server: completion you can trust', () => {
  let running: RunningSandbox;
  let receiver: { url: string; close: () => Promise<void> };
  let tl: TransactionLink;
  const received: Received[] = [];

  before(async () => {
    receiver = await serveHandler(async (request) => {
      const copy = request.clone();
      const entry: Received = { body: await copy.text(), signature: request.headers.get('jws-signature') ?? '' };
      received.push(entry);
      try {
        entry.event = await tl.verifyWebhook(request);
        return new Response(null, { status: 204 });
      } catch (error) {
        entry.error = error;
        return new Response(null, { status: 400 });
      }
    });
    running = await serveSandbox({ awaitingSeconds: 0.6, webhookUrl: `${receiver.url}/hooks/transactionlink` });
    tl = createTransactionLink({ baseUrl: running.url, key: 'sandbox-key', secret: 'sandbox-secret' });
  });
  after(() => Promise.all([running.close(), receiver.close()]));

  it('waitForCompletion follows the KYB through AWAITING to COMPLETED, and signed webhooks say the same', async () => {
    const started = await tl.startWorkflow({ workflowDefinitionId: DEMO.companyKybId, locale: 'en', recordId: DEMO.caseId });
    const seen: string[] = [];
    const waiting = tl.waitForCompletion(started.id, { intervalMs: 100, onPoll: (w) => seen.push(w.status) });
    await until(() => seen.length > 0, 'a first poll');
    await submitCompanyKyb(running.url, started.token);

    const done: Workflow = await waiting;
    assert.equal(done.status, 'COMPLETED');
    assert.equal(seen[0], 'RUNNING');
    assert.ok(seen.includes('AWAITING'), `statuses seen: ${seen.join(', ')}`);
    assert.equal(seen.at(-1), 'COMPLETED');

    const mine = () => received.filter((r) => r.event?.workflowId === started.id);
    await until(() => mine().length === 2, 'two webhooks');
    assert.deepEqual(mine().map((r) => r.event!.status), ['AWAITING', 'COMPLETED']);
    assert.ok(received.every((r) => r.error === undefined), 'every webhook verified');
    const [first] = mine();
    assert.equal(first.event!.type, 'workflow.status-changed');
    assert.equal(first.event!.recordId, DEMO.caseId);
    assert.match(first.signature, /^[\w-]+\.\.[\w-]+$/, 'a detached JWS');
    const header = JSON.parse(Buffer.from(first.signature.split('.')[0], 'base64url').toString()) as { alg: string; kid: string };
    assert.equal(header.alg, 'RS256');
    assert.equal(running.count(`GET /auth/webhooks/key/${header.kid}`), 1, 'the key is fetched once and cached');
    const deliveries = (await (await fetch(`${running.url}/sandbox/webhooks`)).json()) as Array<Record<string, unknown>>;
    assert.deepEqual(
      deliveries.filter((d) => d.workflowId === started.id).map(({ status, attempts, delivered, lastStatus }) => ({ status, attempts, delivered, lastStatus })),
      [
        { status: 'AWAITING', attempts: 1, delivered: true, lastStatus: 204 },
        { status: 'COMPLETED', attempts: 1, delivered: true, lastStatus: 204 },
      ],
    );
  });

  describe('verifyWebhook refuses what TransactionLink did not sign', () => {
    let genuine: Received;
    const webhook = (body: string, signature: string | null) =>
      new Request('http://backend.test/hooks', { method: 'POST', body, headers: signature === null ? {} : { 'jws-signature': signature } });
    const refusal = async (request: Request) => {
      const error = await tl.verifyWebhook(request).then(() => null, (e: unknown) => e);
      assert.ok(error instanceof WebhookVerificationError, `expected a WebhookVerificationError, got ${String(error)}`);
      return error.problem;
    };

    before(async () => {
      genuine = await until(() => received.find((r) => r.event), 'a verified webhook');
    });

    it('refuses the genuine webhook delivered again (same body, same signature): a replay', async () => {
      assert.deepEqual(genuine.event, JSON.parse(genuine.body));
      assert.equal(await refusal(webhook(genuine.body, genuine.signature)), 'replayed');
    });

    it('refuses the body with one byte changed', async () => {
      const index = genuine.body.indexOf('AWAITING') >= 0 ? genuine.body.indexOf('AWAITING') : genuine.body.indexOf('COMPLETED');
      const changed = `${genuine.body.slice(0, index)}B${genuine.body.slice(index + 1)}`;
      assert.equal(changed.length, genuine.body.length);
      assert.equal(await refusal(webhook(changed, genuine.signature)), 'bad-signature');
    });

    it('refuses a changed signature, a missing one, another algorithm and an unknown key', async () => {
      const [head, , signature] = genuine.signature.split('.');
      const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      assert.equal(await refusal(webhook(genuine.body, `${head}..${flipped}`)), 'bad-signature');
      assert.equal(await refusal(webhook(genuine.body, null)), 'missing-signature');
      assert.equal(await refusal(webhook(genuine.body, `${head}.${Buffer.from(genuine.body).toString('base64url')}.${signature}`)), 'malformed-signature');
      const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as Record<string, string>;
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      assert.equal(await refusal(webhook(genuine.body, `${encode({ ...header, alg: 'HS256' })}..${signature}`)), 'unsupported-algorithm');
      assert.equal(await refusal(webhook(genuine.body, `${encode({ ...header, kid: 'someone-elses-key' })}..${signature}`)), 'unknown-key');
    });
  });

  it('waitForCompletion waits out a network failure with backoff, then sees the final status', async () => {
    let failNext = 0;
    const flaky = createTransactionLink({
      baseUrl: running.url,
      key: 'sandbox-key',
      secret: 'sandbox-secret',
      fetch: (input, init) => {
        if (input.includes('/workflows/') && failNext > 0) {
          failNext -= 1;
          return Promise.reject(new TypeError('fetch failed'));
        }
        return fetch(input, init);
      },
    });
    const started = await tl.startWorkflow({ workflowDefinitionId: DEMO.companyKybId, locale: 'en' });
    await submitCompanyKyb(running.url, started.token);
    failNext = 2;
    const polled: string[] = [];
    const done = await flaky.waitForCompletion(started.id, { intervalMs: 50, onPoll: (w) => polled.push(w.status) });
    assert.equal(failNext, 0, 'both failures happened');
    assert.equal(done.status, 'COMPLETED');
    assert.equal(polled.at(-1), 'COMPLETED');
  });

  it('waitForCompletion stops on abort: rejects with the reason and polls no more', async (t) => {
    const started = await tl.startWorkflow({ workflowDefinitionId: DEMO.individualKycId, locale: 'en' });
    // The same client, counting its polls as they leave (synchronously, when fetch is called).
    let polls = 0;
    const counted = createTransactionLink({
      baseUrl: running.url,
      key: 'sandbox-key',
      secret: 'sandbox-secret',
      fetch: (input, init) => {
        if (String(input).endsWith(`/workflows/${started.id}`)) polls += 1;
        return fetch(input, init);
      },
    });
    // The pauses between polls on a fake clock: moved on by hand, and every timer left run at the end.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const controller = new AbortController();
    let read = 0;
    const waiting = counted.waitForCompletion(started.id, { intervalMs: 50, signal: controller.signal, onPoll: () => (read += 1) });
    await until(() => read === 1, 'the first poll read');
    t.mock.timers.tick(50);
    await until(() => read === 2, 'the second poll read');
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    assert.equal(polls, 2);
    // Whatever timer is left runs now; a poll it started would call fetch within the microtasks one task drains.
    t.mock.timers.runAll();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(polls, 2, 'no poll after abort');
  });
});

describe('sandbox webhooks: delivery', () => {
  it('retries a delivery the receiver refused, with the same event and signature', async () => {
    const attempts: Array<{ body: string; signature: string | null }> = [];
    const receiver = await serveHandler(async (request) => {
      attempts.push({ body: await request.text(), signature: request.headers.get('jws-signature') });
      return new Response(null, { status: attempts.length === 1 ? 503 : 204 });
    });
    const running = await serveSandbox({ awaitingSeconds: 3600, webhookUrl: receiver.url });
    try {
      const tl = createTransactionLink({ baseUrl: running.url, key: 'sandbox-key', secret: 'sandbox-secret' });
      const started = await tl.startWorkflow({ workflowDefinitionId: DEMO.companyKybId, locale: 'en' });
      await submitCompanyKyb(running.url, started.token);
      await until(() => attempts.length === 2, 'the retried delivery');
      assert.equal(attempts[1].body, attempts[0].body);
      assert.equal(attempts[1].signature, attempts[0].signature);
      assert.equal((JSON.parse(attempts[0].body) as WebhookEvent).status, 'AWAITING');
      const deliveries = (await (await fetch(`${running.url}/sandbox/webhooks`)).json()) as Array<Record<string, unknown>>;
      assert.deepEqual(
        deliveries.map(({ attempts: count, delivered, lastStatus }) => ({ count, delivered, lastStatus })),
        [{ count: 2, delivered: true, lastStatus: 204 }],
      );
    } finally {
      await Promise.all([running.close(), receiver.close()]);
    }
  });
});
