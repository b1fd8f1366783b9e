/**
 * Values a new execution starts with, taken from its case: TransactionLink cases carry the
 * person's `firstName`, `lastName`, `email` and `phone` (or a `companyName`), and the widget shows
 * them filled in and editable. Only top-level fields of `form` steps with the same name are filled,
 * only with a value of the field's shape (text for text-like fields, `{countryCode, number}` for `tel`).
 */
import type { FieldValue, StepValues } from '../src/schema/api-types.ts';
import type { WorkflowData } from './workflows/loader.ts';

const TEXT_TYPES = new Set(['text', 'email', 'textarea']);
const CASE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'companyName'] as const;

function valueFor(type: unknown, value: unknown): FieldValue | undefined {
  if (TEXT_TYPES.has(String(type)) && typeof value === 'string' && value.trim() !== '') return value;
  if (type === 'tel' && typeof value === 'object' && value !== null) {
    const phone = value as Record<string, unknown>;
    if (typeof phone.countryCode === 'string' && typeof phone.number === 'string') {
      return { countryCode: phone.countryCode, number: phone.number };
    }
  }
  return undefined;
}

/** The saved values by step id a new execution of `workflow` starts with, for a case's `data`. */
export function prefillFromCase(workflow: WorkflowData, data: Record<string, unknown> | undefined): Record<string, StepValues> {
  const out: Record<string, StepValues> = {};
  if (!data) return out;
  for (const step of workflow.steps) {
    if (step.type !== 'form' || !Array.isArray(step.fields)) continue;
    const values: StepValues = {};
    for (const field of step.fields as Array<Record<string, unknown>>) {
      const name = String(field.name);
      if (!(CASE_FIELDS as readonly string[]).includes(name)) continue;
      const value = valueFor(field.type, data[name]);
      if (value !== undefined) values[name] = value;
    }
    if (Object.keys(values).length > 0) out[String(step.id)] = values;
  }
  return out;
}
