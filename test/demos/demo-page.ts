/**
 * Drives a built demo app (demo/react or demo/vue, installed from the packed tarball) on the test
 * page, as its user does: the page's buttons, the widget's fields. Also watches the widget's
 * `GET /widget/execution` requests (window.fetch wrapped before the widget's first request),
 * and can hold their answers to catch the widget while it is loading.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';

/** Waits until `check()` returns a truthy value. */
export async function until<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A real mouse click in the middle of `target`. */
export async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

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

/** Clicks into a field of the widget and types `text`, key by key. */
export async function typeInto(path: string, text: string): Promise<void> {
  await click(await until(() => control(path), `the ${path} field`));
  await sendKeys({ type: text });
}

/** One `GET /widget/execution` request of the widget. */
export interface ExecutionRequest {
  signal: AbortSignal | null;
  settled: boolean;
}

/** Watches the widget's execution loads; `hold()` keeps the next answers back until `release()`. */
export class ExecutionRequests {
  readonly seen: ExecutionRequest[] = [];
  #held: Array<() => void> = [];
  #holding = false;

  constructor() {
    const original = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/widget/execution') || (init?.method ?? 'GET') !== 'GET') return original(input, init);
      const request: ExecutionRequest = { signal: init?.signal ?? null, settled: false };
      this.seen.push(request);
      try {
        if (this.#holding) await new Promise<void>((resolve) => this.#held.push(resolve));
        return await original(input, init);
      } finally {
        request.settled = true;
      }
    };
  }

  hold(): void {
    this.#holding = true;
  }

  release(): void {
    this.#holding = false;
    for (const resume of this.#held.splice(0)) resume();
  }
}
