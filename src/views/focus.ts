/**
 * Keeps keyboard focus in place when the control that had it disappears on re-render (a Remove,
 * Cancel or Stay button replaced by another control). For a few frames after the action: while
 * focus is still inside `from` (the runner has not re-rendered yet), it waits; once focus was lost
 * (the shadow root has no active element), it moves to the first of `ids` that exists. With
 * `force`, it moves there as soon as one exists (e.g. the first field of a group entry just added).
 */
export function refocusAfterRender(from: Element, ids: string[], force = false): void {
  const root = from.getRootNode() as Document | ShadowRoot;
  const find = () => ids.map((id) => root.getElementById?.(id) ?? null).find((el) => el !== null);
  const attempt = (framesLeft: number) => {
    requestAnimationFrame(() => {
      const active = root.activeElement;
      const target = find();
      if (force) {
        if (target instanceof HTMLElement) target.focus();
        else if (framesLeft > 0) attempt(framesLeft - 1);
        return;
      }
      const waiting = from.isConnected && active !== null && (active === from || from.contains(active));
      if (waiting) {
        if (framesLeft > 0) attempt(framesLeft - 1);
        return;
      }
      if (active && active.isConnected) return;
      if (target instanceof HTMLElement) target.focus();
      else if (framesLeft > 0) attempt(framesLeft - 1);
    });
  };
  attempt(10);
}

/** A Lit `ref` callback that focuses the element once it is in the document (stable identity: runs once per element). */
export function focusWhenConnected(el: Element | undefined): void {
  if (!(el instanceof HTMLElement)) return;
  requestAnimationFrame(() => {
    if (el.isConnected) el.focus();
  });
}
