/**
 * `prefers-color-scheme` and `prefers-reduced-motion` for Firefox driven over WebDriver BiDi, which
 * has no media emulation: the test runner sets the preferences a user sets in Firefox's settings
 * ("Website appearance", reduced motion), from Firefox's own chrome context. That needs Firefox to
 * be started with `--remote-allow-system-access` (test/browsers.ts does, for tests only).
 */
import type { Page } from 'puppeteer-core';

export interface MediaFeatures {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/** The part of puppeteer's BiDi connection used here (not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** The Firefox preference statements for `features`. */
function prefStatements(features: MediaFeatures): string {
  const statements: string[] = [];
  // layout.css.prefers-color-scheme.content-override: 0 dark, 1 light ("Website appearance").
  if (features.colorScheme) {
    const value = features.colorScheme === 'dark' ? 0 : 1;
    statements.push(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${value});`);
  }
  if (features.reducedMotion) {
    const value = features.reducedMotion === 'reduce' ? 1 : 0;
    statements.push(`Services.prefs.setIntPref('ui.prefersReducedMotion', ${value});`);
  }
  return statements.join(' ');
}

/** Sets the preferences, then waits until the page's media queries follow (Firefox applies them asynchronously). */
export async function emulateFirefoxMedia(page: Page, features: MediaFeatures): Promise<void> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: Array<{ context: string }>;
  };
  const chrome = tree.contexts[0];
  if (!chrome) throw new Error('Firefox: no chrome context (is --remote-allow-system-access set?)');
  await connection.send('script.evaluate', {
    expression: prefStatements(features),
    target: { context: chrome.context },
    awaitPromise: false,
  });
  const applied = (wanted: MediaFeatures) =>
    (!wanted.colorScheme || matchMedia(`(prefers-color-scheme: ${wanted.colorScheme})`).matches) &&
    (!wanted.reducedMotion || matchMedia(`(prefers-reduced-motion: ${wanted.reducedMotion})`).matches);
  await page.waitForFunction(applied, { timeout: 5000, polling: 20 }, features);
}
