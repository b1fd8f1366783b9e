/** Helpers for tests of the official engine against the sandbox's replica of TransactionLink's widget. */
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { until } from '../e2e/driver.js';
import { API_BASE } from '../helpers/sandbox.js';

/** The replica of `transactionlink-widget.umd.js`, served by the sandbox under /tl-api. */
export const REPLICA_SRC = `${API_BASE}/widget/transactionlink-widget.umd.js`;

/** The replica in the modes named (sandbox/replica/modes.ts): `replicaIn('old-api', 'error-after-open')`. */
export const replicaIn = (...modes: string[]): string => `${REPLICA_SRC}?mode=${modes.join(',')}`;

/** The replica's framed workflow page. */
export const FRAME_URL = `${API_BASE}/widget/frame`;

/**
 * Every iframe under `root`: in its tree, in every open shadow root in it, and inside every
 * same-origin frame found (the official engine's own frame holds TransactionLink's).
 */
export function frames(root: Document | ShadowRoot = document): HTMLIFrameElement[] {
  const found: HTMLIFrameElement[] = [];
  for (const node of root.querySelectorAll('*')) {
    if (node.shadowRoot) found.push(...frames(node.shadowRoot));
    if (node instanceof HTMLIFrameElement || node.localName === 'iframe') {
      const frame = node as HTMLIFrameElement;
      found.push(frame);
      let inner: Document | null = null;
      try {
        inner = frame.contentDocument;
      } catch {
        // Another origin: nothing to look into.
      }
      if (inner) found.push(...frames(inner));
    }
  }
  return found;
}

/** The element's own frame, where TransactionLink's script runs (the default placement). */
export function realmFrame(el: TlWorkflow): HTMLIFrameElement | null {
  return el.shadowRoot!.querySelector('iframe');
}

/** TransactionLink's frame inside the element's `<transactionlink-widget>` (in its own frame, or its light DOM), once it is there. */
export function widgetFrame(el: TlWorkflow): HTMLIFrameElement | null {
  const inFrame = realmFrame(el)?.contentDocument?.querySelector<HTMLIFrameElement>('transactionlink-widget > iframe');
  return inFrame ?? el.querySelector('transactionlink-widget > iframe');
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

/** How many of each event the replica at work for `el` has emitted so far (sandbox/replica/host-script.ts). */
export function replicaEmitted(el: TlWorkflow): Record<string, number> {
  const realm = (realmFrame(el)?.contentWindow ?? window) as unknown as { transactionlinkReplica?: { emitted: Record<string, number> } };
  return { ...realm.transactionlinkReplica?.emitted };
}
