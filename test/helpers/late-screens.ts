/**
 * The loading and waiting screens show once they have been up for 0.3 s (the `tl-late` CSS
 * animation: src/views/styles/steps.ts; Chromium applies it). A test that checks such a screen as
 * the user then sees it (axe, layout) ends that delay first, on the animation's own clock: no time
 * is waited, and no check runs on a screen that is not shown yet.
 */
export function showLateScreens(root: DocumentOrShadowRoot): void {
  for (const animation of root.getAnimations()) {
    if ((animation as CSSAnimation).animationName === 'tl-late') animation.finish();
  }
}

/** The running `tl-late` delay of `element`, for a test of the delay itself (none when it has ended). */
export function lateDelay(element: Element): Animation | undefined {
  return element.getAnimations().find((animation) => (animation as CSSAnimation).animationName === 'tl-late');
}
