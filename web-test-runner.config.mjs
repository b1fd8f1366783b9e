// web-test-runner: browser tests in headless Debian Chromium, against the real sandbox served by
// the test server itself under /tl-api (see sandbox/middleware.ts). Run through `npm run test:browser`,
// which loads tsx so this file can import the TypeScript sandbox.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { sandboxMiddleware } from './sandbox/middleware.ts';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  files: ['test/**/*.test.ts', '!test/sandbox/**'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  middleware: [sandboxMiddleware({ prefix: '/tl-api' })],
  plugins: [esbuildPlugin({ ts: true, tsconfig })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        args: [
          '--no-sandbox',
          '--disable-dev-shm-usage',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
