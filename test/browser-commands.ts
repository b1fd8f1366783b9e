/**
 * Test-runner commands that work in more engines of test/browsers.ts than the stock ones of
 * `@web/test-runner-commands`: `tl-set-viewport` (the stock `setViewport` has no WebDriver
 * implementation) and `tl-emulate-media` (the stock `emulateMedia` needs the DevTools protocol).
 * Called from the browser through test/helpers/commands.ts.
 */
import type { BasicTestSession, TestRunnerPlugin } from '@web/test-runner-core';
import type { ChromeLauncher } from '@web/test-runner-chrome';
import { emulateFirefoxMedia, type MediaFeatures } from './firefox-media.ts';
import { WebKitLauncher } from './webkit-launcher.ts';

interface Viewport {
  width: number;
  height: number;
}

function isViewport(payload: unknown): payload is Viewport {
  const { width, height } = (payload ?? {}) as Partial<Viewport>;
  return Number.isInteger(width) && Number.isInteger(height);
}

function isMediaFeatures(payload: unknown): payload is MediaFeatures {
  const { colorScheme, reducedMotion } = (payload ?? {}) as Record<string, unknown>;
  return (
    [undefined, 'light', 'dark'].includes(colorScheme as string) &&
    [undefined, 'reduce', 'no-preference'].includes(reducedMotion as string)
  );
}

/** Chromium: DevTools emulation; Firefox: its own preferences (firefox-media.ts); WebKit: none. */
async function emulateMedia(session: BasicTestSession, features: MediaFeatures): Promise<void> {
  const launcher = session.browser;
  if (launcher.type !== 'puppeteer') throw new Error(`tl-emulate-media: no implementation for ${launcher.name}`);
  const page = (launcher as ChromeLauncher).getPage(session.id);
  if (launcher.name === 'Firefox') {
    await emulateFirefoxMedia(page, features);
    return;
  }
  const emulated = [];
  if (features.colorScheme) emulated.push({ name: 'prefers-color-scheme', value: features.colorScheme });
  if (features.reducedMotion) emulated.push({ name: 'prefers-reduced-motion', value: features.reducedMotion });
  await page.emulateMediaFeatures(emulated);
}

export function browserCommandsPlugin(): TestRunnerPlugin {
  return {
    name: 'tl-browser-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'tl-emulate-media') {
        if (!isMediaFeatures(payload)) throw new Error('tl-emulate-media needs { colorScheme?, reducedMotion? }');
        await emulateMedia(session, payload);
        return true;
      }
      if (command !== 'tl-set-viewport') return undefined;
      if (!isViewport(payload)) throw new Error('tl-set-viewport needs { width, height } in whole pixels');
      const launcher = session.browser;
      if (launcher instanceof WebKitLauncher) {
        await launcher.setViewport(payload);
        return true;
      }
      if (launcher.type === 'puppeteer') {
        await (launcher as ChromeLauncher).getPage(session.id).setViewport(payload);
        return true;
      }
      throw new Error(`tl-set-viewport: no implementation for ${launcher.name}`);
    },
  };
}
