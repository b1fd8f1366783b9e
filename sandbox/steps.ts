/**
 * What saving each kind of step means, beyond field validation:
 * - `form`: validate the fields;
 * - `registry-lookup`: validate, look the company up, pre-fill the step named by `prefills`;
 * - `bank`: either `{outcome: "OMITTED"}` or a simulated bank login (the password is never stored).
 * The review step (submission) is handled by the widget routes.
 */
import type { StepDefinition, StepValues } from '../src/schema/api-types.ts';
import type { WorkflowCatalog } from './workflows/loader.ts';
import { validateStep, type FieldError, type ValidationScope } from './validation.ts';

/** The outcome of checking a step's values: what to store, or why not. */
export interface StepResult {
  values: StepValues;
  errors: FieldError[];
  /** Values to pre-fill into another step (registry lookup). */
  prefill?: { stepId: string; values: StepValues };
}

/** Checks the values of a form, registry-lookup or bank step. */
export async function checkStep(
  step: StepDefinition,
  values: Record<string, unknown>,
  scope: ValidationScope,
  catalog: WorkflowCatalog,
  definitions: StepDefinition[],
): Promise<StepResult> {
  if (step.type === 'bank') return checkBank(step, values);
  const result: StepResult = validateStep(step.fields ?? [], values, scope);
  if (step.type !== 'registry-lookup' || result.errors.length > 0) return result;

  const registryNumber = String(result.values.registryNumber);
  const record = catalog.registryRecord(registryNumber);
  if (!record) {
    return { values: result.values, errors: [{ field: 'registryNumber', message: 'No company with this registry number.' }] };
  }
  const target = definitions.find((definition) => definition.id === step.prefills);
  if (target) {
    const names = new Set((target.fields ?? []).map((field) => field.name));
    const prefill: StepValues = {};
    for (const [name, value] of Object.entries(record)) if (names.has(name)) prefill[name] = value;
    result.prefill = { stepId: target.id, values: prefill };
  }
  return result;
}

/** Validates a bank step: "my bank is not listed", or a simulated login (`wrong` password fails). */
async function checkBank(step: StepDefinition, values: Record<string, unknown>): Promise<StepResult> {
  if (values.outcome === 'OMITTED') return { values: { outcome: 'OMITTED' }, errors: [] };
  const errors: FieldError[] = [];
  const bank = (step.banks ?? []).find((candidate) => candidate.id === values.bankId);
  if (!bank) errors.push({ field: 'bankId', message: 'Choose a bank from the list.' });
  if (values.consent !== true) errors.push({ field: 'consent', message: 'Accept the consent to connect your bank.' });
  if (typeof values.username !== 'string' || values.username.trim() === '') {
    errors.push({ field: 'username', message: 'Enter your bank login.' });
  }
  if (typeof values.password !== 'string' || values.password === '') {
    errors.push({ field: 'password', message: 'Enter your bank password.' });
  } else if (errors.length === 0 && values.password === 'wrong') {
    errors.push({ field: 'password', message: 'The bank refused this login or password.' });
  }
  if (!bank || errors.length > 0) return { values: {}, errors };
  return {
    values: {
      outcome: 'COMPLETE',
      bankId: bank.id,
      bankName: bank.name,
      accountIban: await fakeIban(bank.country, `${bank.id}:${String(values.username)}`),
    },
    errors: [],
  };
}

/** BBAN lengths of the demo countries (letters allowed where the real format has them). */
const BBAN_LENGTH: Record<string, number> = { PL: 24, DE: 18, GB: 18, FR: 23, ES: 20, NL: 14, LT: 16 };

/** A well-formed (checksum-valid) but fake IBAN, the same for the same seed. */
async function fakeIban(country: string, seed: string): Promise<string> {
  const length = BBAN_LENGTH[country] ?? 20;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed)));
  const hex = [...hash].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const digits = BigInt(`0x${hex}`).toString().padStart(length, '0');
  const bban = digits.slice(0, length);
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return `${country}${check.toString().padStart(2, '0')}${bban}`;
}
