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

/** The stall timer of one upload: `restart()` on each sign of progress, `stop()` once it settles. */
interface StallTimer {
  restart(): void;
  stop(): void;
  /** True once the timer ran out and aborted the request. */
  readonly stalled: boolean;
}

/** No progress on `xhr` for `timeoutMs`: the upload is given up (a network failure the user can retry). */
function stallTimer(xhr: XMLHttpRequest, timers: Timers, timeoutMs: number): StallTimer {
  let stalled = false;
  let handle: unknown;
  return {
    restart() {
      timers.clearTimeout(handle);
      handle = timers.setTimeout(() => {
        stalled = true;
        xhr.abort();
      }, timeoutMs);
    },
    stop: () => timers.clearTimeout(handle),
    get stalled() {
      return stalled;
    },
  };
}

/** Opens the POST: the bearer token in `Authorization`, JSON asked for, no cookies. */
function openRequest(xhr: XMLHttpRequest, url: string, token: string): void {
  xhr.open('POST', url);
  xhr.withCredentials = false;
  xhr.setRequestHeader('Authorization', `Bearer ${token}`);
  xhr.setRequestHeader('Accept', 'application/json');
}

/** Bytes sent and the answer arriving restart the stall timer; bytes sent are reported as a fraction. */
function watchProgress(xhr: XMLHttpRequest, stall: StallTimer, onProgress: UploadOptions['onProgress']): void {
  xhr.onprogress = () => stall.restart();
  xhr.upload.onprogress = (event) => {
    stall.restart();
    if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
  };
}

/** The loaded answer: the stored `FileRef`, or the `ApiError` for an error status or an unreadable body. */
function readAnswer(xhr: XMLHttpRequest): FileRef | ApiError {
  const { status } = xhr;
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // Not JSON (or empty): an unreadable answer.
  }
  if (status < 200 || status >= 300) return errorFromResponse(status, body, xhr.getResponseHeader('retry-after'), true);
  try {
    return checkFileRef(body);
  } catch {
    return new ApiError('unexpected', status, 'Unreadable upload response.');
  }
}

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
    const stall = stallTimer(xhr, timers, timeoutMs);
    const onAbort = (): void => xhr.abort();
    const settle = (): void => {
      stall.stop();
      signal?.removeEventListener('abort', onAbort);
    };

    openRequest(xhr, url, token);
    watchProgress(xhr, stall, onProgress);
    xhr.onload = () => {
      settle();
      const answer = readAnswer(xhr);
      if (answer instanceof ApiError) {
        reject(answer);
        return;
      }
      onProgress?.(1);
      resolve(answer);
    };
    xhr.onerror = () => {
      settle();
      reject(transportError('The file could not be sent.'));
    };
    xhr.onabort = () => {
      settle();
      reject(stall.stalled ? transportError('The upload made no progress in time.') : abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    onProgress?.(0);
    stall.restart();
    xhr.send(body);
  });
}
