/**
 * What must never reach an error message or a log line, and the redaction that keeps it out: the
 * key's secret, every access, refresh and widget token the client has held, each part of those
 * that are JWTs, and anything shaped like a JWT. Redaction runs on the strings an error is made of,
 * after `JSON.parse`: a secret echoed JSON-escaped (`\"`, `\\`) or as `\uXXXX` escapes is caught
 * in the form it takes in the message.
 */

/** Anything shaped like a JWT (three base64url parts). */
const JWT_LIKE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

/** Strings shorter than this are never searched for (a 3-character "secret" would blank out words). */
const MIN_LENGTH = 4;

/** How many tokens are remembered for redaction (the oldest are forgotten first). */
const MAX_TOKENS = 512;

/** The part that replaces a secret. */
const REDACTED = '[redacted]';

/** The strings to keep out of messages, and the redaction itself. */
export class Secrets {
  /** Every remembered token and its JWT parts, newest last. */
  readonly #tokens = new Set<string>();

  readonly #fixed: readonly string[];


  constructor(fixed: readonly string[]) {

    this.#fixed = fixed;

  }

  /** Remembers a token the client received (and, for a JWT, each of its parts). Non-strings are ignored. */
  remember(token: unknown): void {
    if (typeof token !== 'string' || token.length < MIN_LENGTH) return;
    for (const value of [token, ...(token.includes('.') ? token.split('.') : [])]) {
      if (value.length < MIN_LENGTH) continue;
      this.#tokens.delete(value);
      this.#tokens.add(value);
    }
    for (const oldest of this.#tokens) {
      if (this.#tokens.size <= MAX_TOKENS) break;
      this.#tokens.delete(oldest);
    }
  }

  /** `text` with every JWT-like string and every secret replaced by `[redacted]`. */
  redact(text: string): string {
    let out = text.replace(JWT_LIKE, REDACTED);
    // Longest first, so that a token is removed whole before any of its parts.
    const all = [...this.#fixed, ...this.#tokens].filter((s) => s.length >= MIN_LENGTH).sort((a, b) => b.length - a.length);
    for (const secret of all) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

}
