/**
 * Test-runner commands that work in every engine of test/browsers.ts, where the stock ones of
 * `@web/test-runner-commands` do not: `tl-set-viewport` (the stock `setViewport` has no WebDriver
 * implementation). Called from the browser through test/helpers/commands.ts.
 */
import type { TestRunnerPlugin } from '@web/test-runner-core';
import type { ChromeLauncher } from '@web/test-runner-chrome';
import { WebKitLauncher } from './webkit-launcher.ts';

interface Viewport {
  width: number;
  height: number;
}

function isViewport(payload: unknown): payload is Viewport {
  const { width, height } = (payload ?? {}) as Partial<Viewport>;
  return Number.isInteger(width) && Number.isInteger(height);
}

export function browserCommandsPlugin(): TestRunnerPlugin {
  return {
    name: 'tl-browser-commands',
    async executeCommand({ command, payload, session }) {
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
