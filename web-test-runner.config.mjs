// web-test-runner: browser tests in headless Debian Chromium, against the real sandbox served by
// the test server itself under /tl-api (see sandbox/middleware.ts), and the demo's backend
// (tl-workflow/server's widgetTokenHandler) under /demo-api (see demo/backend-mount.ts).
// Run through `npm run test:browser`, which loads tsx so this file can import the TypeScript sandbox.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { sandboxMiddleware } from './sandbox/middleware.ts';
import { demoBackendMiddleware } from './demo/backend-mount.ts';
import { CHROMIUM_ARGS } from './test/chromium.ts';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/** The strict policy the pages under test/csp/ are served with: no inline code, Trusted Types on. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob:",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
  "frame-ancestors 'self'",
].join('; ');

/** Adds the strict CSP header to the test/csp/ pages. */
async function strictCspPages(ctx, next) {
  await next();
  if (ctx.path.startsWith('/test/csp/')) ctx.set('Content-Security-Policy', STRICT_CSP);
}

export default {
  files: ['test/**/*.test.ts', '!test/sandbox/**', '!test/node/**'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  middleware: [strictCspPages, sandboxMiddleware({ prefix: '/tl-api' }), demoBackendMiddleware({ prefix: '/demo-api' })],
  plugins: [esbuildPlugin({ ts: true, tsconfig })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
