/**
 * Keeps keyboard focus in place when the control that had it disappears on re-render (a Remove
 * or Cancel button replaced by another control). After the next frames, if focus was lost (the
 * shadow root has no active element), it moves to the first of `ids` that exists. With `force`, it
 * moves there even if focus was not lost (e.g. to the first field of a group entry just added).
 */
export function refocusAfterRender(from: Element, ids: string[], force = false): void {
  const root = from.getRootNode() as Document | ShadowRoot;
  const attempt = (triesLeft: number) => {
    requestAnimationFrame(() => {
      const active = root.activeElement;
      if (!force && active && active !== from && active.isConnected) return;
      const target = ids.map((id) => root.getElementById?.(id) ?? null).find((el) => el !== null);
      if (target instanceof HTMLElement) target.focus();
      else if (triesLeft > 0) attempt(triesLeft - 1);
    });
  };
  attempt(3);
}

/** A Lit `ref` callback that focuses the element once it is in the document (stable identity: runs once per element). */
export function focusWhenConnected(el: Element | undefined): void {
  if (!(el instanceof HTMLElement)) return;
  requestAnimationFrame(() => {
    if (el.isConnected) el.focus();
  });
}
