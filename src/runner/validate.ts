import type { FieldDefinition, FieldValue, StepDefinition, StepValues } from '../schema/api-types.js';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { message, type Message } from '../i18n/message.js';
import { isEmpty, isFileRef } from '../shared/field-values.js';

/**
 * Client-side validation of a step, with the same rules as the sandbox server, so the user sees
 * every problem before anything is sent. Pure: no DOM, no state.
 */

/** Messages by dotted field path (keys, rendered in the current language); empty when the values are valid. */
export type FieldErrors = Record<string, Message>;

/** Extra facts validation needs that are not in the values. */
export interface ValidateOptions {
  /** Dotted paths of `file` fields whose upload is still in flight. */
  uploading?: ReadonlySet<string> | readonly string[];
}

/** The names of the message keys that start with `P` (`runner.validation.email` -> `email`). */
type NamesUnder<K, P extends string> = K extends `${P}${infer Name}` ? Name : never;

/** The name of a validation message (`runner.validation.<name>`). */
type Problem = NamesUnder<MessageKey, 'runner.validation.'>;

/** The validation message `name`. */
const m = (name: Problem, params?: MessageParams): Message => message(`runner.validation.${name}`, params);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE_DIGITS = /^\d{4,15}$/;

function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`).test(value);
    } catch {
      return true; // An unreadable pattern is the definition's fault, not the user's.
    }
  }
}

function checkString(field: FieldDefinition, value: string): Message | undefined {
  if (field.minLength !== undefined && value.length < field.minLength) {
    return m('minLength', { count: field.minLength });
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return m('maxLength', { count: field.maxLength });
  }
  if (field.pattern !== undefined && !matchesPattern(field.pattern, value)) {
    return (field.patternMessage !== undefined ? { text: field.patternMessage } : m('pattern'));
  }
  return undefined;
}

function checkNumber(field: FieldDefinition, value: FieldValue): Message | undefined {
  // As the server: a JSON number, not a numeric string (the views send numbers).
  const number = typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(number)) return m('number');
  if (typeof field.min === 'number' && number < field.min) return m('min', { min: field.min });
  if (typeof field.max === 'number' && number > field.max) return m('max', { max: field.max });
  return undefined;
}

function checkDate(field: FieldDefinition, value: FieldValue): Message | undefined {
  if (typeof value !== 'string' || !isValidIsoDate(value)) return m('date');
  if (typeof field.min === 'string' && value < field.min) return m('dateMin', { min: { date: field.min } });
  if (typeof field.max === 'string' && value > field.max) return m('dateMax', { max: { date: field.max } });
  return undefined;
}

function checkTel(field: FieldDefinition, value: FieldValue): Message | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('number' in value)) {
    return m('tel');
  }
  const countryCode = String(value.countryCode ?? '');
  const known = field.options?.length ? field.options.some((o) => o.value === countryCode) : countryCode !== '';
  if (!known) return m('tel');
  // As the server: spaces and dashes are ignored; the field's pattern, else 4 to 15 digits.
  const digits = String(value.number ?? '').replace(/[\s-]/g, '');
  if (field.pattern !== undefined) {
    return matchesPattern(field.pattern, digits) ? undefined : (field.patternMessage !== undefined ? { text: field.patternMessage } : m('tel'));
  }
  return PHONE_DIGITS.test(digits) ? undefined : m('tel');
}

function checkOption(field: FieldDefinition, value: FieldValue): Message | undefined {
  if (!field.options?.length) return undefined;
  return field.options.some((o) => o.value === value) ? undefined : m('option');
}

function requiredMessage(field: FieldDefinition): Message {
  if (field.type === 'checkbox') return m('consent');
  if (field.type === 'file') return m('fileRequired');
  if (['select', 'radio', 'country'].includes(field.type)) return m('choose');
  return m('required');
}

function validateGroup(field: FieldDefinition, value: FieldValue | undefined, path: string, out: FieldErrors, uploading: ReadonlySet<string>): void {
  const entries = Array.isArray(value) ? value : [];
  if (entries.length === 0 && !field.required) return; // As the server: an empty optional group is valid.
  const min = Math.max(field.minItems ?? 0, field.required ? 1 : 0);
  if (entries.length < min) out[path] = m('minItems', { count: min });
  else if (field.maxItems !== undefined && entries.length > field.maxItems) {
    out[path] = m('maxItems', { count: field.maxItems });
  }
  entries.forEach((entry, index) => {
    validateFields(field.fields ?? [], entry ?? {}, `${path}.${index}.`, out, uploading);
  });
}

function validateField(field: FieldDefinition, value: FieldValue | undefined, path: string, out: FieldErrors, uploading: ReadonlySet<string>): void {
  if (field.type === 'group') {
    validateGroup(field, value, path, out, uploading);
    return;
  }
  if (field.type === 'file' && uploading.has(path)) {
    out[path] = m('uploading');
    return;
  }
  if (isEmpty(value)) {
    if (field.required) out[path] = requiredMessage(field);
    return;
  }
  const problem = checkValue(field, value as FieldValue);
  if (problem) out[path] = problem;
}

function checkValue(field: FieldDefinition, value: FieldValue): Message | undefined {
  switch (field.type) {
    case 'number':
      return checkNumber(field, value);
    case 'date':
      return checkDate(field, value);
    case 'tel':
      return checkTel(field, value);
    case 'select':
    case 'radio':
    case 'country':
      return checkOption(field, value);
    case 'file':
      return isFileRef(value) ? undefined : m('fileRequired');
    case 'checkbox':
      return undefined;
    case 'email':
      if (typeof value !== 'string' || !EMAIL.test(value)) return m('email');
      return checkString(field, value);
    default:
      return typeof value === 'string' ? checkString(field, value) : m('required');
  }
}

function validateFields(fields: FieldDefinition[], values: Record<string, FieldValue>, prefix: string, out: FieldErrors, uploading: ReadonlySet<string>): void {
  for (const field of fields) validateField(field, values[field.name], `${prefix}${field.name}`, out, uploading);
}

/**
 * Validates `values` against the fields of `step`. Returns messages (keys and parameters) by dotted path, in
 * the order of the fields (so the first key is the first field to fix). Steps without fields are valid.
 */
export function validateStep(step: StepDefinition, values: StepValues, options: ValidateOptions = {}): FieldErrors {
  const errors: FieldErrors = {};
  validateFields(step.fields ?? [], values, '', errors, new Set(options.uploading ?? []));
  return errors;
}
