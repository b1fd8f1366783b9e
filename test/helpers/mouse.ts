/**
 * A real mouse click, as a user makes it, for every test that clicks: through the browser
 * (web-test-runner's sendMouse), in the middle of the element, once the browser's own hit test
 * puts the mouse there. Works in the three engines, and inside same-origin frames.
 */
import { sendMouse } from '@web/test-runner-commands';
import { pause, realNow } from './real-time.js';
import { until } from './until.js';

/** Resolves at the next animation frame. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Where the viewport of `target`'s document starts in the top page's viewport ((0, 0) outside frames). */
function frameOffset(target: Element): { x: number; y: number } {
  const frame = target.ownerDocument.defaultView?.frameElement;
  if (!frame) return { x: 0, y: 0 };
  const box = frame.getBoundingClientRect();
  const outer = frameOffset(frame);
  return { x: outer.x + box.x + frame.clientLeft, y: outer.y + box.y + frame.clientTop };
}

/**
 * Inside auto-height frames (the official engine's, and TransactionLink's inside it), waits until
 * each frame around `target` has grown to its content: a click computed while one still scrolls
 * inside would land where the content was.
 */
async function frameSettled(target: Element): Promise<void> {
  const fitted = (doc: Document): boolean => {
    const frame = doc.defaultView?.frameElement as HTMLIFrameElement | null | undefined;
    return !frame || (doc.documentElement.scrollHeight <= frame.clientHeight + 1 && fitted(frame.ownerDocument));
  };
  if (!target.ownerDocument.defaultView?.frameElement) return;
  await until(() => fitted(target.ownerDocument), 'the frames to fit their content');
  await nextFrame();
  await nextFrame();
}

/**
 * Moves the real mouse to `position` and resolves whether the browser put it on `target` (a
 * `mousemove` reached it, or it is hovered: a disabled control may get no mouse events). A move,
 * unlike a click, does nothing where it lands, so it checks where a click at `position` would go.
 * It starts from the page's corner, so that the mouse really moves even if it was already there.
 * How long it waits for the move to arrive follows the machine: ten times what the first move
 * took to be sent (250 ms at least), so a busy machine is given the time it needs.
 */
async function pointerOn(target: Element, position: [number, number]): Promise<boolean> {
  let reached = false;
  const seen = () => (reached = true);
  const on = () => reached || target.matches(':hover');
  const sent = realNow();
  await sendMouse({ type: 'move', position: [0, 0] });
  const wait = Math.max(250, 10 * (realNow() - sent));
  target.addEventListener('mousemove', seen);
  try {
    await sendMouse({ type: 'move', position });
    const deadline = realNow() + wait;
    while (!on() && realNow() < deadline) await pause(25);
    return on();
  } finally {
    target.removeEventListener('mousemove', seen);
  }
}

/**
 * Waits until no scroll is pending in `target`'s window and the top one: the same positions two
 * frames in a row (10 s at most: the caller checks the position anyway).
 */
async function scrollSettled(target: Element): Promise<void> {
  const windows = [...new Set([target.ownerDocument.defaultView ?? window, window.top ?? window])];
  const positions = () => windows.map((w) => `${w.scrollX},${w.scrollY}`).join(' ');
  const deadline = realNow() + 10_000;
  let last = positions();
  for (let still = 0; still < 2 && realNow() < deadline; ) {
    await nextFrame();
    const now = positions();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

const PRESS_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const;

/**
 * Presses and releases the mouse where it is, and resolves whether the press reached `target`.
 * If it reached something else, that element never sees it: the press and its click are stopped
 * (and their default actions, such as focus or opening a select, prevented) before any listener
 * of the page runs, so the caller can scroll and try again as if nothing had happened.
 */
async function press(target: Element): Promise<boolean> {
  const win = target.ownerDocument.defaultView ?? window;
  let pressed = false;
  let strayDone = false;
  let stray = false;
  const guard = (event: Event) => {
    if (event.composedPath().includes(target)) {
      if (event.type === 'pointerdown') pressed = true;
      return;
    }
    if (!pressed) {
      stray = true;
      // The click follows the mouseup in the same task: once either is seen, both have been stopped.
      if (event.type === 'click' || event.type === 'mouseup') strayDone = true;
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };
  for (const type of PRESS_EVENTS) win.addEventListener(type, guard, true);
  try {
    await sendMouse({ type: 'down' });
    await until(() => pressed || stray, 'the mouse press to arrive');
    await sendMouse({ type: 'up' });
    // A stray release is stopped too: keep the guard until it has arrived.
    if (stray) await until(() => strayDone, 'the stray mouse release to arrive');
    return pressed;
  } finally {
    for (const type of PRESS_EVENTS) win.removeEventListener(type, guard, true);
  }
}

/**
 * A real mouse click in the middle of `target` (also inside a same-origin frame), as the browser's
 * own hit test sends it: the mouse is moved there, then pressed, and both must reach `target`.
 *
 * Under load, Firefox has moved the page back by itself after the test scrolled it (392 px, then
 * 256-269 px, with no script asking; at times after the scroll had been still for two frames), so
 * that a click meant for Cancel opened the select above it. Each step is checked: the target in view once the scroll is still, the move on the target,
 * the press on the target (a stray press is stopped before the page sees it); if one fails, the
 * click scrolls and tries again, a few times at most.
 */
export async function click(target: Element): Promise<void> {
  await frameSettled(target);
  let where = 'out of view';
  for (let attempt = 0; attempt < 5; attempt++) {
    target.scrollIntoView({ block: 'center' });
    await scrollSettled(target);
    const box = target.getBoundingClientRect();
    const offset = frameOffset(target);
    const position: [number, number] = [Math.round(offset.x + box.x + box.width / 2), Math.round(offset.y + box.y + box.height / 2)];
    const inView = position[0] >= 0 && position[1] >= 0 && position[0] < top!.innerWidth && position[1] < top!.innerHeight;
    if (!inView) continue;
    where = `at ${position.join(',')}, not under the mouse`;
    if (!(await pointerOn(target, position))) continue;
    where = `at ${position.join(',')}, the press went elsewhere`;
    if (await press(target)) return;
  }
  throw new Error(`could not click ${target.outerHTML.slice(0, 80)}: ${where}`);
}
