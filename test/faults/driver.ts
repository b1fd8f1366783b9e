/**
 * A fast user for the fault suite: fills the individual KYC through the widget's own controls
 * (values and input/change events, clicks on its buttons, files through its file inputs), and
 * recovers the way a user would: "Try again" on a banner or error screen, a fresh token from the
 * host page when the widget says the session expired. It never types anything twice, so input the
 * widget loses shows up as a failed save or as saved values that differ from what was typed.
 */
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { until as waitUntil } from '../helpers/until.js';

/** What the user types and chooses in the individual KYC, by step and field. */
export const TYPED = {
  personal: {
    firstName: 'Zofia',
    lastName: 'Wiśniewska-Ąę',
    dateOfBirth: '1988-02-29',
    email: 'zofia.w@example.com',
    street: 'ul. Długa 7/3',
    city: 'Gdańsk',
    postalCode: '80-831',
  },
  phone: '501234567',
  documentType: 'passport',
  front: 'passport-front.png',
  proof: 'utility-bill.pdf',
} as const;

const root = (el: TlWorkflow): ShadowRoot => el.shadowRoot!;

/** `until` with the fault suite's longer default wait (30 s): its faults add retries and deadlines, and the machine may be busy. */
export function until<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
  return waitUntil(check, what, timeoutMs);
}

/** The id of the step on screen with its fields (not while the part it needs is on its way: `aria-busy`), or null. */
export function stepOnScreen(el: TlWorkflow): string | null {
  return root(el).querySelector('form[data-step-id]:not([aria-busy="true"])')?.getAttribute('data-step-id') ?? null;
}

/** The end screen shown (`complete`, `awaiting`, `cancelled`, `error`), or null. */
export function endScreen(el: TlWorkflow): string | null {
  const screen = root(el).querySelector('.screen:not(.screen--loading)');
  return screen ? /screen--(\w+)/.exec(screen.className)?.[1] ?? null : null;
}

/** The visible button whose text starts with `text`, or null. */
export function findButton(el: TlWorkflow, text: string): HTMLButtonElement | null {
  return [...root(el).querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text)) ?? null;
}

function control<T extends HTMLElement>(el: TlWorkflow, path: string): T {
  const found = root(el).querySelector<T>(`[data-field-path="${path}"]:not(button):not(h3)`);
  if (!found) throw new Error(`no control for ${path} on ${stepOnScreen(el)}`);
  return found;
}

/** The day, month and year boxes of a date field (its first box carries the field's path). */
function dateBoxes(first: HTMLInputElement): HTMLInputElement[] {
  return [...first.closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[data-date-part]')];
}

function setText(el: TlWorkflow, path: string, value: string): void {
  const input = control<HTMLInputElement>(el, path);
  if (input.dataset.datePart) {
    const [year = '', month = '', day = ''] = value.split('-');
    const parts: Record<string, string> = { year, month, day };
    for (const box of dateBoxes(input)) {
      box.value = parts[box.dataset.datePart!]!;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    return;
  }
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** A control's value as typed; a date field's boxes read back as an ISO date. */
function shownValue(el: TlWorkflow, path: string): string {
  const input = control<HTMLInputElement>(el, path);
  if (!input.dataset.datePart) return input.value;
  const parts: Record<string, string> = {};
  for (const box of dateBoxes(input)) parts[box.dataset.datePart!] = box.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function chooseOption(el: TlWorkflow, path: string, label: string): void {
  const select = control<HTMLSelectElement>(el, path);
  // A long list (countries) is completed when the select is focused, as a user reaches it.
  select.focus();
  const option = [...select.options].find((o) => o.textContent!.includes(label));
  if (!option) throw new Error(`no option ${label} in ${path}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function attach(el: TlWorkflow, path: string, file: File): void {
  const input = control<HTMLInputElement>(el, path);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A 1x1 PNG. */
export function png(name: string): File {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  return new File([bytes], name, { type: 'image/png' });
}

/** A small PDF. */
export function pdf(name: string): File {
  return new File(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], name, { type: 'application/pdf' });
}

/**
 * Fills the step on screen as the user would (only the steps of the individual KYC). On the bank
 * step the user presses "My bank is not listed", which submits the step: then it returns `true`.
 */
export async function fillStep(el: TlWorkflow): Promise<boolean> {
  const step = stepOnScreen(el);
  if (step === 'personal') {
    for (const [path, value] of Object.entries(TYPED.personal)) setText(el, path, value);
    chooseOption(el, 'nationality', 'Poland');
    chooseOption(el, 'country', 'Poland');
    chooseOption(el, 'phone.countryCode', 'Poland');
    setText(el, 'phone', TYPED.phone);
  } else if (step === 'identity-document') {
    const radio = root(el).querySelector<HTMLInputElement>(`input[type="radio"][value="${TYPED.documentType}"]`)!;
    radio.click();
    attach(el, 'front', png(TYPED.front));
  } else if (step === 'proof-of-address') {
    attach(el, 'document', pdf(TYPED.proof));
  } else if (step === 'bank') {
    submitBank(el);
    return true;
  } else if (step === 'consents') {
    control<HTMLInputElement>(el, 'terms').click();
    control<HTMLInputElement>(el, 'privacy').click();
  }
  await el.updateComplete;
  return false;
}

/** "My bank is not listed": saves the bank step without a bank (the way through it with no bank login). */
export function submitBank(el: TlWorkflow): void {
  const button = findButton(el, 'My bank is not listed');
  if (!button) throw new Error('no "My bank is not listed" button');
  button.click();
}

/** Whether every upload of the step on screen has finished (none in progress). */
export function uploadsSettled(el: TlWorkflow): boolean {
  return !root(el).querySelector('.file-card progress');
}

/** Presses Continue / Submit. */
export function pressPrimary(el: TlWorkflow): void {
  root(el).querySelector<HTMLButtonElement>('[data-primary]')!.click();
}

/** Whether the widget is waiting on a request (the primary button says so). */
export function busy(el: TlWorkflow): boolean {
  return root(el).querySelector('[data-primary]')?.getAttribute('aria-busy') === 'true';
}

/** What the personal step's inputs hold right now (to check nothing typed was lost). */
export function personalOnScreen(el: TlWorkflow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of Object.keys(TYPED.personal)) out[path] = shownValue(el, path);
  return out;
}
