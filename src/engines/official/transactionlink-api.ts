/**
 * TransactionLink's published browser API, as the examples in its docs declare it (the addresses
 * of its widget script are in on-demand.ts, in the main file). Nothing here touches the DOM.
 */

/** `window.transactionlink`, defined by TransactionLink's script before it calls `transactionlink_ready()`. */
export interface TransactionLinkApi {
  setOptions(options: TransactionLinkOptions): void;
  open(): void;
  close(): void;
  /** Removes the widget's frame from the page. */
  unmountWidget(): void;
  /** Subscribes to a widget event. TransactionLink documents no way to unsubscribe and no payloads. */
  on(eventName: string, callback: (payload?: unknown) => void): void;
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

/** The two page globals of TransactionLink's embed. */
export interface TransactionLinkGlobals {
  transactionlink?: unknown;
  transactionlink_ready?: () => void;
}

/** The page's globals, typed for the two names TransactionLink uses (never declared on `Window` for hosts). */
export function transactionLinkGlobals(): TransactionLinkGlobals {
  return window as unknown as TransactionLinkGlobals;
}

/** True for an object with the five published methods. */
export function isTransactionLinkApi(value: unknown): value is TransactionLinkApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return ['setOptions', 'open', 'close', 'unmountWidget', 'on'].every((name) => typeof api[name] === 'function');
}

/** A string field of an event payload, if there is one (payloads are undocumented: anything may come). */
function field(payload: unknown, names: readonly string[]): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  try {
    for (const name of names) {
      const value = (payload as Record<string, unknown>)[name];
      if (typeof value === 'string' && value.length > 0 && value.length <= 200) return value;
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

/** A human-readable message in a payload, never one that contains the token. */
export function payloadMessage(payload: unknown, token: string): string | null {
  const message = typeof payload === 'string' ? payload : field(payload, ['message']);
  if (!message || message.length > 200 || (token && message.includes(token))) return null;
  return message;
}
