/**
 * The page's real clock and timers, captured when the tests load: a test that installs sinon's
 * fake timers (to move the widget's clock to a token's expiry, say) still polls, pauses and
 * measures in real time through these, as mocha itself does.
 */
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realPerformanceNow = performance.now.bind(performance);

/** Milliseconds on a real, monotonic clock. */
export const realNow = (): number => realPerformanceNow();

/** Resolves after `ms` real milliseconds (0: the next task). */
export const pause = (ms = 0): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, ms));
