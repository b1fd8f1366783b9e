import type { TransactionLinkApi } from './transactionlink-api.js';

/**
 * Where TransactionLink's script runs and finds its `<transactionlink-widget>`: a frame of the
 * element's own (frame-realm.ts, the default) or the page itself (page-realm.ts,
 * `placement="light-dom"`). One realm per start of the widget; disposing it removes all it added.
 */
export interface WidgetRealm {
  /** The frame the element draws in its shadow root; null when the widget lives in the light DOM. */
  readonly frame: HTMLIFrameElement | null;
  /** Loads TransactionLink's script at `src` into this realm; resolves with its API. */
  load(src: string, timeoutMs: number): Promise<TransactionLinkApi>;
  /** The widget is open: a modal frame comes up over the page. */
  show(): void;
  /** Removes the frame (or the light-DOM tag and the page's lock); a pending load stops. */
  dispose(): void;
}
