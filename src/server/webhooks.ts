/**
 * Verifying TransactionLink's signed webhooks: the `JWS-SIGNATURE` header holds a detached JWS
 * (`<protected header>..<signature>`, RS256, `kid` naming the key) over the raw request body.
 * Public keys come from `GET /auth/webhooks/key/{keyId}?pem=true` and are cached by `kid`.
 */
import { base64url, decodeProtectedHeader, flattenedVerify, importSPKI, type CryptoKey } from 'jose';
import { NotFoundError, WebhookVerificationError } from './errors.js';
import type { WebhookEvent } from './types.js';

/** The only algorithm accepted. */
const ALGORITHM = 'RS256';

/** Finds the PEM in a key answer: the body itself, or a string field of a JSON body. */
function pemOf(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const body = JSON.parse(trimmed) as Record<string, unknown>;
    const found = Object.values(body).find((v): v is string => typeof v === 'string' && v.includes('BEGIN PUBLIC KEY'));
    if (found) return found;
  }
  return trimmed;
}

/** Verifies webhooks with keys fetched by `fetchPem(kid)`, each key fetched once. */
export class WebhookVerifier {
  private readonly keys = new Map<string, Promise<CryptoKey>>();

  constructor(private readonly fetchPem: (keyId: string) => Promise<string>) {}

  /**
   * Resolves with the webhook's parsed body when its signature verifies; rejects with a
   * `WebhookVerificationError` when it does not (answer 400, act on nothing), or with a
   * `TransactionLinkError` when the key could not be fetched right now (answer 5xx: it is retried).
   */
  async verify<T = WebhookEvent>(request: Request): Promise<T> {
    const signature = request.headers.get('jws-signature')?.trim();
    if (!signature) throw new WebhookVerificationError('missing-signature', 'The JWS-SIGNATURE header is missing.');
    const [protectedHeader, payload, signed, ...rest] = signature.split('.');
    if (rest.length > 0 || payload !== '' || !protectedHeader || !signed) {
      throw new WebhookVerificationError('malformed-signature', 'JWS-SIGNATURE is not a detached JWS (<header>..<signature>).');
    }
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(signature);
    } catch (cause) {
      throw new WebhookVerificationError('malformed-signature', 'The JWS header cannot be decoded.', { cause });
    }
    if (header.alg !== ALGORITHM) {
      throw new WebhookVerificationError('unsupported-algorithm', `The webhook is signed with ${String(header.alg)}; only ${ALGORITHM} is accepted.`);
    }
    if (typeof header.kid !== 'string' || header.kid === '') {
      throw new WebhookVerificationError('malformed-signature', 'The JWS header names no key (kid).');
    }
    const body = new Uint8Array(await request.arrayBuffer());
    const key = await this.key(header.kid);
    try {
      await flattenedVerify(
        { protected: protectedHeader, payload: header.b64 === false ? body : base64url.encode(body), signature: signed },
        key,
        { algorithms: [ALGORITHM] },
      );
    } catch (cause) {
      throw new WebhookVerificationError('bad-signature', 'The webhook signature does not match its body.', { cause });
    }
    try {
      return JSON.parse(new TextDecoder().decode(body)) as T;
    } catch (cause) {
      throw new WebhookVerificationError('invalid-payload', 'The signed webhook body is not JSON.', { cause });
    }
  }

  /** The public key for `kid`, fetched once (a failed fetch is forgotten, so it is tried again). */
  private key(keyId: string): Promise<CryptoKey> {
    let key = this.keys.get(keyId);
    if (!key) {
      key = this.load(keyId);
      this.keys.set(keyId, key);
      key.catch(() => this.keys.delete(keyId));
    }
    return key;
  }

  private async load(keyId: string): Promise<CryptoKey> {
    let pem: string;
    try {
      pem = pemOf(await this.fetchPem(keyId));
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new WebhookVerificationError('unknown-key', 'TransactionLink does not know the key the webhook names.', { cause: error });
      }
      throw error;
    }
    try {
      return await importSPKI(pem, ALGORITHM);
    } catch (cause) {
      throw new WebhookVerificationError('unknown-key', 'The webhook key is not an RSA public key in PEM form.', { cause });
    }
  }
}
