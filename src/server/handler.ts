/**
 * `widgetTokenHandler`: the endpoint the page calls for a widget token (at start, and again on
 * `tl-token-expiring`). A standard `(Request) => Promise<Response>` handler: Hono, Next.js route
 * handlers, Bun, Deno, Cloudflare Workers, and Express through `@hono/node-server`'s `getRequestListener`.
 */
import { NotFoundError, TransactionLinkError } from './errors.js';
import { positive } from './options.js';
import type { TransactionLink } from './client.js';
import type { WidgetTokenRequest } from './types.js';

/**
 * Decides, from the host's own session, which case or record the requesting user may open.
 * Return `null`/`undefined` when the user has none (404); throw or reject when the request is not
 * authenticated (401). A `TypeError`, `ReferenceError` or `RangeError` is a bug in it, not a
 * refusal: 500. `context` is whatever the framework passes after the request (Express via
 * `getRequestListener`: `{ incoming, outgoing }`; Next.js: `{ params }`; Hono: what you pass).
 */
export type WidgetTokenResolver<C> = (request: Request, context: C) => WidgetTokenRequest | null | undefined | Promise<WidgetTokenRequest | null | undefined>;

/** Options of `widgetTokenHandler`. */
export interface WidgetTokenHandlerOptions<C> {
  transactionLink: Pick<TransactionLink, 'issueWidgetToken'>;
  resolve: WidgetTokenResolver<C>;
  /** Told about every failure (resolve rejected, TransactionLink failed), for your own logs. */
  onError?: (error: unknown, request: Request) => void;
  /**
   * Refuse requests a browser marks as sent from another site (403 `cross-site`), before `resolve`
   * runs: `Sec-Fetch-Site` must be `same-origin` (or `none`); without it, `Origin`, when present,
   * must be the request's own origin. Requests without either header (not from a browser) pass.
   * Default true.
   */
  sameOriginOnly?: boolean;
  /** Origins allowed besides the request's own (`https://app.example.com`), e.g. behind a proxy that rewrites `Host`. */
  allowedOrigins?: readonly string[];
  /**
   * Deadline of TransactionLink's whole part of one request (an access token when one is due, then
   * the widget token), ms: past it the handler answers `504` and `onError` hears of a
   * `TransactionLinkError` `timeout`, however slowly each call answers within its own deadline.
   * Default 15000, the client's per-call default (`resolve`, your code, is not counted).
   */
  timeoutMs?: number;
}

/** The handler's deadline passed before TransactionLink's calls were done. */
function deadlinePassed(timeoutMs: number): TransactionLinkError {
  const message = `No widget token within ${timeoutMs} ms.`;
  return new TransactionLinkError({ request: 'widget token', status: 0, code: 'timeout', errors: [{ code: 'timeout', message }] });
}

/** Errors that mean a bug in `resolve`, not a refusal of the user. */
const BUGS = [TypeError, ReferenceError, RangeError];

/** Whether the browser says the request comes from a page of another origin (see `sameOriginOnly`). */
function crossSite(request: Request, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null && allowedOrigins.includes(origin)) return false;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site !== 'same-origin' && site !== 'none';
  return origin !== null && origin !== new URL(request.url).origin;
}

/** JSON answer that no cache keeps. */
function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

function failure(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return answer(status, { errors: [{ code, message }] }, headers);
}

/**
 * A handler answering `POST` with `200 {token, expiresAt}` (a fresh widget token for the case
 * `resolve` returns), `401 unauthorized` when `resolve` rejects, `404 not-found` when it returns
 * nothing or TransactionLink does not know the case, `502 upstream` when TransactionLink fails
 * (or answers without a token), `504 upstream-timeout` when it does not answer in time (a call's
 * own deadline, or `timeoutMs` for them all), `500 internal` when `resolve` has a bug,
 * `403 cross-site` for a request from another site (see `sameOriginOnly`), `405` for other
 * methods. Every answer is JSON with `Cache-Control: no-store`.
 */
export function widgetTokenHandler<C = unknown>({
  transactionLink,
  resolve,
  onError,
  sameOriginOnly = true,
  allowedOrigins = [],
  timeoutMs: timeoutOption,
}: WidgetTokenHandlerOptions<C>) {
  const timeoutMs = positive(timeoutOption, 'timeoutMs', 15_000, 'widgetTokenHandler');
  return async (request: Request, context?: C): Promise<Response> => {
    if (request.method !== 'POST') return failure(405, 'method-not-allowed', 'Use POST.', { allow: 'POST' });
    if (sameOriginOnly && crossSite(request, allowedOrigins)) return failure(403, 'cross-site', 'Requests from other sites are refused.');
    let target: WidgetTokenRequest | null | undefined;
    try {
      target = await resolve(request, context as C);
    } catch (error) {
      onError?.(error, request);
      if (BUGS.some((type) => error instanceof type)) return failure(500, 'internal', 'The token endpoint failed; try again later.');
      return failure(401, 'unauthorized', 'Sign in to continue.');
    }
    if (!target) return failure(404, 'not-found', 'There is no workflow for you to continue.');
    const issued = transactionLink.issueWidgetToken(target);
    // Past the deadline, what the calls still bring is nobody's (each call ends at its own deadline).
    issued.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(deadlinePassed(timeoutMs)), timeoutMs)));
    try {
      const { token, expiresAt } = await Promise.race([issued, deadline]);
      return answer(200, { token, expiresAt: expiresAt.toISOString() });
    } catch (error) {
      onError?.(error, request);
      if (error instanceof NotFoundError) return failure(404, 'not-found', 'There is no workflow for you to continue.');
      if (error instanceof TransactionLinkError && error.code === 'timeout') return failure(504, 'upstream-timeout', 'No token could be issued in time; try again.');
      return failure(502, 'upstream', 'No token could be issued right now; try again.');
    } finally {
      clearTimeout(timer);
    }
  };
}
