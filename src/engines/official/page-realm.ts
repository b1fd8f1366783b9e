import { claimTransactionLink, releaseTransactionLink } from './global-lock.js';
import type { WidgetRealm } from './realm.js';
import { loadTransactionLink } from './script-loader.js';
import type { TransactionLinkApi } from './transactionlink-api.js';

/** The slot the element shows its light-DOM `<transactionlink-widget>` through (official-view.ts draws it). */
const WIDGET_SLOT = 'transactionlink';

/**
 * `placement="light-dom"`: TransactionLink's script runs in the page (loaded once per page, see
 * script-loader.ts) and finds `<transactionlink-widget>` in the element's light DOM, shown through
 * its slot. The page has one `window.transactionlink`, so the realm holds the page's lock
 * (global-lock.ts) while it lives. Works only where `document.querySelector` sees the element
 * (not inside a shadow root) and no other `<transactionlink-widget>` comes before it.
 */
export class PageRealm implements WidgetRealm {
  readonly frame = null;
  readonly #owner: object;
  readonly #mount: HTMLElement;

  /** Takes the page's lock for `owner` and places the tag; null while another element holds it. */
  static claim(host: HTMLElement, owner: object, onFree: () => boolean): PageRealm | null {
    return claimTransactionLink(owner, onFree) ? new PageRealm(host, owner) : null;
  }

  private constructor(host: HTMLElement, owner: object) {
    this.#owner = owner;
    this.#mount = document.createElement('transactionlink-widget');
    this.#mount.slot = WIDGET_SLOT;
    host.append(this.#mount);
  }

  load(src: string, timeoutMs: number): Promise<TransactionLinkApi> {
    return loadTransactionLink(src, timeoutMs);
  }

  show(): void {
    // TransactionLink's script shows its modal over the page itself.
  }

  dispose(): void {
    this.#mount.remove();
    releaseTransactionLink(this.#owner);
  }
}
