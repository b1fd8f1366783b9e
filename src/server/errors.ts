/**
 * Typed errors of `tl-workflow/server`. Messages never contain the secret or a token: everything
 * that comes from the network passes through `redact()` first.
 */
import type { ApiErrorEntry } from './types.js';

/** Anything shaped like a JWT (three base64url parts). */
const JWT_LIKE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

/** Returns `text` with every JWT-like string and every given secret replaced by `[redacted]`. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text.replace(JWT_LIKE, '[redacted]');
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** What the client knows about a failed call. */
export interface ErrorDetails {
  /** `POST /token`, `GET /workflows/{id}`, ... */
  request: string;
  /** HTTP status; `0` when TransactionLink could not be reached. */
  status: number;
  /** The first error code of the body (`not-found`, `invalid-request`, ...), or `network`, or `http-<status>`. */
  code: string;
  fingerprint?: string;
  errors: ApiErrorEntry[];
  cause?: unknown;
}

/** A call to TransactionLink failed. `status`, `code`, `fingerprint` and `errors` come from its error body. */
export class TransactionLinkError extends Error {
  readonly request: string;
  readonly status: number;
  readonly code: string;
  /** The id to quote to TransactionLink's support. */
  readonly fingerprint: string | undefined;
  readonly errors: ApiErrorEntry[];

  constructor(details: ErrorDetails) {
    const first = details.errors[0];
    const what = details.status === 0 ? 'could not be reached' : `answered ${details.status} ${details.code}`;
    const reason = first?.message ? `: ${first.message}` : '';
    const fingerprint = details.fingerprint ? ` (fingerprint ${details.fingerprint})` : '';
    super(`TransactionLink ${details.request} ${what}${reason}${fingerprint}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.request = details.request;
    this.status = details.status;
    this.code = details.code;
    this.fingerprint = details.fingerprint;
    this.errors = details.errors;
  }

  /** True for failures worth retrying later: unreachable, rate limited, or a server error. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** `400`: the request was invalid (`errors[].field` names the culprit). */
export class BadRequestError extends TransactionLinkError {}
/** `401`: wrong key or secret, or a refused access token. */
export class UnauthorizedError extends TransactionLinkError {}
/** `404`: no such case, record, workflow definition or workflow. */
export class NotFoundError extends TransactionLinkError {}

/** Builds the typed error for a non-2xx answer from its (already redacted) body. */
export function errorForStatus(request: string, status: number, body: unknown): TransactionLinkError {
  const parsed = (body ?? {}) as { fingerprint?: unknown; errors?: unknown };
  const errors = Array.isArray(parsed.errors)
    ? parsed.errors
        .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
        .map((e) => ({
          code: String(e.code ?? 'unknown'),
          message: String(e.message ?? ''),
          ...(typeof e.field === 'string' ? { field: e.field } : {}),
        }))
    : [];
  const details: ErrorDetails = {
    request,
    status,
    code: errors[0]?.code ?? `http-${status}`,
    fingerprint: typeof parsed.fingerprint === 'string' ? parsed.fingerprint : undefined,
    errors,
  };
  if (status === 400) return new BadRequestError(details);
  if (status === 401) return new UnauthorizedError(details);
  if (status === 404) return new NotFoundError(details);
  return new TransactionLinkError(details);
}

/** Why a webhook was not accepted. */
export type WebhookProblem = 'missing-signature' | 'malformed-signature' | 'unsupported-algorithm' | 'unknown-key' | 'bad-signature' | 'invalid-payload';

/** A webhook whose signature does not verify: answer it with 400 and do not act on it. */
export class WebhookVerificationError extends Error {
  readonly problem: WebhookProblem;

  constructor(problem: WebhookProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookVerificationError';
    this.problem = problem;
  }
}
