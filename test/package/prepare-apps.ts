/**
 * `npm run test:apps` (run by `npm test` after the build): makes the package as npm would publish
 * it and installs it where apps do, so the tests exercise what a user installs.
 *
 * 1. `npm pack` into `.pack/` (gitignored); the tarball is copied to `.pack/tl-workflow.tgz`; the
 *    sandbox package (`sandbox/`, built by `npm run build`) likewise to `.pack/tl-workflow-sandbox.tgz`.
 * 2. For each app under test (its own package.json depending on `file:` that tarball): a fresh
 *    install of the tarball (`npm install --prefer-offline`, no lockfile), then a production build
 *    with Vite (tree shaking on, so a wrong `sideEffects` in package.json would drop code).
 *
 * The apps: `test/apps/integrator` (a client's app with its Playwright tests: both tarballs, no
 * build; `npm run test:integrator` runs it), `test/apps/npm` (a plain page, bundles `dist/main.js` and `dist/v2.js` for the
 * end-to-end tests), `demo/react` (React 19, built in development mode so StrictMode's double
 * effects run), `demo/react18` (the same sources with React 18) and `demo/vue` (Vue 3). The demos' type probes are checked by
 * test/node/type-probes.test.ts against what this installs. Then the framework apps under test/apps/:
 * `next` (Next.js 16, app router, production build; driven by test/node/next-app.test.ts),
 * `svelte` (Svelte 5, bundled by Vite; svelte-check in the type probes) and `angular` (Angular 20:
 * `ngc` with strictTemplates, then Vite through Angular's linker). Nothing reaches the network but
 * the npm registry (Next's telemetry is off; the app loads no fonts). Each app's time is printed.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const PACK_DIR = `${root}.pack`;

/** Packs the package in `dir` (the repository's root, or `sandbox/`) into `.pack/<name>.tgz`; returns what `npm pack --json` reports. */
export async function pack(dir = root, name = 'tl-workflow'): Promise<{ filename: string; files: Array<{ path: string }> }> {
  await mkdir(PACK_DIR, { recursive: true });
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', PACK_DIR], { cwd: dir });
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error('npm pack reported nothing');
  await copyFile(`${PACK_DIR}/${info.filename}`, `${PACK_DIR}/${name}.tgz`);
  return info;
}

/** The environment of npm and Vite child processes: without the NODE_ENV=production that Vite's build() sets here. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  return env;
}

/** Installs the freshly packed tarball (and the app's other dependencies) into `appDir`. */
export async function installTarball(appDir: string): Promise<void> {
  // npm keeps an installed `file:` tarball of the same version: remove it so the new one goes in.
  await rm(`${appDir}/node_modules/tl-workflow`, { recursive: true, force: true });
  await rm(`${appDir}/node_modules/tl-workflow-sandbox`, { recursive: true, force: true });
  await rm(`${appDir}/node_modules/.package-lock.json`, { force: true });
  await run('npm', ['install', '--no-package-lock', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: appDir,
    env: childEnv(),
  });
}

/** Bundles one entry of the plain npm app into `dist/<name>.js` (the parts it loads on demand split off into `dist/assets/`). */
async function bundleEntry(appDir: string, name: string, emptyOutDir: boolean): Promise<void> {
  await build({
    root: appDir,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist',
      emptyOutDir,
      target: 'es2021',
      modulePreload: false,
      sourcemap: true,
      rollupOptions: { input: { [name]: `${appDir}/${name}.js` }, output: { entryFileNames: '[name].js' } },
    },
  });
}

/** Installs a demo app and builds it with its own Vite and config (`vite build --mode <mode>`). */
async function buildDemo(appDir: string, mode: string): Promise<void> {
  await installTarball(appDir);
  await run('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], { cwd: appDir, env: childEnv() });
}

/** Runs one of an app's own binaries (from its node_modules). */
async function runIn(appDir: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  await run(`${appDir}/node_modules/.bin/${command}`, args, { cwd: appDir, env: { ...childEnv(), ...env }, maxBuffer: 16 * 1024 * 1024 });
}

/** The framework apps: each installed from the tarball, then built as its framework builds. */
const FRAMEWORK_APPS: Record<string, (appDir: string) => Promise<void>> = {
  next: (appDir) => runIn(appDir, 'next', ['build'], { NEXT_TELEMETRY_DISABLED: '1' }),
  svelte: (appDir) => runIn(appDir, 'vite', ['build', '--logLevel', 'warn']),
  angular: async (appDir) => {
    await runIn(appDir, 'ngc', ['-p', 'tsconfig.json']);
    await runIn(appDir, 'vite', ['build', '--logLevel', 'warn']);
  },
};

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const started = Date.now();
  await rm(PACK_DIR, { recursive: true, force: true });
  const info = await pack();
  console.log(`packed ${info.filename}: ${info.files.length} files`);
  const sandbox = await pack(`${root}sandbox`, 'tl-workflow-sandbox');
  console.log(`packed ${sandbox.filename}: ${sandbox.files.length} files`);
  await installTarball(`${root}test/apps/integrator`);
  console.log(`test/apps/integrator: installed from both tarballs (${seconds(started)})`);
  const npmApp = `${root}test/apps/npm`;
  await installTarball(npmApp);
  await bundleEntry(npmApp, 'main', true);
  await bundleEntry(npmApp, 'v2', false);
  console.log(`test/apps/npm: installed from the tarball and bundled (${seconds(started)})`);
  // One after the other: two npm installs at once race over the npm cache.
  await buildDemo(`${root}demo/react`, 'development');
  await buildDemo(`${root}demo/react18`, 'development');
  await buildDemo(`${root}demo/vue`, 'production');
  console.log(`demo/react, demo/react18, demo/vue: installed from the tarball and built (${seconds(started)})`);
  for (const [name, buildApp] of Object.entries(FRAMEWORK_APPS)) {
    const appDir = `${root}test/apps/${name}`;
    const since = Date.now();
    await installTarball(appDir);
    const installed = seconds(since);
    await buildApp(appDir);
    console.log(`test/apps/${name}: installed from the tarball in ${installed}, built in ${seconds(since)} in all (${seconds(started)})`);
  }
}

// Run as `npm run test:apps`; scripts/build-site.ts imports pack() and installTarball().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
