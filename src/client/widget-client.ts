import type { FileRef, RegistryRecord, StepValues, WidgetExecution } from '../schema/api-types.js';
import { checkExecution, checkRegistryRecord, MAX_BODY_CHARS } from '../schema/check-execution.js';
import { ApiError, errorFromResponse, isRetryable, networkError, parseRetryAfter, unreadableResponse } from './errors.js';
import { DEFAULT_RETRY_POLICY, NO_RETRY, isAbortError, withRetry, type RetryPolicy } from './retry.js';
import { xhrUpload, type UploadOptions } from './upload.js';

/** The default deadline of one request attempt, in ms (an upload: of a stall without progress). */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Options of `new WidgetClient(...)`. */
export interface WidgetClientOptions {
  /** Base URL of the widget API, e.g. `https://api.transactionlink.io` or `/tl-api`. No trailing slash needed. */
  apiBase: string;
  /** The widget token (JWT). Sent only in the `Authorization` header. */
  token: string;
  /** Retry policy of reads and step saves; `DEFAULT_RETRY_POLICY` when omitted. */
  retry?: RetryPolicy;
  /**
   * Deadline of one attempt of a request, in ms (`DEFAULT_TIMEOUT_MS` when omitted): an attempt
   * with no whole answer by then fails as a `network` error (and is retried like one). For uploads,
   * the longest time without progress.
   */
  timeoutMs?: number;
}

/** A fresh `Idempotency-Key` for one submission (a UUID v4). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

interface RequestOptions<T> {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  retry: RetryPolicy;
  /** Checks a 2xx body and returns it typed; throws on a body of the wrong shape. */
  check: (body: unknown) => T;
}

const checkNothing = (): void => undefined;

/**
 * A signal that aborts with `outer`, or after `ms` (then `timedOut()` is true). Call `done()` after
 * use. The deadline is `AbortSignal.timeout` (the browser's own timer, which pauses with the page).
 */
function deadline(outer: AbortSignal | undefined, ms: number) {
  const controller = new AbortController();
  const timeout = AbortSignal.timeout(ms);
  let timedOut = false;
  const onAbort = (): void => controller.abort(outer?.reason);
  const onTimeout = (): void => {
    timedOut = true;
    controller.abort(timeout.reason);
  };
  outer?.addEventListener('abort', onAbort, { once: true });
  timeout.addEventListener('abort', onTimeout, { once: true });
  if (outer?.aborted) onAbort();
  return {
    signal: controller.signal,
    timedOut: () => timedOut && !outer?.aborted,
    done: () => {
      timeout.removeEventListener('abort', onTimeout);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * The widget-facing TransactionLink API over HTTP. Every request carries
 * `Authorization: Bearer <token>`, `credentials: 'omit'` and the caller's `AbortSignal`; the token
 * never goes into a URL. Failures reject with `ApiError`; aborts with the signal's `AbortError`.
 * Reads and step saves (under one `Idempotency-Key`) retry on network errors, 429 and 5xx, never on other 4xx.
 */
export class WidgetClient {
  readonly apiBase: string;
  /** As given (the token is held here, and only here). */
  readonly #options: WidgetClientOptions;
  readonly #retry: RetryPolicy;
  readonly #timeoutMs: number;

  /** An API base as the client uses it (without trailing slashes). */
  static normalizeBase(apiBase: string): string {
    return apiBase.replace(/\/+$/, '');
  }

  constructor(options: WidgetClientOptions) {
    this.#options = options;
    this.apiBase = WidgetClient.normalizeBase(options.apiBase);
    this.#retry = options.retry ?? DEFAULT_RETRY_POLICY;
    const timeout = options.timeoutMs;
    this.#timeoutMs = typeof timeout === 'number' && timeout > 0 && Number.isFinite(timeout) ? timeout : DEFAULT_TIMEOUT_MS;
  }

  /** A client for the same token with some options changed (another API base, deadline or retry policy). */
  with(changes: Partial<Omit<WidgetClientOptions, 'token'>>): WidgetClient {
    return new WidgetClient({ ...this.#options, ...changes });
  }

  /** `GET /widget/execution`: the whole execution. Retried. */
  getExecution(signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request('/widget/execution', { method: 'GET', signal, retry: this.#retry, check: checkExecution });
  }

  /**
   * `PUT /widget/execution/steps/{stepId}`: saves a step's values and returns the execution.
   * Retried under the SAME `idempotencyKey`, so the server applies it at most once.
   */
  saveStep(stepId: string, values: StepValues, idempotencyKey: string, signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request(`/widget/execution/steps/${encodeURIComponent(stepId)}`, {
      method: 'PUT',
      body: { values },
      headers: { 'Idempotency-Key': idempotencyKey },
      signal,
      retry: this.#retry,
      check: checkExecution,
    });
  }

  /** `POST /widget/execution/back`: one step back, or to the earlier step `stepId`. Not retried. */
  back(stepId?: string, signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request('/widget/execution/back', {
      method: 'POST',
      body: stepId ? { stepId } : {},
      signal,
      retry: NO_RETRY,
      check: checkExecution,
    });
  }

  /** `POST /widget/execution/cancel`: the user leaves the workflow. Not retried. */
  cancel(signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request('/widget/execution/cancel', { method: 'POST', body: {}, signal, retry: NO_RETRY, check: checkExecution });
  }

  /** `GET /widget/registry/{number}`: a company from the registry (404 `not-found` when unknown). Retried. */
  lookupRegistry(registryNumber: string, signal?: AbortSignal): Promise<RegistryRecord> {
    return this.#request(`/widget/registry/${encodeURIComponent(registryNumber)}`, {
      method: 'GET',
      signal,
      retry: this.#retry,
      check: checkRegistryRecord,
    });
  }

  /**
   * `POST /widget/execution/steps/{stepId}/files` (multipart `field`, `file`) with progress 0..1.
   * Not retried (the caller offers "try again"). Failures are `upload-failed` but a refused token.
   */
  upload(stepId: string, field: string, file: File, options: UploadOptions = {}): Promise<FileRef> {
    const body = new FormData();
    body.append('field', field);
    body.append('file', file, file.name);
    const url = `${this.apiBase}/widget/execution/steps/${encodeURIComponent(stepId)}/files`;
    return xhrUpload({ url, token: this.#options.token, body, options, timeoutMs: this.#timeoutMs });
  }

  /** `DELETE /widget/execution/files/{id}`: removes an uploaded file. Not retried. */
  async deleteFile(id: string, signal?: AbortSignal): Promise<void> {
    await this.#request(`/widget/execution/files/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      signal,
      retry: NO_RETRY,
      check: checkNothing,
    });
  }

  async #request<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return withRetry(() => this.#once(path, options), options.retry, isRetryable, options.signal);
  }

  /** One attempt under its own deadline. */
  async #once<T>(path: string, options: RequestOptions<T>): Promise<T> {
    const limit = deadline(options.signal, this.#timeoutMs);
    try {
      return await this.#send(path, options, limit.signal);
    } catch (error) {
      if (limit.timedOut()) throw networkError(error, 'The API did not answer in time.');
      throw error;
    } finally {
      limit.done();
    }
  }

  async #send<T>(path: string, { method, body, headers, check }: RequestOptions<T>, signal: AbortSignal): Promise<T> {
    const init: RequestInit = {
      method,
      credentials: 'omit',
      cache: 'no-store',
      signal,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${this.#options.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.apiBase}${path}`, init);
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > MAX_BODY_CHARS) {
        await response.body?.cancel().catch(() => undefined);
        throw unreadableResponse(response.status, 'too large.');
      }
      // A connection dropped while the body arrives rejects here: a network failure, not a bad answer.
      text = await response.text();
    } catch (error) {
      if (isAbortError(error) || error instanceof ApiError) throw error;
      throw networkError(error);
    }
    let parsed: unknown;
    let readable = text.length <= MAX_BODY_CHARS;
    try {
      parsed = readable && text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      readable = false;
    }
    if (!response.ok) {
      throw errorFromResponse(response.status, parsed, parseRetryAfter(response.headers.get('retry-after')));
    }
    if (!readable) throw unreadableResponse(response.status, 'not JSON.');
    try {
      return check(parsed);
    } catch (error) {
      throw unreadableResponse(response.status, error instanceof Error ? error.message : 'wrong shape.');
    }
  }
}
