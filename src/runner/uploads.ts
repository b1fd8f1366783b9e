import type { FieldDefinition } from '../schema/api-types.js';
import type { ApiError } from '../client/errors.js';
import { isAbortError } from '../client/retry.js';
import { message, renderMessage, type Message } from '../i18n/message.js';
import { xhrUpload } from '../client/upload.js';
import { asApiError } from './messages.js';
import type { RunnerCore } from './runner-core.js';
import type { Uploads } from './part-contract.js';
import { fileProblem, uploadMessage } from './upload-messages.js';
import type { UploadState } from './view-model.js';

interface UploadRecord {
  stepId: string;
  path: string;
  file: File;
  field: FieldDefinition | undefined;
  /** The state without its error, which is kept as a message and rendered in `forStep`. */
  state: Omit<UploadState, 'error'>;
  error: Message | undefined;
  abort: AbortController | null;
  /** Aborted by a token swap, expiry or disconnect (not by the user): resumed later. */
  interrupted: boolean;
  /** Sends of this file that failed on the way (a dropped connection, 5xx, 429, an unreadable answer). */
  transientFailures: number;
}

/** Sends of one file before a failure on the way is shown (the file stays chosen: "Try again" sends it again). */
const UPLOAD_ATTEMPTS = 4;

/** A failure on the way, worth sending the same file again: no answer, 429, 5xx, or an unreadable 2xx. */
function isTransient(error: ApiError): boolean {
  const { status } = error;
  return status === 0 || status === 429 || status >= 500 || (status >= 200 && status < 300);
}

const isImage = (file: File): boolean => file.type.startsWith('image/');

const keyOf = (stepId: string, path: string): string => `${stepId}\u0000${path}`;

/**
 * Uploads of `file` fields, keyed by step id and dotted path: progress, previews (object URLs,
 * revoked on removal and on release), cancellation, and resumption after an interruption. Part of
 * the upload part (src/parts/upload.ts): the runner gets one when a workflow has a file field.
 */
export class UploadManager implements Uploads {
  readonly #records = new Map<string, UploadRecord>();
  readonly #port: RunnerCore;

  constructor(port: RunnerCore) {
    this.#port = port;
  }

  /** Starts (or replaces) the upload of `file` for `path` of `stepId`. Refuses wrong files without a request. */
  start(stepId: string, path: string, file: File, field: FieldDefinition | undefined, deferred = false): void {
    this.remove(stepId, path);
    const state: UploadState = { name: file.name, size: file.size, type: file.type, progress: 0, status: 'uploading' };
    if (isImage(file)) state.previewUrl = URL.createObjectURL(file);
    const record: UploadRecord = { stepId, path, file, field, state, error: undefined, abort: null, interrupted: false, transientFailures: 0 };
    this.#records.set(keyOf(stepId, path), record);
    const problem = fileProblem(field, file);
    if (problem) {
      this.#fail(record, problem);
      this.#port.failures().reportLocal('upload-failed', `A file for "${path}" was refused before upload: ${'key' in problem && problem.key === 'runner.upload.tooLarge' ? 'too large' : 'type not accepted'}.`);
    }
    else if (deferred) this.#interrupt(record);
    else this.#send(record);
    this.#port.changed();
  }

  /** Aborts the upload at `path` (by the user) and forgets it. */
  cancel(stepId: string, path: string): void {
    this.remove(stepId, path);
    this.#port.changed();
  }

  /** Sends the file of a failed upload at `path` again, when its failure allows it. */
  retry(stepId: string, path: string): void {
    const record = this.#records.get(keyOf(stepId, path));
    if (!record || record.state.status !== 'failed' || (!record.state.retryable && !record.interrupted)) return;
    record.transientFailures = 0;
    this.#send(record);
    this.#port.changed();
  }

  /**
   * Aborts and forgets the uploads of `stepId` at `path` or under it (`owners.2` removes
   * `owners.2.idDocument`), or every upload without `stepId`, revoking their previews.
   */
  remove(stepId?: string, path = ''): void {
    for (const [key, record] of this.#records) {
      if (stepId !== undefined && (record.stepId !== stepId || (record.path !== path && !record.path.startsWith(`${path}.`)))) continue;
      this.#records.delete(key);
      record.abort?.abort();
      if (record.state.previewUrl) URL.revokeObjectURL(record.state.previewUrl);
    }
  }

  /** Upload states of one step, by path, with their errors in `locale`. */
  forStep(stepId: string | null, locale: string): Record<string, UploadState> {
    const out: Record<string, UploadState> = {};
    for (const record of this.#records.values()) {
      if (record.stepId !== stepId) continue;
      out[record.path] = record.error ? { ...record.state, error: renderMessage(record.error, locale) } : { ...record.state };
    }
    return out;
  }

  /** Paths of one step whose upload is not finished (sending, or interrupted and waiting to resume). */
  pending(stepId: string): string[] {
    return [...this.#records.values()]
      .filter((r) => r.stepId === stepId && (r.state.status === 'uploading' || r.interrupted))
      .map((r) => r.path);
  }

  /** Aborts every upload in flight, keeping its file to resume it later (`resume`). */
  interruptAll(): void {
    for (const record of this.#records.values()) {
      if (record.abort) {
        record.abort.abort();
        record.abort = null;
        this.#interrupt(record);
      }
    }
  }

  /** Sends again every interrupted upload (after a new token, or on reconnection). */
  resume(): void {
    for (const record of this.#records.values()) if (record.interrupted) this.#send(record);
    this.#port.changed();
  }

  /** Revokes every preview URL (on disconnect); `restorePreviews` makes new ones. */
  releasePreviews(): void {
    for (const record of this.#records.values()) {
      if (record.state.previewUrl) URL.revokeObjectURL(record.state.previewUrl);
      delete record.state.previewUrl;
    }
  }

  /** Recreates the preview URLs released by `releasePreviews`. */
  restorePreviews(): void {
    for (const record of this.#records.values()) {
      if (!record.state.previewUrl && isImage(record.file)) record.state.previewUrl = URL.createObjectURL(record.file);
    }
  }


  #interrupt(record: UploadRecord): void {
    record.interrupted = true;
    record.state = { ...record.state, status: 'failed', progress: 0 };
    record.error = message('runner.upload.interrupted');
  }

  #fail(record: UploadRecord, problem: Message, retryable = false): void {
    record.interrupted = false;
    record.abort = null;
    record.state = { ...record.state, status: 'failed', retryable };
    record.error = problem;
  }

  #send(record: UploadRecord): void {
    const client = this.#port.client();
    if (!client) {
      this.#interrupt(record);
      return;
    }
    const abort = new AbortController();
    record.abort = abort;
    record.interrupted = false;
    record.state = { ...record.state, status: 'uploading', progress: 0, retryable: undefined };
    record.error = undefined;
    // Not replaced, removed or interrupted since this send.
    const current = (): boolean => this.#records.get(keyOf(record.stepId, record.path)) === record && record.abort === abort;
    client
      .upload(record.stepId, record.path, record.file, xhrUpload, {
        signal: abort.signal,
        onProgress: (progress) => {
          if (!current()) return;
          record.state = { ...record.state, progress };
          this.#port.changed();
        },
      })
      .then(
        (ref) => {
          if (!current()) return;
          record.abort = null;
          record.state = { ...record.state, status: 'done', progress: 1 };
          this.#port.state.storeFile(record.stepId, record.path, ref);
          this.#port.changed();
        },
        (error: unknown) => {
          if (isAbortError(error) || !current()) return;
          const apiError = asApiError(error);
          if (isTransient(apiError) && ++record.transientFailures < UPLOAD_ATTEMPTS) {
            // Sent again after a while (at most 10 s), if still current then. The wait ends with
            // the send's abort (removed, replaced, interrupted, host gone): no timer outlives it.
            const delay = Math.min(apiError.retryAfterMs ?? 250 * 2 ** record.transientFailures, 10_000);
            const timer = setTimeout(() => {
              if (current()) this.#send(record);
            }, delay);
            abort.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
            return;
          }
          record.abort = null;
          // A refused token that expired: the file waits for the next token.
          if (this.#port.failures().uploadFailed(apiError)) this.#interrupt(record);
          else this.#fail(record, uploadMessage(apiError, record.field), ![413, 415, 422].includes(apiError.status));
          this.#port.changed();
        },
      );
  }
}
