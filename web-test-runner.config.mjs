// web-test-runner: browser tests in Chromium, Firefox and WebKit from Debian (test/browsers.ts), against
// the real sandbox served by the test server itself under /tl-api (see sandbox/middleware.ts), and the
// demo's backend (tl-workflow/server's widgetTokenHandler) under /demo-api (see demo/backend-mount.ts).
// Run through `npm run test:browser`, which loads tsx so this file can import the TypeScript sandbox.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { sandboxMiddleware, sharedSandbox } from './sandbox/middleware.ts';
// The strict policy the pages under test/csp/ are served with (the replica's frame has the same).
import { strictCsp } from './sandbox/csp.ts';
import { demoBackendMiddleware } from './demo/backend-mount.ts';
import { tokenEndpointMiddleware } from './test/helpers/token-endpoint-server.ts';
import { faultProxy } from './test/faults/proxy.ts';
import { partFaults } from './test/helpers/part-faults.ts';
import { browserCommandsPlugin } from './test/browser-commands.ts';
import { browserLaunchers } from './test/browsers.ts';
import { engineSummaryReporter } from './test/engine-reporter.ts';
import { E2E_FILES, SITE_FILES, demoGroups, e2eGroups, siteGroups } from './test/e2e/pages.mjs';
import { staticSite } from './test/site/static-host.ts';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/**
 * The README's policy for a host of the official engine, plus `'self'` in frame-src: in tests the
 * replica of TransactionLink's widget (script and frame) is served by the test server itself.
 */
export const OFFICIAL_CSP = [
  "default-src 'self'",
  "script-src 'self' https://widget.transactionlink.io https://widget.sandbox.transactionlink.io https://widget.staging.transactionlink.io",
  "frame-src 'self' https://*.transactionlink.io",
  "style-src 'self'",
  "img-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html tl-workflow',
].join('; ');

/** A policy allowing nothing of TransactionLink's hosts: requests to them become violation reports, never network. */
export const BLOCKING_CSP = [
  "default-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html tl-workflow',
].join('; ');

/** The policy of each page under test/ that is served with one: the documented CSP of each way to load the widget. */
const PAGE_POLICIES = {
  // The script-tag build alone: its bundled Lit's policy is `tl-workflow`.
  '/test/csp/strict-page.html': strictCsp('tl-workflow'),
  // The script-tag build whose files next to it cannot be loaded (offlineParts below).
  '/test/csp/offline-parts.html': strictCsp('tl-workflow'),
  // A host page with its own Lit and the script-tag build (loaded twice).
  '/test/csp/host-lit-iife.html': strictCsp('lit-html tl-workflow'),
  // A host page with its own Lit and the npm build: one shared Lit, one `lit-html` policy.
  '/test/csp/host-lit-npm.html': strictCsp('lit-html'),
  '/test/official/pages/official-csp.html': OFFICIAL_CSP,
  '/test/official/pages/default-script.html': BLOCKING_CSP,
};

/**
 * test/csp/offline/: the script-tag build as if the files next to it (language files, official
 * engine) were unreachable (503), for the page that checks the widget goes on in English.
 */
async function offlineParts(ctx, next) {
  if (ctx.path === '/test/csp/offline/tl-workflow.iife.js') ctx.url = '/dist/tl-workflow.iife.js';
  else if (ctx.path.startsWith('/test/csp/offline/')) {
    ctx.status = 503;
    return;
  }
  await next();
}

/** Adds the CSP header to the test pages that are served with one. */
async function strictCspPages(ctx, next) {
  await next();
  const policy = PAGE_POLICIES[ctx.path];
  if (policy) ctx.set('Content-Security-Policy', policy);
}

export default {
  files: ['test/**/*.test.ts', '!test/sandbox/**', '!test/node/**', `!${E2E_FILES}`, `!${SITE_FILES}`, '!test/demos/**', '!test/faults/**'],
  // The fault suite (test/faults/) runs on its own: `npm run test:faults`.
  // What ships, as users load it (test/e2e/pages.mjs): the end-to-end journeys once per build, and
  // the React and Vue demos installed from the packed tarball.
  groups: [...e2eGroups(), ...demoGroups(), ...siteGroups()],
  nodeResolve: true,
  concurrency: 1,
  // A test's timeout only catches a hang: a busy CI machine runs 3-4 times (and more) slower than an idle
  // one, and no test may fail for being slow. Waits inside tests (until(): 30 s) end before it, with a message.
  testFramework: { config: { timeout: 120_000 } },
  // Hang guards too, with room for a busy machine: a browser start, a test file's page load, a whole test
  // file (the fault suite's files run a hundred journeys).
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 45 * 60_000,
  middleware: [
    // dist-site/ as a plain static host serves it, under /tl-workflow/ (test/site/).
    staticSite(),
    strictCspPages,
    offlineParts,
    // A build (script tag or npm) in a page of its own under a strict CSP, a part answering 500 once (test/helpers/part-faults.ts).
    partFaults({ policy: { iife: strictCsp('tl-workflow'), npm: strictCsp('lit-html') } }),
    sandboxMiddleware({ prefix: '/tl-api' }),
    demoBackendMiddleware({ prefix: '/demo-api' }),
    // A host's token endpoint (widgetTokenHandler over the sandbox) with scripted failures (test/helpers/token-endpoint-server.ts).
    tokenEndpointMiddleware({ prefix: '/token-endpoint' }),
    // The same sandbox behind a fault proxy, at /tl-faulty (test/faults/proxy.ts).
    faultProxy({ prefix: '/tl-faulty', sandbox: () => sharedSandbox('/tl-api') }),
  ],
  // json: the theme studio (demo/gallery.html) imports the sandbox's workflow files.
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig }), browserCommandsPlugin()],
  // Chromium by default; BROWSERS=all (or a list such as firefox,webkit) for the others (test/browsers.ts).
  browsers: browserLaunchers(),
  reporters: [defaultReporter(), engineSummaryReporter()],
};
