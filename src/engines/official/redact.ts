/**
 * Keeps the token out of what the engine tells the page: a message from TransactionLink's script
 * (a thrown error, an `error` payload) may quote the token, or one of its three parts (the claims
 * part alone identifies the user's case). Redact first, shorten after: a token cut in half would
 * no longer be recognised.
 */

/** `text` with the token, and each of its dot-separated parts, replaced by `[token]`. */
function redact(text: string, token: string): string {
  let result = text;
  for (const secret of [token, ...token.split('.')]) {
    if (secret) result = result.split(secret).join('[token]');
  }
  return result;
}

/** The longest string an event detail carries: longer ones (after redaction) are cut, with an ellipsis. */
const MAX_LENGTH = 300;

/** A copy of an event detail whose strings are redacted of the token, then cut to 300 characters (other values as they are). */
export function redactDetail<T extends object>(detail: T, token: string): T {
  const copy = { ...detail } as Record<string, unknown>;
  for (const [key, value] of Object.entries(copy)) {
    if (typeof value !== 'string') continue;
    const text = redact(value, token);
    copy[key] = text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
  }
  return copy as T;
}
