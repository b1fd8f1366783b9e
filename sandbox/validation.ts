/**
 * Server-side validation of a form step's values against its field definitions. Produces one
 * error per invalid field, with a dotted path (`email`, `owners.1.firstName`), and the cleaned
 * values to store (unknown keys dropped, file references replaced by the stored file's metadata).
 */
import type { FieldDefinition, FieldValue, FileRef, StepValues } from '../src/schema/api-types.ts';
import type { StoredFile } from './store.ts';

/** One invalid field. */
export interface FieldError {
  field: string;
  message: string;
}

/** What validation needs beyond the definitions: the execution's uploaded files and the step. */
export interface ValidationScope {
  stepId: string;
  files: Record<string, StoredFile>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE_NUMBER = /^[0-9]{4,15}$/;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True when `pattern` matches the whole of `value` (HTML `pattern` semantics). */
function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return true; // A broken pattern in the data is not the user's fault.
  }
}

/** True for a real calendar date written `YYYY-MM-DD`. */
function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** True when a MIME type is allowed by an HTML-style `accept` list (`image/png,application/pdf`, `image/*`). */
export function isAccepted(accept: string | undefined, type: string): boolean {
  if (!accept) return true;
  return accept.split(',').some((entry) => {
    const allowed = entry.trim().toLowerCase();
    if (allowed.endsWith('/*')) return type.toLowerCase().startsWith(allowed.slice(0, -1));
    return allowed === type.toLowerCase();
  });
}

function checkLength(field: FieldDefinition, value: string): string | null {
  if (field.minLength !== undefined && value.length < field.minLength) {
    return `${field.label} must be at least ${field.minLength} characters.`;
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return `${field.label} must be at most ${field.maxLength} characters.`;
  }
  return null;
}

function checkPattern(field: FieldDefinition, value: string): string | null {
  if (field.pattern && !matchesPattern(field.pattern, value)) {
    return field.patternMessage ?? `${field.label} has the wrong format.`;
  }
  return null;
}

function checkOption(field: FieldDefinition, value: unknown): string | null {
  const allowed = (field.options ?? []).map((option) => option.value);
  return typeof value === 'string' && allowed.includes(value) ? null : `${field.label}: choose one of the options.`;
}

/** Validates one non-empty value. Returns the error message, or the value to store. */
function checkValue(field: FieldDefinition, value: unknown, scope: ValidationScope): { error: string } | { value: FieldValue } {
  const error = (message: string | null) => (message === null ? null : { error: message });
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email': {
      if (typeof value !== 'string') return { error: `${field.label} must be text.` };
      if (field.type === 'email' && !EMAIL.test(value)) return { error: `${field.label} must be an email address.` };
      return error(checkLength(field, value) ?? checkPattern(field, value)) ?? { value };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: `${field.label} must be a number.` };
      if (typeof field.min === 'number' && value < field.min) return { error: `${field.label} must be at least ${field.min}.` };
      if (typeof field.max === 'number' && value > field.max) return { error: `${field.label} must be at most ${field.max}.` };
      return { value };
    }
    case 'date': {
      if (typeof value !== 'string' || !isIsoDate(value)) return { error: `${field.label} must be a date (YYYY-MM-DD).` };
      if (typeof field.min === 'string' && value < field.min) return { error: `${field.label} must be on or after ${field.min}.` };
      if (typeof field.max === 'string' && value > field.max) return { error: `${field.label} must be on or before ${field.max}.` };
      return { value };
    }
    case 'select':
    case 'radio':
    case 'country':
      return error(checkOption(field, value)) ?? { value: value as string };
    case 'checkbox':
      if (typeof value !== 'boolean') return { error: `${field.label} must be true or false.` };
      return field.required && !value ? { error: `${field.label}: this box must be ticked.` } : { value };
    case 'tel':
      return checkPhone(field, value);
    case 'file':
      return checkFile(field, value, scope);
    case 'group':
      return { error: 'internal: groups are validated by validateGroup' };
  }
}

function checkPhone(field: FieldDefinition, value: unknown): { error: string } | { value: FieldValue } {
  if (!isObject(value) || typeof value.countryCode !== 'string' || typeof value.number !== 'string') {
    return { error: `${field.label} must have a country code and a number.` };
  }
  const codes = (field.options ?? []).map((option) => option.value);
  if (codes.length > 0 && !codes.includes(value.countryCode)) return { error: `${field.label}: choose a country code from the list.` };
  const number = value.number.replace(/[\s-]/g, '');
  const problem = field.pattern ? checkPattern(field, number) : PHONE_NUMBER.test(number) ? null : `${field.label} must be digits only.`;
  return problem ? { error: problem } : { value: { countryCode: value.countryCode, number } };
}

function checkFile(field: FieldDefinition, value: unknown, scope: ValidationScope): { error: string } | { value: FieldValue } {
  const id = isObject(value) ? value.id : undefined;
  const stored = typeof id === 'string' ? scope.files[id] : undefined;
  if (!stored || stored.stepId !== scope.stepId || stored.field !== field.name) {
    return { error: `${field.label}: upload the file first (unknown file reference).` };
  }
  const ref: FileRef = { id: stored.id, name: stored.name, size: stored.size, type: stored.type };
  return { value: ref };
}

/** Validates a group (a list of entries, each with its own fields). */
function validateGroup(field: FieldDefinition, value: unknown, scope: ValidationScope, path: string, errors: FieldError[]): FieldValue {
  if (!Array.isArray(value)) {
    errors.push({ field: path, message: `${field.label} must be a list.` });
    return null;
  }
  const label = field.itemLabel ?? field.label;
  if (field.minItems !== undefined && value.length < field.minItems) {
    errors.push({ field: path, message: `Add at least ${field.minItems} × ${label}.` });
  }
  if (field.maxItems !== undefined && value.length > field.maxItems) {
    errors.push({ field: path, message: `Add at most ${field.maxItems} × ${label}.` });
  }
  return value.map((entry, index) => {
    if (!isObject(entry)) {
      errors.push({ field: `${path}.${index}`, message: `${label} ${index + 1} must be an object.` });
      return {};
    }
    return validateFields(field.fields ?? [], entry, scope, `${path}.${index}.`, errors);
  });
}

function validateFields(
  fields: FieldDefinition[],
  values: Record<string, unknown>,
  scope: ValidationScope,
  prefix: string,
  errors: FieldError[],
): Record<string, FieldValue> {
  const clean: Record<string, FieldValue> = {};
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    const value = values[field.name];
    if (isEmpty(value)) {
      if (field.required) errors.push({ field: path, message: `${field.label} is required.` });
      continue;
    }
    if (field.type === 'group') {
      clean[field.name] = validateGroup(field, value, scope, path, errors);
      continue;
    }
    const result = checkValue(field, value, scope);
    if ('error' in result) errors.push({ field: path, message: result.error });
    else clean[field.name] = result.value;
  }
  return clean;
}

/** Validates a form step's values. `errors` is empty when everything is valid. */
export function validateStep(
  fields: FieldDefinition[],
  values: Record<string, unknown>,
  scope: ValidationScope,
): { values: StepValues; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean = validateFields(fields, values, scope, '', errors);
  return { values: clean, errors };
}
