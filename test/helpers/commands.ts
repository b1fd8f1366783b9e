/**
 * Browser commands that work in Chromium, Firefox and WebKit (see test/browser-commands.ts for the
 * server side). Real keys and clicks come straight from `@web/test-runner-commands`.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Emulates the user's `prefers-color-scheme` / `prefers-reduced-motion`: DevTools emulation in
 * Chromium, Firefox's own settings in Firefox; WebKit's driver cannot (test/helpers/engine.ts).
 */
export async function emulateMedia(features: {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}): Promise<void> {
  await executeServerCommand('tl-emulate-media', features);
}

/** Sets the page's viewport in CSS pixels (a window resize in WebKit, where WebDriver has no viewport). */
export async function setViewport(viewport: { width: number; height: number }): Promise<void> {
  await executeServerCommand('tl-set-viewport', viewport);
}
