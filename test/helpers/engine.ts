/**
 * The engine a browser test runs in, and the tests an engine cannot run because its driver lacks
 * something (never because the widget fails there). Such a suite is still declared everywhere:
 * in the other engines it is reported as skipped, with the reason in its title, and README.md's
 * "Browser support" lists it.
 */
export type Engine = 'Chromium' | 'Firefox' | 'WebKit';

function detect(userAgent: string): Engine {
  if (userAgent.includes('Firefox/')) return 'Firefox';
  if (userAgent.includes('Chrome/')) return 'Chromium';
  return 'WebKit';
}

export const engine: Engine = detect(navigator.userAgent);

/** What a test may need from the test driver, the engines whose driver has it, and why the others do not. */
export const DRIVER_NEEDS = {
  mediaEmulation: {
    engines: ['Chromium', 'Firefox'] as Engine[],
    reason: 'WebDriver cannot emulate prefers-color-scheme / prefers-reduced-motion, and MiniBrowser has no setting for them',
  },
  narrowViewport: {
    engines: ['Chromium', 'Firefox'] as Engine[],
    reason: "MiniBrowser's window cannot be narrower than its toolbar (447 px)",
  },
};

/** Whether this engine's driver has `need`. */
export function driverHas(need: keyof typeof DRIVER_NEEDS): boolean {
  return DRIVER_NEEDS[need].engines.includes(engine);
}

/** `describe` where the engine's driver has `need`; elsewhere a skipped suite whose title says why. */
export function describeWhereDriverHas(need: keyof typeof DRIVER_NEEDS, title: string, suite: () => void): void {
  if (driverHas(need)) describe(title, suite);
  else describe.skip(`${title} [skipped in ${engine}: ${DRIVER_NEEDS[need].reason}]`, suite);
}
