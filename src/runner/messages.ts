import type { FieldDefinition, StepDefinition } from '../schema/api-types.js';
import { ApiError } from '../client/errors.js';
import type { TlErrorCode } from '../events/error-codes.js';
import type { MessageKey } from '../i18n/localize.js';
import { message, serverText, type Message } from '../i18n/message.js';

/** A failure shown in the banner, kept as a message key so it follows the current language. */
export interface StoredBanner {
  code: TlErrorCode;
  message: Message;
  retryable: boolean;
}

/** Localized banner texts by `tl-error` code. */
const BANNER_KEYS: Record<TlErrorCode, MessageKey> = {
  'invalid-token': 'runner.error.unauthorized',
  unauthorized: 'runner.error.unauthorized',
  network: 'runner.error.network',
  'not-found': 'runner.error.notFound',
  validation: 'runner.error.validation',
  conflict: 'runner.error.conflict',
  'rate-limited': 'runner.error.rateLimited',
  server: 'runner.error.server',
  'upload-failed': 'runner.error.uploadFailed',
  unexpected: 'runner.error.unexpected',
  busy: 'official.busy.body', // the official engine's; the native runner never reports it
  'token-endpoint': 'state.unavailable.body', // the element's token source; the runner never reports it
};

/** Codes for which the banner offers "Try again". */
const RETRYABLE = new Set<TlErrorCode>(['network', 'server', 'rate-limited', 'upload-failed']);

/** Any thrown value as an `ApiError` (a non-`ApiError` is an `unexpected` one). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : 'Unexpected failure.';
  return new ApiError('unexpected', 0, message);
}

/** The banner for a failure. */
export function bannerFor(error: ApiError): StoredBanner {
  return { code: error.code, message: message(BANNER_KEYS[error.code]), retryable: RETRYABLE.has(error.code) };
}

/** The field definition at a dotted value path (`owners.1.idDocument`), skipping entry indexes. */
export function findField(step: StepDefinition | null | undefined, path: string): FieldDefinition | undefined {
  let fields = step?.fields ?? [];
  let found: FieldDefinition | undefined;
  for (const key of path.split('.')) {
    if (/^\d+$/.test(key)) continue;
    found = fields.find((f) => f.name === key);
    if (!found) return undefined;
    fields = found.fields ?? [];
  }
  return found;
}

/** Whether a MIME type / file name is allowed by an HTML `accept` list (`image/*,.pdf,application/pdf`). */
function accepts(accept: string | undefined, file: { name: string; type: string }): boolean {
  if (!accept) return true;
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return accept
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean)
    .some((a) => (a.startsWith('.') ? name.endsWith(a) : a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : type === a));
}

/** A client-side reason to refuse a file before sending it, or `undefined`. */
export function fileProblem(field: FieldDefinition | undefined, file: File): Message | undefined {
  if (field?.maxSize !== undefined && file.size > field.maxSize) {
    return message('runner.upload.tooLarge', { size: { bytes: field.maxSize } });
  }
  if (!accepts(field?.accept, file)) return message('runner.upload.wrongType');
  return undefined;
}

/** The message of a failed upload: 413 too large, 415 wrong type, 422 the server's own text. */
export function uploadMessage(error: ApiError, field: FieldDefinition | undefined, serverLang?: string): Message {
  if (error.status === 413) {
    return field?.maxSize !== undefined
      ? message('runner.upload.tooLarge', { size: { bytes: field.maxSize } })
      : message('runner.error.uploadFailed');
  }
  if (error.status === 415) return message('runner.upload.wrongType');
  if (error.status === 422) return serverText(Object.values(error.fieldErrors)[0] ?? error.message, serverLang);
  return message('runner.error.uploadFailed');
}
