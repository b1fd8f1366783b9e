/**
 * TransactionLink's browser API, as its public code declares it, in both generations (the script
 * addresses are in official-engine.ts). Nothing here touches the DOM.
 *
 * - Current (transactionlink/examples, `vite-env.d.ts`): `setOptions({ token, ... })`, `open`,
 *   `close`, `unmountWidget`, `on(eventName, callback)`.
 * - Older (transactionlink/transactionlink-js, `index.d.ts`): `setContext(token)`, `open`, `close`,
 *   `on`, `off(eventName, callback)`; no `setOptions`, no `unmountWidget`.
 */

type Callback = (payload?: unknown) => void;

/**
 * `window.transactionlink`, defined by TransactionLink's script. Required: `open` and one of
 * `setOptions` / `setContext`; the rest is used when the script has it.
 */
export interface TransactionLinkApi {
  setOptions?(options: TransactionLinkOptions): void;
  /** The older generation's way to hand over the token. */
  setContext?(token: string): void;
  open(): void;
  close?(): void;
  /** Removes the widget's frame from the page. */
  unmountWidget?(): void;
  /** Subscribes to a widget event (payloads are undocumented). */
  on?(eventName: string, callback: Callback): void;
  /** Unsubscribes (older generation only). */
  off?(eventName: string, callback: Callback): void;
}

/** What the engine passes to `setOptions`: the token, and the embedded-flow options of TransactionLink's examples. */
interface TransactionLinkOptions {
  token: string;
  inline: boolean;
  autoHeight: boolean;
}

/** The events TransactionLink's widget is known to emit (names only; their payloads are undocumented). */
export const TRANSACTIONLINK_EVENTS = ['widget-opened', 'workflow-finished', 'widget-closed', 'error'] as const;

export type TransactionLinkEventName = (typeof TRANSACTIONLINK_EVENTS)[number];

/** The two globals of TransactionLink's embed, on the window its script runs in. */
export interface TransactionLinkGlobals {
  transactionlink?: unknown;
  transactionlink_ready?: () => void;
}

/** True for an object with `open` and `setOptions` or `setContext`, each optional method a function or absent. */
export function isTransactionLinkApi(value: unknown): value is TransactionLinkApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  const has = (name: string) => typeof api[name] === 'function';
  return has('open') && (has('setOptions') || has('setContext'));
}

/** A string field of an event payload, if there is one (payloads are undocumented: anything may come). */
function field(payload: unknown, names: readonly string[], maxLength = 200): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  try {
    for (const name of names) {
      const value = (payload as Record<string, unknown>)[name];
      if (typeof value === 'string' && value.length > 0 && value.length <= maxLength) return value;
    }
  } catch {
    // A payload whose getters throw is a payload we cannot read.
  }
  return null;
}

/** The workflow (execution) id in a payload, if it carries one. */
export function payloadWorkflowId(payload: unknown): string | null {
  return field(payload, ['workflowId', 'workflowExecutionId', 'executionId', 'id']);
}

/** The workflow status in a payload (`COMPLETED`, `AWAITING`, ...), if it carries one. */
export function payloadStatus(payload: unknown): string | null {
  return field(payload, ['status']);
}

/**
 * A readable message in a payload (a string, or its `message`), if it has one. It may quote the
 * token, so it is as long as it comes: redact.ts removes the token, then shortens it.
 */
export function payloadMessage(payload: unknown): string | null {
  if (typeof payload === 'string') return payload || null;
  return field(payload, ['message'], 10_000);
}
