/**
 * The postMessage protocol between the replica's host script (on the client's page) and its framed
 * workflow page, after TransactionLink's older widget wrapper: messages are `{ type, data }`, every
 * receiver checks the sender (`event.source`) and its origin, and the token travels only as the
 * data of `widget.setContext`, sent to the frame's exact origin. Never in a URL.
 */

/** Host page -> frame. */
export type HostToFrame =
  | { type: 'widget.initialize'; data: { inline: boolean; autoHeight: boolean } }
  | { type: 'widget.setContext'; data: string };

/** Frame -> host page. `widget-wrapper.event` and `.resize` are the replica's additions to the old wrapper's two. */
export type FrameToHost =
  | { type: 'widget-wrapper.ready' }
  | { type: 'widget-wrapper.close' }
  | { type: 'widget-wrapper.event'; data: { name: string; payload: unknown } }
  | { type: 'widget-wrapper.resize'; data: { height: number } };

/** True for a `{ type: string }` object (anything else posted to a window is ignored). */
export function isMessage(value: unknown): value is { type: string; data?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
