import type { FieldDefinition } from '../schema/api-types.js';
import type { ApiError } from '../client/errors.js';
import { message, serverText, type Message } from '../i18n/message.js';

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
