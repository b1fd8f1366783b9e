/**
 * The page's clock under the test's control, for what happens at a token's `exp`: sinon's fake
 * `Date` and timers (the widget's expiry watch, deadlines and delays run on them), while the test's
 * own waits stay in real time (real-time.ts) and the sandbox keeps its real clock. A token with the
 * usual hour of life is then "about to expire" or "expired" exactly when the test says, however
 * slow the machine: no short-lived token racing the first request.
 */
import sinon from 'sinon';

/** Installs the fake clock at the real time now; `restore()` it (or let `useFakeClock` do it). */
export function fakeClock(): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
}

/**
 * A fake clock per test of the calling `describe`, installed by `install()` when the test wants
 * it and restored after the test whatever happened. Returns `install`.
 */
export function useFakeClock(): () => sinon.SinonFakeTimers {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });
  return () => (clock = fakeClock());
}

/** Moves `clock` to `seconds` before the epoch second `exp` (a token's claim), firing every timer on the way. */
export function tickTo(clock: sinon.SinonFakeTimers, exp: number, seconds = 0): void {
  clock.tick(Math.max(0, exp * 1000 - seconds * 1000 - Date.now()));
}
