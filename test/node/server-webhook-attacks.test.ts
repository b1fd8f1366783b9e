// verifyWebhook under attack, against the real sandbox over HTTP (its webhook key) and, where the
// attack needs an upstream that misbehaves, a stand-in: cheap checks before any work, a capped body,
// kids that cannot leave the key path, unknown kids remembered with a bound on key fetches, key
// answers that are not JSON, and replays. The clock of the caches is injected.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { exportSPKI, FlattenedSign, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import { importSigningKeys } from '../../sandbox/keys.ts';
import {
  createTransactionLink,
  TransactionLinkError,
  WebhookVerificationError,
  type TransactionLink,
  type TransactionLinkOptions,
  type WebhookEvent,
  type WebhookProblem,
  type WebhookSeenStore,
} from '../../src/server/index.ts';
import { serveSandbox, serveStandIn, type RunningSandbox } from './server-helpers.ts';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A detached RS256 JWS over `body`, as TransactionLink signs webhooks. */
async function sign(body: string, key: CryptoKey, kid: unknown): Promise<string> {
  const jws = await new FlattenedSign(new TextEncoder().encode(body)).setProtectedHeader({ alg: 'RS256', kid } as { alg: string; kid: string }).sign(key);
  return `${jws.protected}..${jws.signature}`;
}

/** A body that counts the bytes pulled from it: `total` bytes in 64 KiB chunks, made as they are read. */
function countedBody(total: number) {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) {
        controller.close();
        return;
      }
      const part = chunk.subarray(0, Math.min(chunk.length, total - pulled.bytes));
      pulled.bytes += part.length;
      controller.enqueue(part);
    },
  }, { highWaterMark: 0 }); // nothing pulled before a read
  return { stream, pulled };
}

function webhook(body: BodyInit, signature: string, headers: Record<string, string> = {}): Request {
  return new Request('http://backend.test/hooks', { method: 'POST', body, headers: { 'jws-signature': signature, ...headers }, duplex: 'half' } as RequestInit);
}

async function problemOf(tl: TransactionLink, request: Request): Promise<WebhookProblem> {
  const error = await tl.verifyWebhook(request).then(() => null, (e: unknown) => e);
  assert.ok(error instanceof WebhookVerificationError, `expected a WebhookVerificationError, got ${String(error)}`);
  return error.problem;
}

const event = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: randomUUID(), type: 'workflow.status-changed', workflowId: randomUUID(), status: 'COMPLETED', createdAt: new Date().toISOString(), ...extra });

describe('tl-workflow/server: verifyWebhook under attack', () => {
  let running: RunningSandbox;
  /** The sandbox's webhook key (the key that signs its tokens, used with RS256) and its kid. */
  let sandboxKey: CryptoKey;
  let kid: string;
  let clock: number;
  const client = (options: Partial<TransactionLinkOptions> = {}) =>
    createTransactionLink({ baseUrl: running.url, key: 'sandbox-key', secret: 'sandbox-secret', now: () => clock, ...options });
  const keyFetches = () => running.countStarting('GET /auth/webhooks/');

  before(async () => {
    running = await serveSandbox();
    await running.sandbox.ready;
    const privateJwk = running.sandbox.store.data.privateJwk!;
    kid = (await importSigningKeys(privateJwk)).kid;
    sandboxKey = (await importJWK({ ...privateJwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  });
  after(() => running.close());

  it('checks the signature header and the kid first: a malformed one reads no body and fetches no key', async () => {
    clock = Date.now();
    const tl = client();
    const fetchesBefore = keyFetches();
    const head = (header: object) => `${b64(header)}..${'s'.repeat(342)}`;
    const malformed: Array<[string, string]> = [
      ['a 10 KB header', `${'a'.repeat(10_000)}..b`],
      ['a payload part', `${b64({ alg: 'RS256', kid })}.e30.sig`],
      ['characters outside base64url', `${b64({ alg: 'RS256', kid })}..s+g/==`],
      ['no kid', head({ alg: 'RS256' })],
    ];
    for (const bad of ['..', '.', '../../auth/authorize', 'a/b', '%2e%2e', 'key.1', 'k\u0000', 'x'.repeat(129), '']) malformed.push([`kid ${JSON.stringify(bad)}`, head({ alg: 'RS256', kid: bad })]);
    for (const bad of [42, null, ['a']]) malformed.push([`kid ${JSON.stringify(bad)}`, head({ alg: 'RS256', kid: bad })]);
    for (const [what, signature] of malformed) {
      const { stream, pulled } = countedBody(10 * 1024 * 1024);
      assert.equal(await problemOf(tl, webhook(stream, signature)), 'malformed-signature', what);
      assert.equal(pulled.bytes, 0, `${what}: no byte of the body read`);
    }
    assert.equal(keyFetches(), fetchesBefore, 'no key fetched');
  });

  it('never fetches another path for a kid with dot-segments, even where that path serves a PEM', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const pem = await exportSPKI(publicKey);
    const standIn = await serveStandIn((name) => (name.startsWith('GET /auth/webhooks') ? new Response(pem) : undefined));
    try {
      const tl = createTransactionLink({ baseUrl: standIn.url, key: 'k', secret: 'the-secret' });
      const body = event();
      for (const dots of ['..', '.', '%2e%2e']) assert.equal(await problemOf(tl, webhook(body, await sign(body, privateKey, dots))), 'malformed-signature', dots);
      assert.deepEqual(standIn.requests.filter((r) => r.includes('webhooks')), [], 'no key path was asked for');
    } finally {
      await standIn.close();
    }
  });

  it('caps the body at 1 MiB by default: refused by Content-Length unread, or as soon as it passes the cap', async () => {
    clock = Date.now();
    const tl = client();
    const signature = await sign('{}', sandboxKey, kid);
    const declared = countedBody(100 * 1024 * 1024);
    assert.equal(await problemOf(tl, webhook(declared.stream, signature, { 'content-length': String(100 * 1024 * 1024) })), 'too-large');
    assert.equal(declared.pulled.bytes, 0, 'refused by its Content-Length, unread');
    const streamed = countedBody(100 * 1024 * 1024);
    assert.equal(await problemOf(tl, webhook(streamed.stream, signature)), 'too-large');
    assert.ok(streamed.pulled.bytes <= 1024 * 1024 + 64 * 1024, `read ${streamed.pulled.bytes} bytes of 100 MiB`);
    assert.ok(streamed.pulled.bytes > 1024 * 1024, 'read up to the cap');
  });

  it('takes a configured body cap: a signed body of exactly the cap verifies, one byte more is refused', async () => {
    clock = Date.now();
    const tl = client({ webhooks: { maxBodyBytes: 2048 } });
    const fit = (size: number) => {
      const base = event({ note: '' });
      return base.replace('"note":""', `"note":"${'x'.repeat(size - base.length)}"`);
    };
    const exact = fit(2048);
    assert.equal(Buffer.byteLength(exact), 2048);
    assert.equal(((await tl.verifyWebhook(webhook(exact, await sign(exact, sandboxKey, kid)))) as WebhookEvent).status, 'COMPLETED');
    const over = fit(2049);
    assert.equal(await problemOf(tl, webhook(over, await sign(over, sandboxKey, kid))), 'too-large');
  });

  it('300 forged webhooks naming 300 kids make 10 key fetches; unknown kids are remembered; the bound refills each minute', async () => {
    clock = Date.now();
    const tl = client();
    const fetchesBefore = keyFetches();
    const body = event();
    const kids = Array.from({ length: 300 }, (_, i) => `forged-key-${i}`);
    const outcomes = await Promise.all(
      kids.map((forged) =>
        tl.verifyWebhook(webhook(body, `${b64({ alg: 'RS256', kid: forged })}..${'s'.repeat(342)}`)).then(
          () => 'accepted',
          (e: unknown) => (e instanceof WebhookVerificationError ? e.problem : e instanceof TransactionLinkError ? `${e.code}${e.transient ? ' (transient)' : ''}` : String(e)),
        ),
      ),
    );
    assert.equal(keyFetches() - fetchesBefore, 10, 'ten key fetches');
    assert.deepEqual(outcomes.slice(0, 10), Array(10).fill('unknown-key'));
    assert.deepEqual([...new Set(outcomes.slice(10))], ['key-fetch-limit (transient)'], 'the rest: not fetched, worth retrying');
    // A kid found unknown is refused without asking again, for 5 minutes.
    const first = `${b64({ alg: 'RS256', kid: kids[0] })}..${'s'.repeat(342)}`;
    assert.equal(await problemOf(tl, webhook(body, first)), 'unknown-key');
    assert.equal(keyFetches() - fetchesBefore, 10);
    // A minute later the bound has room again: TransactionLink's own key is fetched and the webhook verifies.
    clock += 61_000;
    const genuine = event();
    assert.equal(((await tl.verifyWebhook(webhook(genuine, await sign(genuine, sandboxKey, kid)))) as WebhookEvent).status, 'COMPLETED');
    assert.equal(await problemOf(tl, webhook(body, first)), 'unknown-key');
    assert.equal(keyFetches() - fetchesBefore, 11, 'the genuine key only; the unknown kid still remembered');
    clock += 300_000;
    assert.equal(await problemOf(tl, webhook(body, first)), 'unknown-key');
    assert.equal(keyFetches() - fetchesBefore, 12, 'asked again once the 5 minutes are over');
  });

  it('maps a key answer that is not JSON (or has no PEM) to unknown-key, never a SyntaxError', async () => {
    const answers = ['{"pem": "-----BEGIN PUBLIC KEY-----', '{"kid":"k"}', 'null', '<html>502</html>'];
    let index = 0;
    const standIn = await serveStandIn((name) => (name.startsWith('GET /auth/webhooks/key/') ? new Response(answers[index++]) : undefined));
    try {
      const tl = createTransactionLink({ baseUrl: standIn.url, key: 'k', secret: 'the-secret' });
      const body = event();
      for (const answer of answers) {
        const problem = await problemOf(tl, webhook(body, `${b64({ alg: 'RS256', kid: `key-${answer.length}` })}..${'s'.repeat(342)}`));
        assert.equal(problem, 'unknown-key', answer);
      }
      assert.equal(index, answers.length, 'every answer was fetched');
    } finally {
      await standIn.close();
    }
  });

  describe('replays', () => {
    it('refuses a webhook accepted before, and a re-signed duplicate of its event id; forgetWebhook lets the next delivery in', async () => {
      clock = Date.now();
      const tl = client();
      const body = event();
      const signature = await sign(body, sandboxKey, kid);
      const accepted = await tl.verifyWebhook(webhook(body, signature));
      assert.equal(await problemOf(tl, webhook(body, signature)), 'replayed');
      const { id } = JSON.parse(body) as { id: string };
      const resigned = event({ id, status: 'CANCELLED' });
      assert.equal(await problemOf(tl, webhook(resigned, await sign(resigned, sandboxKey, kid))), 'replayed', 'same id, other body');
      // The host could not act on it: TransactionLink's retry must get through.
      await tl.forgetWebhook(accepted);
      assert.deepEqual(await tl.verifyWebhook(webhook(body, signature)), accepted);
      assert.equal(await problemOf(tl, webhook(body, signature)), 'replayed');
    });

    it('keys an event without an id by its signature', async () => {
      clock = Date.now();
      const tl = client();
      const body = JSON.stringify({ type: 'ping', createdAt: new Date().toISOString() });
      const signature = await sign(body, sandboxKey, kid);
      await tl.verifyWebhook(webhook(body, signature));
      assert.equal(await problemOf(tl, webhook(body, signature)), 'replayed');
    });

    it('remembers accepted events for rememberSeconds (a day by default), then forgets them', async () => {
      clock = Date.now();
      const tl = client();
      const body = event();
      const signature = await sign(body, sandboxKey, kid);
      await tl.verifyWebhook(webhook(body, signature));
      clock += 86_399_000;
      assert.equal(await problemOf(tl, webhook(body, signature)), 'replayed');
      clock += 2000;
      await tl.verifyWebhook(webhook(body, signature));
      const short = client({ webhooks: { rememberSeconds: 60 } });
      const other = event();
      const otherSignature = await sign(other, sandboxKey, kid);
      await short.verifyWebhook(webhook(other, otherSignature));
      clock += 61_000;
      await short.verifyWebhook(webhook(other, otherSignature));
    });

    it('shares one seen store across backends: what one accepted, the other refuses', async () => {
      clock = Date.now();
      const shared = new Map<string, number>();
      const calls: string[] = [];
      const store: WebhookSeenStore = {
        async add(key, expiresAt) {
          calls.push(`add ${key} ${expiresAt.getTime() - clock}`);
          if ((shared.get(key) ?? 0) > clock) return false;
          shared.set(key, expiresAt.getTime());
          return true;
        },
        async delete(key) {
          calls.push(`delete ${key}`);
          shared.delete(key);
        },
      };
      const [one, two] = [client({ webhooks: { seen: store } }), client({ webhooks: { seen: store } })];
      const body = event();
      const signature = await sign(body, sandboxKey, kid);
      const accepted = await one.verifyWebhook(webhook(body, signature));
      assert.equal(await problemOf(two, webhook(body, signature)), 'replayed');
      await one.forgetWebhook(accepted);
      await two.verifyWebhook(webhook(body, signature));
      const key = `id:${(accepted as WebhookEvent).id}`;
      assert.deepEqual(calls, [`add ${key} 86400000`, `add ${key} 86400000`, `delete ${key}`, `add ${key} 86400000`]);
    });
  });
});
