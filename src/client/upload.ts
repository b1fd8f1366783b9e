import type { FileRef } from './api-types.js';
import { ApiError, errorFromResponse } from './errors.js';
import { abortReason } from './retry.js';

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
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function isFileRef(value: unknown): value is FileRef {
  const ref = value as Partial<FileRef> | null;
  return typeof ref === 'object' && ref !== null && typeof ref.id === 'string' && typeof ref.name === 'string';
}

/** Any upload failure but a refused token is an `upload-failed`, keeping the status and message. */
function uploadError(status: number, body: unknown, token: string): ApiError {
  const error = errorFromResponse(status, body, token);
  if (status === 401 || status === 403) return error;
  return new ApiError({
    code: 'upload-failed',
    status,
    message: error.message,
    fieldErrors: error.fieldErrors,
    serverCode: error.serverCode,
    fingerprint: error.fingerprint,
  });
}

/**
 * POSTs a multipart body with `XMLHttpRequest` (fetch cannot report upload progress), with the
 * bearer token in the `Authorization` header and `withCredentials = false`. Resolves with the
 * stored `FileRef`; rejects with an `ApiError` or, when `signal` aborts, its `AbortError`.
 */
export function xhrUpload({ url, token, body, options }: XhrUploadRequest): Promise<FileRef> {
  const { onProgress, signal } = options;
  return new Promise<FileRef>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = (): void => xhr.abort();
    const settle = (): void => signal?.removeEventListener('abort', onAbort);

    xhr.open('POST', url);
    xhr.withCredentials = false;
    xhr.responseType = 'text';
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      settle();
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        if (isFileRef(parsed)) {
          onProgress?.(1);
          resolve(parsed);
        } else {
          reject(new ApiError({ code: 'unexpected', status: xhr.status, message: 'Unreadable upload response.' }));
        }
        return;
      }
      reject(uploadError(xhr.status, parsed, token));
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError({ code: 'upload-failed', status: 0, message: 'The file could not be sent.' }));
    };
    xhr.onabort = () => {
      settle();
      reject(abortReason(signal ?? new AbortController().signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    onProgress?.(0);
    xhr.send(body);
  });
}
