/**
 * Typed errors of `tl-workflow/server`. Messages never contain the secret or a token: every string
 * that comes from the network passes through the client's redaction (secrets.ts) first.
 */
import type { ApiErrorEntry } from './types.js';

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

/** A JSON value as text: strings, numbers and booleans as they are; anything else is `fallback`. */
function textOf(value: unknown, fallback: string): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}

/**
 * Builds the typed error for a non-2xx answer from its parsed body; every string taken from the
 * body (codes, messages, fields, fingerprint) goes through `redact` once it is a string.
 */
export function errorForStatus(request: string, status: number, body: unknown, redact: (text: string) => string): TransactionLinkError {
  const parsed = (body ?? {}) as { fingerprint?: unknown; errors?: unknown };
  const errors = Array.isArray(parsed.errors)
    ? parsed.errors
        .slice(0, 100)
        .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
        .map((e) => ({
          code: redact(textOf(e.code, 'unknown')),
          message: redact(textOf(e.message, '')),
          ...(typeof e.field === 'string' ? { field: redact(e.field) } : {}),
        }))
    : [];
  const details: ErrorDetails = {
    request,
    status,
    code: errors[0]?.code ?? `http-${status}`,
    fingerprint: typeof parsed.fingerprint === 'string' ? redact(parsed.fingerprint) : undefined,
    errors,
  };
  if (status === 400) return new BadRequestError(details);
  if (status === 401) return new UnauthorizedError(details);
  if (status === 404) return new NotFoundError(details);
  return new TransactionLinkError(details);
}

/**
 * Why a webhook was not accepted: no signature, one not shaped like a detached JWS or naming no
 * `kid` of the accepted shape, another algorithm, a body over `maxBodyBytes`, a key TransactionLink
 * has none for, a signature that does not match, a body that is not JSON, or an event accepted before.
 */
export type WebhookProblem =
  | 'missing-signature'
  | 'malformed-signature'
  | 'unsupported-algorithm'
  | 'too-large'
  | 'unknown-key'
  | 'bad-signature'
  | 'invalid-payload'
  | 'replayed';

/** A webhook whose signature does not verify: answer it with 400 and do not act on it. */
export class WebhookVerificationError extends Error {
  readonly problem: WebhookProblem;

  constructor(problem: WebhookProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookVerificationError';
    this.problem = problem;
  }
}

/**
 * `waitForCompletion` gave up: `failures` polls in a row failed (unreachable, no answer in time,
 * 429, 5xx, an answer that is not JSON) or read a status this client does not know. `cause` is the
 * last failure; `lastStatus` the last status read, if any.
 */
export class WaitForCompletionError extends Error {
  readonly workflowId: string;
  readonly failures: number;
  readonly lastStatus: unknown;

  constructor(workflowId: string, failures: number, lastStatus: unknown, cause: unknown) {
    const why = cause === undefined ? 'read a status this client does not know' : 'failed';
    super(`waitForCompletion: ${failures} polls of workflow ${workflowId} in a row ${why}; gave up.`, cause === undefined ? undefined : { cause });
    this.name = 'WaitForCompletionError';
    this.workflowId = workflowId;
    this.failures = failures;
    this.lastStatus = lastStatus;
  }
}
