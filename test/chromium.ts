/**
 * How the test runner and the benchmark start Chromium here: Debian's build, as root (so without
 * its sandbox), headless, and with the background services that phone home switched off.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The browser binary: `CHROME_PATH` when set, else Debian's Chromium. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
