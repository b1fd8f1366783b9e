import type { FileRef } from '../schema/api-types.js';
import { checkFileRef } from '../schema/check-execution.js';
import { ApiError, errorFromResponse } from './errors.js';
import { abortReason } from './retry.js';
import type { Timers } from './timers.js';

/** Options of `WidgetClient.upload`. */
export interface UploadOptions {
  /** Called with the fraction of bytes sent, 0..1 (0 at the start, 1 once the server answered). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** What `xhrUpload` sends. */
export interface XhrUploadRequest {
  url: string;
  token: string;
  body: FormData;
  options: UploadOptions;
  /** The longest time without progress (bytes sent, or the answer arriving), in ms. */
  timeoutMs: number;
  /** Where the stall timer is armed. */
  timers: Timers;
}

const transportError = (message: string): ApiError => new ApiError('upload-failed', 0, message);

/**
 * POSTs a multipart body with `XMLHttpRequest` (fetch cannot report upload progress), with the
 * bearer token in the `Authorization` header and `withCredentials = false`. Resolves with the
 * stored `FileRef`; rejects with an `ApiError` or, when `signal` aborts, its `AbortError`.
 */
export function xhrUpload({ url, token, body, options, timeoutMs, timers }: XhrUploadRequest): Promise<FileRef> {
  const { onProgress, signal } = options;
  return new Promise<FileRef>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const xhr = new XMLHttpRequest();
    let stalled = false;
    let stallTimer: unknown;
    // No progress for `timeoutMs`: the upload is given up (a network failure the user can retry).
    const watch = (): void => {
      timers.clearTimeout(stallTimer);
      stallTimer = timers.setTimeout(() => {
        stalled = true;
        xhr.abort();
      }, timeoutMs);
    };
    const onAbort = (): void => xhr.abort();
    const settle = (): void => {
      timers.clearTimeout(stallTimer);
      signal?.removeEventListener('abort', onAbort);
    };

    xhr.open('POST', url);
    xhr.withCredentials = false;
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onprogress = watch;
    xhr.upload.onprogress = (event) => {
      watch();
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      settle();
      const { status } = xhr;
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (or empty): an unreadable answer.
      }
      if (status < 200 || status >= 300) {
        reject(errorFromResponse(status, body, xhr.getResponseHeader('retry-after'), true));
        return;
      }
      let ref: FileRef;
      try {
        ref = checkFileRef(body);
      } catch {
        reject(new ApiError('unexpected', status, 'Unreadable upload response.'));
        return;
      }
      onProgress?.(1);
      resolve(ref);
    };
    xhr.onerror = () => {
      settle();
      reject(transportError('The file could not be sent.'));
    };
    xhr.onabort = () => {
      settle();
      reject(stalled ? transportError('The upload made no progress in time.') : abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    onProgress?.(0);
    watch();
    xhr.send(body);
  });
}
