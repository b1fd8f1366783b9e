/**
 * One HTTP call to TransactionLink: JSON in, typed error out, within a deadline. Log lines carry
 * the method, the path, the status and the time taken: never a header, a body, the secret or a token.
 */
import { errorForStatus, TransactionLinkError } from './errors.js';
import type { Secrets } from './secrets.js';

/** A `fetch`-compatible function (the global one by default). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What one call needs. */
export interface CallOptions {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The access token, sent as `Authorization: Bearer`. */
  accessToken?: string;
  signal?: AbortSignal;
}

/** A 2xx answer, its body read whole. */
export interface Answer {
  status: number;
  text: string;
}

/** How `Http` reaches TransactionLink. */
export interface HttpOptions {
  baseUrl: string;
  fetch: FetchLike;
  log: (line: string) => void;
  /** What never reaches an error message. */
  secrets: Secrets;
  /** Deadline of one call (answer and body), ms. */
  timeoutMs: number;
}

/** `POST /token`, `GET /workflows/{id}`: how errors name a call (the query left out). */
export function requestName(method: string, path: string): string {
  return `${method} ${path.replace(/\?.*$/, '')}`;
}

/** A failure without an HTTP answer (`status` 0): unreachable, or no whole answer before the deadline. */
function unanswered(request: string, code: 'network' | 'timeout', message: string): TransactionLinkError {
  return new TransactionLinkError({ request, status: 0, code, errors: [{ code, message }] });
}

/** Sends calls to one TransactionLink base URL. */
export class Http {
  readonly #options: HttpOptions;

  constructor(options: HttpOptions) {
    this.#options = options;
  }

  /**
   * Sends the call and reads its answer, all within `timeoutMs`; resolves with a 2xx answer and
   * rejects with a `TransactionLinkError` otherwise (`code` `timeout` past the deadline). When the
   * caller's `signal` aborts, rejects with its reason.
   */
  async send({ method, path, body, headers = {}, accessToken, signal }: CallOptions): Promise<Answer> {
    const { baseUrl, fetch, log, secrets, timeoutMs } = this.#options;
    const request = requestName(method, path);
    const all: Record<string, string> = { accept: 'application/json', ...headers };
    if (body !== undefined) all['content-type'] = 'application/json';
    if (accessToken) all.authorization = `Bearer ${accessToken}`;
    const started = Date.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    // The deadline holds even for a `fetch` that ignores its signal.
    const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
    stopped.catch(() => undefined);
    const failed = (error: unknown): TransactionLinkError => {
      if (signal?.aborted) throw signal.reason;
      if (controller.signal.aborted) {
        log(`tl-workflow/server: ${request} failed (no answer within ${timeoutMs} ms)`);
        return unanswered(request, 'timeout', `No answer within ${timeoutMs} ms.`);
      }
      log(`tl-workflow/server: ${request} failed (network)`);
      return unanswered(request, 'network', secrets.redact(error instanceof Error ? error.message : String(error)));
    };
    try {
      if (signal?.aborted) throw signal.reason;
      let response: Response;
      try {
        const sent = fetch(`${baseUrl}${path}`, {
          method,
          headers: all,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        });
        response = await Promise.race([sent, stopped]);
      } catch (error) {
        throw failed(error);
      }
      log(`tl-workflow/server: ${request} ${response.status} (${Date.now() - started} ms)`);
      let text: string;
      try {
        text = await Promise.race([response.text(), stopped]);
      } catch (error) {
        if (response.ok || signal?.aborted || controller.signal.aborted) throw failed(error);
        text = '';
      }
      if (response.ok) return { status: response.status, text };
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON: a typed error without details */
      }
      throw errorForStatus(request, response.status, parsed, (value) => secrets.redact(value));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

}

/** A 2xx answer that cannot be used (not JSON, a field missing or of the wrong type). */
export function invalidResponse(request: string, status: number, message: string): TransactionLinkError {
  return new TransactionLinkError({ request, status, code: 'invalid-response', errors: [{ code: 'invalid-response', message }] });
}
