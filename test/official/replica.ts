/** Helpers for tests of the official engine against the sandbox's replica of TransactionLink's widget. */
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { until } from '../e2e/driver.js';
import { API_BASE } from '../helpers/sandbox.js';

/** The replica of `transactionlink-widget.umd.js`, served by the sandbox under /tl-api. */
export const REPLICA_SRC = `${API_BASE}/widget/transactionlink-widget.umd.js`;

/** The replica's framed workflow page. */
export const FRAME_URL = `${API_BASE}/widget/frame`;

/** Every iframe in the document (TransactionLink's frame, wherever it went). */
export const frames = (): HTMLIFrameElement[] => [...document.querySelectorAll('iframe')];

/** TransactionLink's frame inside the element's `<transactionlink-widget>`, once it is there. */
export function widgetFrame(el: TlWorkflow): HTMLIFrameElement | null {
  return el.querySelector('transactionlink-widget > iframe');
}

/** The `<tl-workflow>` running inside the replica's frame (same origin in tests), once a step is on screen. */
export async function framedWorkflow(el: TlWorkflow): Promise<TlWorkflow> {
  return until(() => {
    const inner = widgetFrame(el)?.contentDocument?.querySelector('tl-workflow') as TlWorkflow | null | undefined;
    return inner?.shadowRoot?.querySelector('form[data-step-id]') ? inner : null;
  }, 'the workflow inside the frame');
}

/** Collects the `tl-` events an element fires, in order. */
export function recordEvents(el: HTMLElement): Array<{ type: string; detail: unknown }> {
  const seen: Array<{ type: string; detail: unknown }> = [];
  const names = ['tl-token-expiring', 'tl-token-expired', 'tl-error', 'tl-ready', 'tl-step-change', 'tl-complete', 'tl-cancel'];
  for (const type of names) el.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  return seen;
}
