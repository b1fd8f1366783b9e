import { noChange, type ElementPart } from 'lit';
import { Directive, directive, type Part } from 'lit/directive.js';

/**
 * Keeps keyboard focus in place when the control that had it disappears on re-render (a Remove,
 * Cancel or Stay button replaced by another control). For a few frames after the action: while
 * focus is still inside `from` (the runner has not re-rendered yet), it waits; once focus was lost
 * (the shadow root has no active element), it moves to the first of `ids` that exists. With
 * `force`, it moves there as soon as one exists (e.g. the first field of a group entry just added).
 */
export function refocusAfterRender(from: Element, ids: string[], force = false): void {
  const root = from.getRootNode() as ShadowRoot;
  let framesLeft = 10;
  const attempt = () =>
    requestAnimationFrame(() => {
      const active = root.activeElement;
      if (!force && active) {
        // Still inside `from` (not re-rendered yet): wait. Elsewhere and connected: the user moved on.
        if (from.isConnected && from.contains(active)) {
          if (framesLeft--) attempt();
          return;
        }
        if (active.isConnected) return;
      }
      const target = ids.map((id) => root.getElementById?.(id)).find(Boolean);
      if (target instanceof HTMLElement) target.focus();
      else if (framesLeft--) attempt();
    });
  attempt();
}

/** See `focusOnce`. */
class FocusOnce extends Directive {
  #done = false;

  render() {
    return noChange;
  }

  override update(part: Part) {
    const el = (part as ElementPart).element;
    if (!this.#done && el instanceof HTMLElement) {
      this.#done = true;
      requestAnimationFrame(() => {
        if (el.isConnected) el.focus();
      });
    }
    return noChange;
  }
}

/**
 * `<button ${focusOnce()}>`: focuses the element once it is in the document, after its first
 * render only (the directive lives as long as the element). A plain directive, not Lit's `ref`:
 * that one needs the async-directive machinery, 0.6 KB more in the script-tag file.
 */
export const focusOnce = directive(FocusOnce);
