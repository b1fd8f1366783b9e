import type { WidgetRealm } from './realm.js';
import { injectScript, ScriptLoadError } from './script-loader.js';
import type { TransactionLinkApi } from './transactionlink-api.js';

/**
 * The default realm: a same-origin `about:blank` frame of the element's own, drawn in its shadow
 * root, whose document holds `<transactionlink-widget>` and runs TransactionLink's script. So the
 * script finds its tag with `document.querySelector` wherever the element is (any shadow root,
 * beside any other tag or copy of the script), every element has its own `window.transactionlink`,
 * and removal is removing the frame.
 *
 * The frame has no content of its own and no address: it inherits the page's origin and CSP
 * (Trusted Types included), and TransactionLink's script sees `location.href` `about:blank`. Inline,
 * it is as tall as its content (`autoHeight`); `modal`, it covers the viewport in the top layer
 * (a popover), shown once the widget has opened.
 */
export class FrameRealm implements WidgetRealm {
  readonly frame: HTMLIFrameElement;
  readonly #inline: boolean;
  readonly #rendered: () => Promise<unknown>;
  readonly #abort = new AbortController();
  #resizes?: ResizeObserver;

  /** `rendered`: resolves once the element has drawn `frame` (its next update). */
  constructor(inline: boolean, rendered: () => Promise<unknown>) {
    this.#inline = inline;
    this.#rendered = rendered;
    const frame = (this.frame = document.createElement('iframe'));
    // CSSOM, never a style attribute: allowed under `style-src 'self'`.
    const style = frame.style;
    Object.assign(style, { display: 'block', width: '100%', height: '0', border: '0' });
    if (!inline) {
      Object.assign(style, { position: 'fixed', inset: '0', height: '100%', margin: '0', padding: '0', maxWidth: 'none', maxHeight: 'none', background: 'transparent' });
      // The top layer: above the page whatever its stacking and containment (the host has `contain: content`).
      if (typeof frame.showPopover === 'function') frame.popover = 'manual';
      else frame.hidden = true;
    }
  }

  async load(src: string, timeoutMs: number): Promise<TransactionLinkApi> {
    await this.#rendered();
    if (this.#abort.signal.aborted) return new Promise(() => {});
    const target = this.frame.contentWindow as (Window & typeof globalThis) | null;
    if (!target) throw new ScriptLoadError('failed', src, timeoutMs);
    const doc = target.document;
    // Transparent around TransactionLink's own frame, in the page's colour scheme.
    doc.documentElement.style.colorScheme = getComputedStyle(this.frame).colorScheme;
    doc.body.style.margin = '0';
    const mount = doc.createElement('transactionlink-widget');
    mount.style.display = 'block';
    doc.body.append(mount);
    if (this.#inline) {
      // In the frame's realm, so it follows the frame's layout.
      this.#resizes = new target.ResizeObserver(() => {
        this.frame.style.height = `${Math.ceil(doc.body.getBoundingClientRect().height)}px`;
      });
      this.#resizes.observe(doc.body);
    }
    return injectScript(target, src, timeoutMs, this.#abort.signal);
  }

  show(): void {
    if (this.#inline || !this.frame.isConnected) return;
    this.frame.hidden = false;
    if (this.frame.popover && !this.frame.matches(':popover-open')) this.frame.showPopover();
  }

  dispose(): void {
    this.#abort.abort();
    this.#resizes?.disconnect();
    this.frame.remove();
  }
}
