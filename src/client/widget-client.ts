import type { FileRef, RegistryRecord, StepValues, WidgetExecution } from '../schema/api-types.js';
import { checkExecution, checkRegistryRecord, MAX_BODY_CHARS } from '../schema/check-execution.js';
import { ApiError, errorFromResponse, isRetryable, networkError, unreadableResponse } from './errors.js';
import { DEFAULT_RETRY_POLICY, NO_RETRY, withRetry, type RetryPolicy } from './retry.js';
import { deadline, PAGE_TIMERS, type Timers } from './timers.js';
import type { UploadOptions, XhrUploadRequest } from './upload.js';

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
  /**
   * Where deadlines, upload stalls and retry delays are armed, for tests that fire them themselves.
   * By default deadlines are the browser's `AbortSignal.timeout` and delays the page's `setTimeout`.
   */
  timers?: Timers;
}

/** A fresh `Idempotency-Key` for one submission (a UUID v4). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** Checks a 2xx body and returns it typed; throws on a body of the wrong shape. */
type Check<T> = (body: unknown) => T;

/** One call of the API: what `#request` sends and how it reads the answer. */
interface ApiRequest<T> {
  method: Method;
  /** From the API base: `/widget/execution`. */
  path: string;
  check: Check<T>;
  /** The caller's: aborting it ends the request (and its retries) without an error of ours. */
  signal?: AbortSignal;
  /** Sent as JSON. */
  body?: object;
  /** A step save's key: every attempt of the same save carries it (`Idempotency-Key`). */
  idempotencyKey?: string;
}

const checkNothing = (): void => undefined;

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
  readonly #timers: Timers | undefined;

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
    this.#timers = options.timers;
  }

  /** A client for the same token with some options changed (another API base, deadline or retry policy). */
  with(changes: Partial<Omit<WidgetClientOptions, 'token'>>): WidgetClient {
    return new WidgetClient({ ...this.#options, ...changes });
  }

  /** `GET /widget/execution`: the whole execution. Retried. */
  getExecution(signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request({ method: 'GET', path: '/widget/execution', check: checkExecution, signal });
  }

  /**
   * `PUT /widget/execution/steps/{stepId}`: saves a step's values and returns the execution.
   * Retried under the SAME `idempotencyKey`, so the server applies it at most once.
   */
  saveStep(stepId: string, values: StepValues, idempotencyKey: string, signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request({ method: 'PUT', path: `/widget/execution/steps/${encodeURIComponent(stepId)}`, check: checkExecution, signal, body: { values }, idempotencyKey });
  }

  /** `POST /widget/execution/back`: one step back, or to the earlier step `stepId`. Not retried. */
  back(stepId?: string, signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request({ method: 'POST', path: '/widget/execution/back', check: checkExecution, signal, body: stepId ? { stepId } : {} });
  }

  /** `POST /widget/execution/cancel`: the user leaves the workflow. Not retried. */
  cancel(signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request({ method: 'POST', path: '/widget/execution/cancel', check: checkExecution, signal, body: {} });
  }

  /** `GET /widget/registry/{number}`: a company from the registry (404 `not-found` when unknown). Retried. */
  lookupRegistry(registryNumber: string, signal?: AbortSignal): Promise<RegistryRecord> {
    return this.#request({ method: 'GET', path: `/widget/registry/${encodeURIComponent(registryNumber)}`, check: checkRegistryRecord, signal });
  }

  /**
   * `POST /widget/execution/steps/{stepId}/files` (multipart `field`, `file`) with progress 0..1,
   * sent by `send` (`xhrUpload`, which ships in the upload part). Not retried (the caller offers
   * "try again"). Failures are `upload-failed` but a refused token.
   */
  upload(stepId: string, field: string, file: File, send: (request: XhrUploadRequest) => Promise<FileRef>, options: UploadOptions = {}): Promise<FileRef> {
    const body = new FormData();
    body.append('field', field);
    body.append('file', file, file.name);
    const url = `${this.apiBase}/widget/execution/steps/${encodeURIComponent(stepId)}/files`;
    return send({ url, token: this.#options.token, body, options, timeoutMs: this.#timeoutMs, timers: this.#timers ?? PAGE_TIMERS });
  }

  /** `DELETE /widget/execution/files/{id}`: removes an uploaded file. Not retried. */
  async deleteFile(id: string, signal?: AbortSignal): Promise<void> {
    await this.#request({ method: 'DELETE', path: `/widget/execution/files/${encodeURIComponent(id)}`, check: checkNothing, signal });
  }

  /**
   * Sends a request, retried when it is a read or a step save (`GET`, `PUT` under its
   * `Idempotency-Key`): the server applies those at most once however often they arrive.
   */
  #request<T>(request: ApiRequest<T>): Promise<T> {
    const retry = request.method === 'GET' || request.method === 'PUT' ? this.#retry : NO_RETRY;
    return withRetry(() => this.#once(request), retry, isRetryable, request.signal, this.#timers);
  }

  /** One attempt under its own deadline: no whole answer by then is a `network` error. */
  async #once<T>({ method, path, check, signal: outer, body, idempotencyKey }: ApiRequest<T>): Promise<T> {
    const timer = deadline(this.#timeoutMs, this.#timers);
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.apiBase + path, {
        method,
        credentials: 'omit',
        cache: 'no-store',
        signal: outer ? AbortSignal.any([outer, timer.signal]) : timer.signal,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${this.#options.token}`,
          ...(body && { 'Content-Type': 'application/json' }),
          ...(idempotencyKey && { 'Idempotency-Key': idempotencyKey }),
        },
        body: body && JSON.stringify(body),
      });
      if (Number(response.headers.get('content-length')) > MAX_BODY_CHARS) {
        await response.body?.cancel().catch(() => undefined);
        throw unreadableResponse(response.status, 'too large.');
      }
      // A connection dropped while the body arrives rejects here: a network failure, not a bad answer.
      text = await response.text();
    } catch (error) {
      if (error instanceof ApiError || outer?.aborted) throw error;
      throw networkError(error, timer.signal.aborted ? 'The API did not answer in time.' : undefined);
    } finally {
      timer.clear();
    }
    let parsed: unknown;
    let readable = text.length <= MAX_BODY_CHARS;
    try {
      parsed = readable && text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      readable = false;
    }
    if (!response.ok) {
      throw errorFromResponse(response.status, parsed, response.headers.get('retry-after'));
    }
    if (!readable) throw unreadableResponse(response.status, 'not JSON.');
    try {
      return check(parsed);
    } catch (error) {
      throw unreadableResponse(response.status, (error as Error).message);
    }
  }
}
