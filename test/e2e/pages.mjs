// The pages the end-to-end tests run in: each loads one build of the widget before the tests.
// The tests find <tl-workflow> by its tag and import nothing of the widget, so the same journeys
// drive whichever build the page loaded. Used by web-test-runner.config.mjs.

/** The builds a page can load: what a user ships, and the sources for development. */
export const BUILDS = {
  // dist/tl-workflow.iife.js through a plain script tag, as a CDN user loads it.
  iife: '<script src="/dist/tl-workflow.iife.js" data-tl-build></script>',
  // The ES build as an app installs it: `npm pack` tarball, installed into test/apps/npm and bundled
  // by Vite with tree shaking (test/package/prepare-apps.ts).
  npm: '<script type="module" src="/test/apps/npm/dist/main.js" data-tl-build></script>',
  // The sources (fast feedback while developing; not what ships).
  src: '<script type="module" src="/src/define.ts" data-tl-build></script>',
};

/** The e2e test files, and the test files that only make sense against built files. */
export const E2E_FILES = 'test/e2e/**/*.test.ts';

/** A test page that loads `build` before the test framework. */
function page(build) {
  return (testFramework) => `<!doctype html>
<html lang="en" data-tl-build="${build}">
  <head><meta charset="utf-8"></head>
  <body>
    ${BUILDS[build]}
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}

/**
 * One web-test-runner group per build in `builds` (default: the two that ship; `TL_E2E_BUILDS=src`
 * runs the journeys against the sources). None when the command line names `--files`: running a
 * few test files while developing runs just those.
 */
export function e2eGroups(builds = (process.env.TL_E2E_BUILDS ?? 'iife,npm').split(','), argv = process.argv) {
  if (argv.includes('--files')) return [];
  return builds.map((build) => {
    if (!(build in BUILDS)) throw new Error(`TL_E2E_BUILDS: unknown build "${build}" (one of ${Object.keys(BUILDS).join(', ')})`);
    return { name: `e2e-${build}`, files: E2E_FILES, testRunnerHtml: page(build) };
  });
}

/** The framework demos and apps, built from the packed tarball by test/package/prepare-apps.ts. */
const DEMOS = {
  react: '/demo/react/dist/assets/index.js',
  react18: '/demo/react18/dist/assets/index.js',
  vue: '/demo/vue/dist/assets/index.js',
  svelte: '/test/apps/svelte/dist/assets/index.js',
  angular: '/test/apps/angular/dist/assets/index.js',
};

/** One group per framework demo: its page mounts the demo's bundle, its test drives it. */
export function demoGroups(argv = process.argv) {
  if (argv.includes('--files')) return [];
  return Object.entries(DEMOS).map(([name, bundle]) => ({
    name: `demo-${name}`,
    files: `test/demos/${name}.test.ts`,
    testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"></head>
  <body>
    <div id="app"></div>
    <script type="module" src="${bundle}"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  }));
}

/** The static site's test files (dist-site/, served as files under a prefix by test/site/static-host.ts). */
export const SITE_FILES = 'test/site/**/*.test.ts';

/** The static site's group: after `npm run build:site`, in every engine the run has. */
export function siteGroups(argv = process.argv) {
  if (argv.includes('--files')) return [];
  return [{ name: 'site', files: SITE_FILES }];
}
