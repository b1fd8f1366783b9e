/**
 * Drives a `<tl-workflow>` the way a user does: real mouse clicks and key presses through the
 * browser (web-test-runner's sendMouse / sendKeys), and real files through the file inputs.
 * Imports only types from `src/`: the element is whichever build the test page loaded.
 */
import { oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { click } from '../helpers/mouse.js';
import { pause, realNow } from '../helpers/real-time.js';
import { until } from '../helpers/until.js';
import { expectAllDefined } from './build.js';

export const shadow = (el: TlWorkflow): ShadowRoot => el.shadowRoot!;

export { click, until };

/**
 * Moves the widget out of the page and back, which makes it read the execution again, and resolves
 * once it has read that answer and done everything the answer causes (check, state, render,
 * events). The positive signal to wait for before asserting that an event did NOT fire again.
 */
export async function reattachAndSettle(el: TlWorkflow): Promise<void> {
  const reads = sinon.spy(Response.prototype, 'text');
  try {
    const parent = el.parentNode!;
    el.remove();
    parent.appendChild(el);
    const read = await until(
      () => reads.getCalls().find((call) => (call.thisValue as Response).url.includes('/widget/execution')),
      'the execution read again',
    );
    await read.returnValue;
    // From the body on, everything runs in microtasks (parse, check, state, render, events): one task drains them.
    await pause();
    await el.updateComplete;
  } finally {
    reads.restore();
  }
}

/** The control of the displayed step for a dotted field path. */
export function control<T extends HTMLElement = HTMLInputElement>(el: TlWorkflow, path: string): T {
  const found = shadow(el).querySelector<T>(`[data-field-path="${path}"]:not(button)`);
  if (!found) throw new Error(`no control for ${path}`);
  return found;
}

/**
 * Clicks into a text control the way a user does, and makes sure the caret is there before typing:
 * a click sent while the page is still settling (a re-render after a token swap moved the control)
 * can land beside it, and a user would click again. The positive signal is focus in `input`.
 */
async function clickInto(input: HTMLInputElement | HTMLTextAreaElement, path: string): Promise<void> {
  const root = input.getRootNode() as ShadowRoot | Document;
  for (let attempt = 0; attempt < 2 && (attempt === 0 || root.activeElement !== input); attempt++) {
    const sent = realNow();
    await click(input);
    // As long as the click took, twice (500 ms at least): a busy machine gets the time it needs.
    const deadline = realNow() + Math.max(500, 2 * (realNow() - sent));
    while (root.activeElement !== input && realNow() < deadline) await pause(25);
  }
  await until(() => root.activeElement === input, `focus in ${path} after a click (it is on ${root.activeElement?.outerHTML.slice(0, 80) ?? 'nothing'})`);
}

/**
 * Waits until typed keys show in `input`: Firefox over WebDriver BiDi may still be delivering them
 * when the command returns, and the next click would take the rest elsewhere.
 */
async function typedInto(input: HTMLInputElement | HTMLTextAreaElement, text: string, path: string): Promise<void> {
  const focused = () => {
    const root = input.getRootNode() as ShadowRoot | Document;
    return root.activeElement?.outerHTML.slice(0, 120) ?? 'nothing';
  };
  await until(() => input.value.includes(text), `"${text}" to show in ${path} (it shows "${input.value}", focus on ${focused()})`);
}

/** Clicks into a text control and types `text`, key by key, over what it holds (e.g. a value prefilled from the case). */
export async function type(el: TlWorkflow, path: string, text: string): Promise<void> {
  const input = control(el, path);
  await clickInto(input, path);
  input.select();
  await sendKeys({ type: text });
  await typedInto(input, text, path);
  await el.updateComplete;
}

/**
 * Types an ISO date (`1990-05-17`) into a date field as a user does: a click in its first box,
 * then each box in the order shown (the locale's), moving on with Tab.
 */
export async function typeDate(el: TlWorkflow, path: string, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  const typed: Record<string, string> = { year, month, day };
  const first = control(el, path);
  const boxes = first.closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[data-date-part]');
  await clickInto(first, path);
  for (const [index, box] of [...boxes].entries()) {
    if (index > 0) await sendKeys({ press: 'Tab' });
    const part = typed[box.dataset.datePart!]!;
    await sendKeys({ type: part });
    await typedInto(box, part, `${path} (${box.dataset.datePart})`);
  }
  await el.updateComplete;
}

/** Focuses a `<select>` and types the start of an option's label (native type-ahead). */
export async function choose(el: TlWorkflow, path: string, typed: string): Promise<void> {
  const select = control<HTMLSelectElement>(el, path);
  select.focus();
  await sendKeys({ type: typed });
  const label = () => select.selectedOptions[0]?.textContent?.trim() ?? '';
  await until(() => label().toLowerCase().startsWith(typed.toLowerCase()), `"${typed}" chosen in ${path} (it shows "${label()}")`);
  await el.updateComplete;
}

/** The button of the displayed step whose visible text starts with `text`. */
export function button(el: TlWorkflow, text: string | RegExp): HTMLButtonElement {
  const all = [...shadow(el).querySelectorAll('button')];
  const found = all.find((b) => {
    const label = b.textContent!.replace(/\s+/g, ' ').trim();
    return typeof text === 'string' ? label.startsWith(text) : text.test(label);
  });
  if (!found) throw new Error(`no button "${text}" among: ${all.map((b) => b.textContent!.trim()).join(' | ')}`);
  return found;
}

/** Clicks the label of a radio button or checkbox (as a user does). */
export async function clickLabel(el: TlWorkflow, text: string): Promise<void> {
  const label = [...shadow(el).querySelectorAll('label')].find((l) => l.textContent!.trim().startsWith(text));
  if (!label) throw new Error(`no label "${text}"`);
  await click(label);
  await el.updateComplete;
}

/** The error messages on screen (field errors, banners), for failure messages. */
export function errorsShown(el: TlWorkflow): string {
  const texts = [...shadow(el).querySelectorAll('.error, [role="alert"]')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
  const invalid = [...shadow(el).querySelectorAll('[aria-invalid="true"]')].map((n) => n.getAttribute('data-field-path'));
  return texts.length ? `${texts.join(' | ')} at ${invalid.join(', ')}` : '(none)';
}

/** The id of the displayed step. */
export function stepId(el: TlWorkflow): string | null {
  // A step whose part is still on its way (`aria-busy`) has no fields yet: not on screen for a user.
  return shadow(el).querySelector('form[data-step-id]:not([aria-busy="true"])')?.getAttribute('data-step-id') ?? null;
}

/** Presses the primary button (Continue / Submit) and waits for the next step to be on screen. */
export async function continueTo(el: TlWorkflow, next: string) {
  let change: CustomEvent<{ stepId: string }> | undefined;
  void oneEvent(el, 'tl-step-change').then((event) => (change = event));
  await click(shadow(el).querySelector('[data-primary]')!);
  const event = await until(() => change, () => `a step change from ${stepId(el)}; errors shown: ${errorsShown(el)}`);
  if (event.detail.stepId !== next) throw new Error(`reached ${event.detail.stepId}, expected ${next}`);
  await until(() => stepId(el) === next, `step ${next} on screen`);
  await el.updateComplete;
  expectAllDefined(shadow(el));
  return event.detail;
}

/** A small PDF, as a user's scanned document. */
export function pdfFile(name: string): File {
  return new File(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], name, { type: 'application/pdf' });
}

/** Puts `file` into the file input of `path` (what the OS file picker does) and waits for the upload. */
export async function attach(el: TlWorkflow, path: string, file: File): Promise<void> {
  const input = control(el, path);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await until(
    () => [...shadow(el).querySelectorAll('.file-card__name')].some((n) => n.textContent!.includes(file.name)) &&
      !shadow(el).querySelector('.file-card progress'),
    `upload of ${file.name}`,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; errors: ${errorsShown(el)}; step: ${shadow(el).querySelector("form")?.innerText}`);
  });
  await el.updateComplete;
}
