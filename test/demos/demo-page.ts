/**
 * Drives a built demo app (demo/react or demo/vue, installed from the packed tarball) on the test
 * page, as its user does: the page's buttons, the widget's fields.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { click, until } from '../e2e/driver.js';

export { click, until };

/** The demo's button whose text starts with `text`. */
export function pageButton(text: string): HTMLButtonElement {
  const found = [...document.querySelectorAll<HTMLButtonElement>('main > p button')].find((b) => b.textContent!.trim().startsWith(text));
  if (!found) throw new Error(`no button "${text}" on the demo page`);
  return found;
}

/** The event lines the demo listed, in order. */
export function loggedEvents(): string[] {
  return [...document.querySelectorAll('#events li')].map((li) => li.textContent!.trim());
}

/** The widget on the demo page, if shown. */
export function widget(): TlWorkflow | null {
  return document.querySelector('tl-workflow');
}

/** The control of the widget's displayed step for a field path. */
export function control(path: string): HTMLInputElement | null {
  return widget()?.shadowRoot?.querySelector<HTMLInputElement>(`[data-field-path="${path}"]`) ?? null;
}

/** Clicks into a field of the widget and types `text`, key by key, over what it holds (e.g. a value prefilled from the case). */
export async function typeInto(path: string, text: string): Promise<void> {
  const input = await until(() => control(path), `the ${path} field`);
  await click(input);
  input.select();
  await sendKeys({ type: text });
}
