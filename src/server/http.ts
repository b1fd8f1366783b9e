/**
 * One HTTP call to TransactionLink: JSON in, typed error out. Log lines carry the method, the path,
 * the status and the time taken: never a header, a body, the secret or a token.
 */
import { errorForStatus, redact, TransactionLinkError } from './errors.js';

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

/** Sends calls to one TransactionLink base URL. */
export class Http {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: FetchLike,
    private readonly log: (line: string) => void,
    /** Strings that must never appear in an error message (the secret, the refresh token). */
    private readonly secrets: () => ReadonlyArray<string | undefined>,
  ) {}

  /** Sends the call; resolves with the 2xx response, rejects with a `TransactionLinkError` otherwise. */
  async send({ method, path, body, headers = {}, accessToken, signal }: CallOptions): Promise<Response> {
    const request = `${method} ${path.replace(/\?.*$/, '')}`;
    const all: Record<string, string> = { accept: 'application/json', ...headers };
    if (body !== undefined) all['content-type'] = 'application/json';
    if (accessToken) all.authorization = `Bearer ${accessToken}`;
    const started = Date.now();
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: all,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      this.log(`tl-workflow/server: ${request} failed (network)`);
      const message = redact(error instanceof Error ? error.message : String(error), this.secrets());
      throw new TransactionLinkError({ request, status: 0, code: 'network', errors: [{ code: 'network', message }] });
    }
    this.log(`tl-workflow/server: ${request} ${response.status} (${Date.now() - started} ms)`);
    if (response.ok) return response;
    const text = redact(await response.text().catch(() => ''), this.secrets());
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    throw errorForStatus(request, response.status, parsed);
  }

  /** Sends the call and parses its JSON answer. */
  async json<T>(options: CallOptions): Promise<T> {
    const response = await this.send(options);
    return (await response.json()) as T;
  }
}
