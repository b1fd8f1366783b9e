/**
 * The browsers web-test-runner runs the suite in, all from the system (nothing downloads one):
 *
 * - `chromium`: Debian's Chromium through puppeteer-core over the DevTools protocol;
 * - `firefox`: Debian's Firefox ESR through puppeteer-core over WebDriver BiDi;
 * - `webkit`: WebKitGTK's MiniBrowser (Safari's engine) through its WebKitWebDriver, which this
 *   launcher starts on a free port under a virtual X display (`xvfb-run`) and stops at the end.
 *
 * `BROWSERS` picks them: unset means `chromium` (fast, for development), `all` means all three,
 * or a comma-separated list (`BROWSERS=firefox,webkit`).
 *
 * What `@web/test-runner-commands` does in each (checked with the suite):
 * - `sendKeys`, `sendMouse`: all three. Firefox (puppeteer over BiDi) does not know the key name
 *   `Space` (press `' '`); WebKit has `type` and `press` only, typed one key at a time by
 *   webkit-launcher.ts.
 * - `setViewport`: Chromium and Firefox; WebKit through `setViewport` of test/helpers/commands.ts
 *   (a window resize; MiniBrowser's window is at least 447 px wide).
 * - `emulateMedia`: Chromium only (a DevTools-protocol command); test/helpers/commands.ts has one
 *   for Chromium and Firefox (its own dark-mode and reduced-motion preferences); none for WebKit.
 */
import type { BrowserLauncher } from '@web/test-runner-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { CHROMIUM_ARGS } from './chromium.ts';
import { WebKitLauncher } from './webkit-launcher.ts';

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** The engines named by `BROWSERS` (see the module comment); throws on an unknown name. */
export function selectedEngines(value = process.env.BROWSERS): EngineName[] {
  if (!value) return ['chromium'];
  if (value === 'all') return [...ENGINES];
  const names = value.split(',').map((name) => name.trim().toLowerCase());
  for (const name of names) {
    if (!(ENGINES as readonly string[]).includes(name)) {
      throw new Error(`BROWSERS: unknown engine "${name}" (use ${ENGINES.join(', ')} or all)`);
    }
  }
  return names as EngineName[];
}

/** One launcher per selected engine, for `browsers` in web-test-runner.config.mjs. */
export function browserLaunchers(engines = selectedEngines()): BrowserLauncher[] {
  return engines.map((engine) => LAUNCHERS[engine]());
}

const LAUNCHERS: Record<EngineName, () => BrowserLauncher> = {
  chromium: () => {
    const launcher = chromeLauncher({ launchOptions: { args: CHROMIUM_ARGS } });
    launcher.name = 'Chromium'; // the launcher says "Chrome"; this is Debian's Chromium
    return launcher;
  },
  firefox: () =>
    chromeLauncher({
      // puppeteer-core, never puppeteer: the latter downloads a browser when installed.
      puppeteer: puppeteerCore as unknown as NonNullable<Parameters<typeof chromeLauncher>[0]>['puppeteer'],
      // --remote-allow-system-access: lets the runner set Firefox's appearance preferences
      // (dark mode, reduced motion) for tests, see firefox-media.ts.
      launchOptions: {
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        args: ['--remote-allow-system-access'],
      },
    }),
  webkit: () => new WebKitLauncher(),
};
