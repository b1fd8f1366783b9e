import { jwtDecode } from 'jwt-decode';
import type { ApiErrorBody } from './api-types.js';
import type { TlErrorCode } from '../events/error-codes.js';

/** What an `ApiError` is built from. */
export interface ApiErrorInit {
  code: TlErrorCode;
  status: number;
  message: string;
  recoverable?: boolean;
  tokenExpired?: boolean;
  fieldErrors?: Record<string, string>;
  /** The first `errors[].code` of the response body (`token-expired`, `file-too-large`, ...). */
  serverCode?: string;
  fingerprint?: string;
}

/** Whether a failure with this code is worth retrying or correcting (see `error-codes.ts`). */
export function isRecoverableCode(code: TlErrorCode): boolean {
  return (
    code === 'network' ||
    code === 'validation' ||
    code === 'rate-limited' ||
    code === 'server' ||
    code === 'upload-failed'
  );
}

/**
 * A failed widget API call. `code` is one of the stable `tl-error` codes; `status` is the HTTP
 * status (0 when the server could not be reached). Aborts are never an `ApiError`: they surface as
 * the `AbortError` `DOMException` of the signal.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: TlErrorCode;
  readonly status: number;
  readonly recoverable: boolean;
  /** A 401 for a token that expired (body code `token-expired`, or the token's `exp` is past). */
  readonly tokenExpired: boolean;
  /** On 422: messages by dotted field path (`owners.1.firstName`). Empty otherwise. */
  readonly fieldErrors: Record<string, string>;
  readonly serverCode: string | undefined;
  readonly fingerprint: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.recoverable = init.recoverable ?? isRecoverableCode(init.code);
    this.tokenExpired = init.tokenExpired ?? false;
    this.fieldErrors = init.fieldErrors ?? {};
    this.serverCode = init.serverCode;
    this.fingerprint = init.fingerprint;
  }
}

/** Maps an HTTP status to a `tl-error` code. */
export function codeForStatus(status: number): TlErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 410) return 'conflict';
  if (status === 422 || status === 400) return 'validation';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'unexpected';
}

/** Whether a token's `exp` lies in the past (an unreadable token counts as not expired). */
export function isTokenPastExpiry(token: string, now = Date.now()): boolean {
  try {
    const { exp } = jwtDecode<{ exp?: unknown }>(token);
    return typeof exp === 'number' && exp * 1000 <= now;
  } catch {
    return false;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { errors?: unknown }).errors)
  );
}

/**
 * Builds the `ApiError` of a non-2xx response from its status and (already parsed, possibly
 * unreadable) body. `token` only serves to tell an expired token from a refused one.
 */
export function errorFromResponse(status: number, body: unknown, token: string): ApiError {
  const parsed = isErrorBody(body) ? body : undefined;
  const entries = parsed?.errors ?? [];
  const serverCode = entries[0]?.code;
  const fieldErrors: Record<string, string> = {};
  for (const entry of entries) {
    if (entry.field && !(entry.field in fieldErrors)) fieldErrors[entry.field] = entry.message;
  }
  const code = status === 400 && Object.keys(fieldErrors).length === 0 ? 'unexpected' : codeForStatus(status);
  const tokenExpired =
    status === 401 && (entries.some((e) => e.code === 'token-expired') || isTokenPastExpiry(token));
  const message = entries.map((e) => e.message).filter(Boolean).join(' ') || `HTTP ${status}`;
  return new ApiError({
    code,
    status,
    message,
    tokenExpired,
    fieldErrors,
    serverCode,
    fingerprint: parsed?.fingerprint,
  });
}

/** The `ApiError` of a request that never got an HTTP answer (offline, DNS, CORS, reset). */
export function networkError(cause?: unknown): ApiError {
  const error = new ApiError({ code: 'network', status: 0, message: 'The API could not be reached.' });
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause });
  return error;
}

/** Whether a failed request may be repeated: network failures and 5xx, never 4xx nor aborts. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.status >= 500);
}
