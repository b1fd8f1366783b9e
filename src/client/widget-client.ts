import type { FileRef, RegistryRecord, StepValues, WidgetExecution } from './api-types.js';
import { ApiError, errorFromResponse, isRetryable, networkError } from './errors.js';
import { DEFAULT_RETRY_POLICY, NO_RETRY, isAbortError, withRetry, type RetryPolicy } from './retry.js';
import { xhrUpload, type UploadOptions } from './upload.js';

/** Options of `new WidgetClient(...)`. */
export interface WidgetClientOptions {
  /** Base URL of the widget API, e.g. `https://api.transactionlink.io` or `/tl-api`. No trailing slash needed. */
  apiBase: string;
  /** The widget token (JWT). Sent only in the `Authorization` header. */
  token: string;
  /** Retry policy of reads and step saves; `DEFAULT_RETRY_POLICY` when omitted. */
  retry?: RetryPolicy;
}

/** A fresh `Idempotency-Key` for one submission (a UUID v4). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

interface RequestOptions {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  retry: RetryPolicy;
}

/**
 * The widget-facing TransactionLink API over HTTP. Every request carries
 * `Authorization: Bearer <token>`, `credentials: 'omit'` and the caller's `AbortSignal`; the token
 * never goes into a URL. Failures reject with `ApiError`; aborts with the signal's `AbortError`.
 * Reads and step saves (under one `Idempotency-Key`) retry on network errors and 5xx, never on 4xx.
 */
export class WidgetClient {
  readonly apiBase: string;
  readonly #token: string;
  readonly #retry: RetryPolicy;

  constructor(options: WidgetClientOptions) {
    this.apiBase = options.apiBase.replace(/\/+$/, '');
    this.#token = options.token;
    this.#retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  /** `GET /widget/execution`: the whole execution. Retried. */
  getExecution(signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request<WidgetExecution>('/widget/execution', { method: 'GET', signal, retry: this.#retry });
  }

  /**
   * `PUT /widget/execution/steps/{stepId}`: saves a step's values and returns the execution.
   * Retried under the SAME `idempotencyKey`, so the server applies it at most once.
   */
  saveStep(stepId: string, values: StepValues, idempotencyKey: string, signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request<WidgetExecution>(`/widget/execution/steps/${encodeURIComponent(stepId)}`, {
      method: 'PUT',
      body: { values },
      headers: { 'Idempotency-Key': idempotencyKey },
      signal,
      retry: this.#retry,
    });
  }

  /** `POST /widget/execution/back`: one step back, or to the earlier step `stepId`. Not retried. */
  back(stepId?: string, signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request<WidgetExecution>('/widget/execution/back', {
      method: 'POST',
      body: stepId ? { stepId } : {},
      signal,
      retry: NO_RETRY,
    });
  }

  /** `POST /widget/execution/cancel`: the user leaves the workflow. Not retried. */
  cancel(signal?: AbortSignal): Promise<WidgetExecution> {
    return this.#request<WidgetExecution>('/widget/execution/cancel', { method: 'POST', body: {}, signal, retry: NO_RETRY });
  }

  /** `GET /widget/registry/{number}`: a company from the registry (404 `not-found` when unknown). Retried. */
  lookupRegistry(registryNumber: string, signal?: AbortSignal): Promise<RegistryRecord> {
    return this.#request<RegistryRecord>(`/widget/registry/${encodeURIComponent(registryNumber)}`, {
      method: 'GET',
      signal,
      retry: this.#retry,
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
    return xhrUpload({ url, token: this.#token, body, options });
  }

  /** `DELETE /widget/execution/files/{id}`: removes an uploaded file. Not retried. */
  async deleteFile(id: string, signal?: AbortSignal): Promise<void> {
    await this.#request<unknown>(`/widget/execution/files/${encodeURIComponent(id)}`, { method: 'DELETE', signal, retry: NO_RETRY });
  }

  async #request<T>(path: string, options: RequestOptions): Promise<T> {
    return withRetry(() => this.#once<T>(path, options), options.retry, isRetryable, options.signal);
  }

  async #once<T>(path: string, { method, body, headers, signal }: RequestOptions): Promise<T> {
    const init: RequestInit = {
      method,
      credentials: 'omit',
      cache: 'no-store',
      signal,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${this.#token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}${path}`, init);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw networkError(error);
    }
    let parsed: unknown;
    let readable = true;
    try {
      const text = await response.text();
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch (error) {
      if (isAbortError(error)) throw error;
      readable = false;
    }
    if (!response.ok) throw errorFromResponse(response.status, parsed, this.#token);
    if (!readable) throw new ApiError({ code: 'unexpected', status: response.status, message: 'Unreadable response.' });
    return parsed as T;
  }
}
