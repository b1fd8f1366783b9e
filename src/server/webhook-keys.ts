/**
 * TransactionLink's webhook public keys by `kid`: each fetched once and cached; a `kid`
 * TransactionLink does not know (or answers with no usable key) is remembered as unknown for a
 * while, and fetches of keys not yet known are bounded per minute, so that forged webhooks naming
 * ever new `kid`s cannot make the backend call TransactionLink for each.
 */
import { importSPKI, type CryptoKey } from 'jose';
import { NotFoundError, TransactionLinkError, WebhookVerificationError } from './errors.js';

/** The only webhook algorithm accepted. */
export const WEBHOOK_ALGORITHM = 'RS256';

/** Tuning of the key cache. */
export interface WebhookKeyLimits {
  /** Seconds a `kid` found unknown is refused without asking TransactionLink again. */
  unknownKeySeconds: number;
  /** Key fetches allowed per minute; past them a new `kid` is not fetched (a transient error). */
  maxKeyFetchesPerMinute: number;
  /** Epoch ms. */
  now: () => number;
}

/** How many unknown `kid`s are remembered at most (the oldest are forgotten first). */
const MAX_UNKNOWN = 10_000;

/** The PEM in a key answer: the body itself, or a string field of a JSON body; `null` when the answer has none. */
function pemOf(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (body === null || typeof body !== 'object') return null;
  return Object.values(body).find((v): v is string => typeof v === 'string' && v.includes('BEGIN PUBLIC KEY')) ?? null;
}

function unknownKey(cause?: unknown): WebhookVerificationError {
  return new WebhookVerificationError('unknown-key', 'TransactionLink has no usable webhook key with the id the webhook names.', { cause });
}

/** The webhook keys, fetched with `fetchPem(kid)`. */
export class WebhookKeys {
  readonly #keys = new Map<string, Promise<CryptoKey>>();
  /** `kid` -> epoch ms until which it is refused without a fetch. */
  readonly #unknown = new Map<string, number>();
  /** Epoch ms of the fetches of the last minute. */
  #fetches: number[] = [];
  readonly #fetchPem: (keyId: string) => Promise<string>;
  readonly #limits: WebhookKeyLimits;

  constructor(fetchPem: (keyId: string) => Promise<string>, limits: WebhookKeyLimits) {
    this.#fetchPem = fetchPem;
    this.#limits = limits;
  }

  /**
   * The key for `kid`: cached, or fetched once (concurrent callers share the fetch). Rejects with
   * `WebhookVerificationError` `unknown-key` for a `kid` TransactionLink has no usable key for
   * (remembered), or with a transient `TransactionLinkError` (a failed fetch, or `key-fetch-limit`).
   */
  get(keyId: string): Promise<CryptoKey> {
    const cached = this.#keys.get(keyId);
    if (cached) return cached;
    const now = this.#limits.now();
    if ((this.#unknown.get(keyId) ?? 0) > now) return Promise.reject(unknownKey());
    this.#unknown.delete(keyId);
    this.#fetches = this.#fetches.filter((at) => at > now - 60_000);
    if (this.#fetches.length >= this.#limits.maxKeyFetchesPerMinute) {
      const message = `${this.#fetches.length} webhook keys were fetched in the last minute; this one was not (try again later).`;
      return Promise.reject(
        new TransactionLinkError({ request: 'GET /auth/webhooks/key/{kid}', status: 429, code: 'key-fetch-limit', errors: [{ code: 'key-fetch-limit', message }] }),
      );
    }
    this.#fetches.push(now);
    const key = this.#load(keyId);
    this.#keys.set(keyId, key);
    key.catch((error: unknown) => {
      this.#keys.delete(keyId);
      if (error instanceof WebhookVerificationError) this.#rememberUnknown(keyId);
    });
    return key;
  }

  async #load(keyId: string): Promise<CryptoKey> {
    let pem: string | null;
    try {
      pem = pemOf(await this.#fetchPem(keyId));
    } catch (error) {
      if (error instanceof NotFoundError) throw unknownKey(error);
      throw error;
    }
    if (pem === null) throw unknownKey();
    try {
      return await importSPKI(pem, WEBHOOK_ALGORITHM);
    } catch (cause) {
      throw unknownKey(cause);
    }
  }

  #rememberUnknown(keyId: string): void {
    for (const oldest of this.#unknown.keys()) {
      if (this.#unknown.size < MAX_UNKNOWN) break;
      this.#unknown.delete(oldest);
    }
    this.#unknown.set(keyId, this.#limits.now() + this.#limits.unknownKeySeconds * 1000);
  }
}
