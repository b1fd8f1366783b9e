/**
 * Verifying TransactionLink's signed webhooks: the `JWS-SIGNATURE` header holds a detached JWS
 * (`<protected header>..<signature>`, RS256, `kid` naming the key) over the raw request body.
 * The cheap checks come first (the header's shape, the algorithm, the `kid`'s shape, the body's
 * size), then the key (webhook-keys.ts), the signature, and last the replay check (seen-store.ts).
 */
import { base64url, decodeProtectedHeader, flattenedVerify } from 'jose';
import { WebhookVerificationError } from './errors.js';
import type { WebhookSeenStore } from './seen-store.js';
import type { WebhookEvent } from './types.js';
import { WEBHOOK_ALGORITHM, type WebhookKeys } from './webhook-keys.js';

/** A detached JWS: two base64url parts around an empty payload. RS256 with a 16384-bit key stays far below the bound. */
const DETACHED_JWS = /^[A-Za-z0-9_-]{1,4096}\.\.[A-Za-z0-9_-]{1,4096}$/;

/** The `kid`s accepted: 1 to 128 letters, digits, `-` and `_` (a UUID, a JWK thumbprint); never a path. */
const KID_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

/** Tuning of the verifier. */
export interface WebhookVerifierOptions {
  /** Largest body read, bytes; a longer one is refused before it is read whole. */
  maxBodyBytes: number;
  /** Where verified events are recorded (replays are refused). */
  seen: WebhookSeenStore;
  /** Seconds an event stays recorded. */
  rememberSeconds: number;
  now: () => number;
}

function malformed(message: string, cause?: unknown): WebhookVerificationError {
  return new WebhookVerificationError('malformed-signature', message, cause === undefined ? undefined : { cause });
}

/** The body, read up to `max` bytes: refused by its `Content-Length`, or as soon as it passes `max`. */
async function readBody(request: Request, max: number): Promise<Uint8Array> {
  const tooLarge = () => new WebhookVerificationError('too-large', `The webhook body is larger than ${max} bytes.`);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Verifies webhooks with the keys of `keys`, refusing replays through `options.seen`. */
export class WebhookVerifier {
  /** The seen-store key of each event object `verify` returned (for `forget`). */
  readonly #recorded = new WeakMap<object, string>();
  readonly #keys: WebhookKeys;
  readonly #options: WebhookVerifierOptions;


  constructor(
    keys: WebhookKeys,
    options: WebhookVerifierOptions,

  ) {
    this.#keys = keys;
    this.#options = options;

  }

  /**
   * Resolves with the webhook's parsed body when its signature verifies and it was not seen
   * before; rejects with a `WebhookVerificationError` when not (answer 400, act on nothing), or
   * with a transient `TransactionLinkError` when the key could not be fetched right now (answer
   * 5xx: it is retried).
   */
  async verify<T = WebhookEvent>(request: Request): Promise<T> {
    const signature = request.headers.get('jws-signature')?.trim();
    if (!signature) throw new WebhookVerificationError('missing-signature', 'The JWS-SIGNATURE header is missing.');
    if (!DETACHED_JWS.test(signature)) throw malformed('JWS-SIGNATURE is not a detached JWS (<header>..<signature>).');
    const [protectedHeader, , signed] = signature.split('.') as [string, string, string];
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(signature);
    } catch (cause) {
      throw malformed('The JWS header cannot be decoded.', cause);
    }
    if (header.alg !== WEBHOOK_ALGORITHM) {
      throw new WebhookVerificationError('unsupported-algorithm', `The webhook is signed with ${String(header.alg)}; only ${WEBHOOK_ALGORITHM} is accepted.`);
    }
    if (typeof header.kid !== 'string' || !KID_SHAPE.test(header.kid)) {
      throw malformed('The JWS header names no key (kid) of the accepted shape: 1 to 128 letters, digits, - or _.');
    }
    const body = await readBody(request, this.#options.maxBodyBytes);
    const key = await this.#keys.get(header.kid);
    try {
      await flattenedVerify(
        { protected: protectedHeader, payload: header.b64 === false ? body : base64url.encode(body), signature: signed },
        key,
        { algorithms: [WEBHOOK_ALGORITHM] },
      );
    } catch (cause) {
      throw new WebhookVerificationError('bad-signature', 'The webhook signature does not match its body.', { cause });
    }
    let event: T;
    try {
      event = JSON.parse(new TextDecoder().decode(body)) as T;
    } catch (cause) {
      throw new WebhookVerificationError('invalid-payload', 'The signed webhook body is not JSON.', { cause });
    }
    await this.#record(event, signed);
    return event;
  }

  /** Forgets a verified event (the host could not act on it): TransactionLink's next delivery of it is accepted. */
  async forget(event: unknown): Promise<void> {
    const key = event !== null && typeof event === 'object' ? this.#recorded.get(event) : undefined;
    if (key !== undefined) await this.#options.seen.delete(key);
  }

  /** Records the event by its `id` (by its signature when it has none); a key already held is a replay. */
  async #record(event: unknown, signature: string): Promise<void> {
    const id = event !== null && typeof event === 'object' ? (event as { id?: unknown }).id : undefined;
    const key = typeof id === 'string' && id !== '' ? `id:${id}` : `jws:${signature}`;
    const expiresAt = new Date(this.#options.now() + this.#options.rememberSeconds * 1000);
    if (!(await this.#options.seen.add(key, expiresAt))) {
      throw new WebhookVerificationError('replayed', 'This webhook was accepted before (a replay or a duplicate delivery).');
    }
    if (event !== null && typeof event === 'object') this.#recorded.set(event, key);
  }
}
