import type { ApiErrorBody } from '../schema/api-types.js';
import type { TlErrorCode } from '../events/error-codes.js';

/**
 * How the API refused the widget token (a 401): saying it expired (`token-expired`), or for another
 * reason (`invalid`). The client only reports it; whether the token really expired is for the
 * token's owner to decide (the element's token lifecycle, which has already decoded it).
 */
export type TokenRefusal = 'expired' | 'invalid';

/** What an `ApiError` may say besides its code, status and message. */
export interface ApiErrorDetails {
  tokenRefused?: TokenRefusal;
  fieldErrors?: Record<string, string>;
  fingerprint?: string;
  /** How long the server asked to wait before trying again (`Retry-After`), in ms. */
  retryAfterMs?: number;
}

/** Codes of failures worth retrying or correcting (see `error-codes.ts`). */
const RECOVERABLE: readonly TlErrorCode[] = ['network', 'validation', 'rate-limited', 'server', 'upload-failed'];

/**
 * A failed widget API call. `code` is one of the stable `tl-error` codes; `status` is the HTTP
 * status (0 when the server could not be reached). Aborts are never an `ApiError`: they surface as
 * the `AbortError` `DOMException` of the signal.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: TlErrorCode;
  readonly status: number;
  /** Whether the failure is worth retrying or correcting (by its code, see `error-codes.ts`). */
  readonly recoverable: boolean;
  /** On a 401: how the server refused the token (see `TokenRefusal`); `null` otherwise. */
  readonly tokenRefused: TokenRefusal | null;
  /** On 422: messages by dotted field path (`owners.1.firstName`). Empty otherwise. */
  readonly fieldErrors: Record<string, string>;
  readonly fingerprint: string | undefined;
  /** On 429 and 503: the wait the server asked for (`Retry-After`), in ms; `undefined` without one. */
  readonly retryAfterMs: number | undefined;

  constructor(code: TlErrorCode, status: number, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.recoverable = RECOVERABLE.includes(code);
    this.tokenRefused = details.tokenRefused ?? null;
    this.fieldErrors = details.fieldErrors ?? {};
    this.fingerprint = details.fingerprint;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Maps an HTTP status to a `tl-error` code. */
function codeForStatus(status: number): TlErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 410) return 'conflict';
  if (status === 422 || status === 400) return 'validation';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'unexpected';
}

type ErrorEntry = ApiErrorBody['errors'][number];

/** The well-formed entries of an error body (anything else in `errors` is ignored). */
function errorEntries(body: unknown): ErrorEntry[] {
  const errors = (body as Partial<ApiErrorBody> | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .slice(0, 100)
    .filter((e: Partial<ErrorEntry> | null) => typeof e?.code === 'string' && typeof e.message === 'string' && (e.field === undefined || typeof e.field === 'string'));
}

/**
 * A `Retry-After` header value (seconds, or an HTTP date) as a wait in ms from `now`, or
 * `undefined` when absent or unreadable.
 */
function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  const raw = header?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Builds the `ApiError` of a non-2xx response from its status, (already parsed, possibly
 * unreadable) body and `Retry-After` header. For an `upload`, any failure but a refused token is
 * an `upload-failed`, keeping the status and message.
 */
export function errorFromResponse(status: number, body: unknown, retryAfter?: string | null, upload = false): ApiError {
  const entries = errorEntries(body);
  const fingerprint = (body as { fingerprint?: unknown } | null)?.fingerprint;
  const fieldErrors: Record<string, string> = {};
  for (const { field, message } of entries) {
    if (field && field !== '__proto__' && !Object.prototype.hasOwnProperty.call(fieldErrors, field)) fieldErrors[field] = message;
  }
  const code = upload && status !== 401 && status !== 403 ? 'upload-failed' : status === 400 && Object.keys(fieldErrors).length === 0 ? 'unexpected' : codeForStatus(status);
  return new ApiError(code, status, entries.map((e) => e.message).filter(Boolean).join(' ') || `HTTP ${status}`, {
    tokenRefused: status !== 401 ? undefined : entries.some((e) => e.code === 'token-expired') ? 'expired' : 'invalid',
    fieldErrors,
    fingerprint: typeof fingerprint === 'string' ? fingerprint : undefined,
    retryAfterMs: parseRetryAfter(retryAfter),
  });
}

/**
 * The `ApiError` of a request that never got a whole HTTP answer (offline, DNS, CORS, a connection
 * reset before or during the response, no answer before the deadline).
 */
export function networkError(cause?: unknown, message = 'The API could not be reached.'): ApiError {
  const error = new ApiError('network', 0, message);
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause });
  return error;
}

/** The `ApiError` of a 2xx answer the widget cannot use (empty, not JSON, not the expected shape). */
export function unreadableResponse(status: number, detail: string): ApiError {
  return new ApiError('unexpected', status, `Unreadable response: ${detail}`);
}

/** Whether a failed request may be repeated: network failures, 429 and 5xx; never other 4xx nor aborts. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.status === 429 || error.status >= 500);
}
