import { DEFAULT_RETRY_POLICY, isAbortError, withRetry, type RetryPolicy } from '../client/retry.js';

/**
 * Where the element gets its tokens from by itself: a `token-endpoint` URL (a `widgetTokenHandler`
 * of `tl-workflow/server`), or the host's own `fetchToken` function. The element asks for its first
 * token, for a fresh one when `tl-token-expiring` fires, and for one at expiry when the renewal
 * did not arrive in time.
 */

/** Why a token is asked for: the element has none yet, the current one is about to expire, or it has. */
export type TokenRequestReason = 'initial' | 'expiring' | 'expired';

/**
 * The host's own way to get a token (`el.fetchToken`): resolves with a widget token (whitespace,
 * quotes and a `Bearer ` prefix are trimmed), rejects when it has none. `signal` aborts when the
 * element no longer needs the answer (removed, or the page set `token` itself).
 */
export type FetchToken = (reason: TokenRequestReason, options: { signal: AbortSignal }) => Promise<string>;

/** What `widgetTokenHandler` answers with `200`. */
interface TokenAnswer {
  token: string;
  expiresAt: string;
}

/**
 * Getting a token failed. `final` when asking again cannot help (the endpoint answered 401, 403,
 * 404 or another 4xx but 408 and 429): the user is not signed in, or has nothing to open.
 */
export class TokenSourceError extends Error {
  override readonly name = 'TokenSourceError';

  constructor(
    message: string,
    readonly final: boolean,
  ) {
    super(message);
  }
}

/** 4xx answers worth asking again: a timeout and too many requests. Every other 4xx is final. */
const TRANSIENT_4XX = [408, 429];

/**
 * One `POST` to a token endpoint as `widgetTokenHandler` expects it: same-origin credentials (the
 * host's session cookie), `Accept: application/json`, no body. Resolves with the answer's `token`.
 * Each attempt has a deadline of `timeoutMs`.
 */
export function endpointFetcher(url: string, timeoutMs: () => number): FetchToken {
  return async (_reason, { signal }) => {
    let response: Response;
    const deadline = AbortSignal.timeout(timeoutMs());
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        cache: 'no-store',
        signal: AbortSignal.any([signal, deadline]),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new TokenSourceError(deadline.aborted ? 'The token endpoint did not answer in time.' : 'The token endpoint could not be reached.', false);
    }
    if (!response.ok) {
      const final = response.status < 500 && !TRANSIENT_4XX.includes(response.status);
      throw new TokenSourceError(`The token endpoint answered HTTP ${response.status}.`, final);
    }
    const answer = (await response.json().catch(() => null)) as Partial<TokenAnswer> | null;
    if (typeof answer?.token !== 'string' || !answer.token) {
      throw new TokenSourceError('The token endpoint answered without a "token" string (expected { token, expiresAt }).', false);
    }
    return answer.token;
  };
}

/** What the element hands its token source. */
export interface TokenSourceHost {
  /** The function that gets a token now (`fetchToken`, else the endpoint's), or none. */
  fetcher(): FetchToken | undefined;
  /** A token arrived. */
  deliver(token: string): void;
  /** No token could be had, after the retries a transient failure deserves. */
  failed(error: TokenSourceError): void;
}

/**
 * Asks for tokens, one request at a time, retrying transient failures with backoff and jitter
 * (`withRetry`, 4 attempts). `abort()` drops a request in flight and its retries (nothing is
 * delivered or reported afterwards).
 *
 * Renewal is not hurried: a token from this source is renewed no sooner than half-way through what
 * it had left when it arrived (for one with less than twice the warning lead left, that is later than
 * `tl-token-expiring`), so an endpoint whose tokens live shorter than `expiry-warning` is never asked
 * in a loop.
 */
export class TokenSource {
  #controller?: AbortController;
  #renewTimer?: ReturnType<typeof setTimeout>;
  /** The earliest moment (ms) to renew the token this source delivered last; 0 for a page's token. */
  #renewNotBefore = 0;
  /** The token in use came from this source already expired: asking again would bring another, in a loop. */
  #deliveredExpired = false;

  readonly #host: TokenSourceHost;
  readonly #policy: RetryPolicy;

  constructor(host: TokenSourceHost, policy: RetryPolicy = DEFAULT_RETRY_POLICY) {
    this.#host = host;
    this.#policy = policy;
  }

  /** Whether a request (or its retries) is in flight. */
  get pending(): boolean {
    return !!this.#controller;
  }

  /** Whether the element has somewhere to get a token from. */
  get available(): boolean {
    return !!this.#host.fetcher();
  }

  /**
   * Asks for a token, unless a request is already in flight or there is nowhere to ask. An
   * `expiring` renewal of a token this source delivered waits until half of its life has passed.
   */
  request(reason: TokenRequestReason): void {
    const fetcher = this.#host.fetcher();
    if (!fetcher || this.#controller || (reason === 'expired' && this.#deliveredExpired)) return;
    clearTimeout(this.#renewTimer);
    const wait = this.#renewNotBefore - Date.now();
    if (reason === 'expiring' && wait > 0) {
      this.#renewTimer = setTimeout(() => this.request(reason), wait);
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;
    const attempt = () => fetcher(reason, { signal });
    const transient = (error: unknown) => !(error instanceof TokenSourceError && error.final);
    withRetry(attempt, this.#policy, transient, signal).then(
      (token) => {
        if (signal.aborted) return;
        this.#controller = undefined;
        this.#host.deliver(token);
      },
      (error: unknown) => {
        if (signal.aborted || isAbortError(error)) return;
        this.#controller = undefined;
        this.#host.failed(error instanceof TokenSourceError ? error : new TokenSourceError(`fetchToken failed: ${String(error)}`, false));
      },
    );
  }

  /**
   * The token now in use expires at `expiresAt`: from this source (`own`), or set by the page. A
   * token of its own is renewed no sooner than half-way through what it had left; one
   * that arrived already expired is not renewed at all (the host's server must be fixed). Returns
   * `false` for such a token.
   */
  tokenInUse(expiresAt: Date, own: boolean): boolean {
    const now = Date.now();
    this.#renewNotBefore = own ? now + (expiresAt.getTime() - now) / 2 : 0;
    this.#deliveredExpired = own && expiresAt.getTime() <= now;
    return !this.#deliveredExpired;
  }

  /** Drops the request in flight (and its retries) and a renewal waiting for its moment. */
  abort(): void {
    clearTimeout(this.#renewTimer);
    this.#controller?.abort();
    this.#controller = undefined;
  }
}
