import type { FieldDefinition, StepDefinition } from '../schema/api-types.js';
import { ApiError } from '../client/errors.js';
import type { TlErrorCode } from '../events/error-codes.js';
import type { MessageKey } from '../i18n/localize.js';
import { message, type Message } from '../i18n/message.js';

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
