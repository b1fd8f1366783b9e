/**
 * `npm run build:sandbox`: builds the `tl-workflow-sandbox` package into sandbox/dist/ (gitignored),
 * from the sandbox's sources where they are:
 *
 * - dist/replica/: the replica's two browser files, prebuilt (the host script, and the framed page's
 *   script with our native `<tl-workflow>` from src/): the package has neither esbuild nor src/;
 * - dist/{index,cli,playwright,vite}.js: the Node code, bundled by esbuild with Hono, jose and
 *   `@hono/node-server` left to the package's dependencies; replica/bundle.ts is replaced by
 *   replica/prebuilt.ts; the workflows and their lists are bundled in (JSON imports);
 * - dist/types/: declarations (tsc);
 * - dist/workflows, dist/data: the demo workflows and their lists, as JSON to read; dist/LICENSE.
 */
import { build, type Plugin } from 'esbuild';
import { execFile } from 'node:child_process';
import { copyFile, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { replicaScript } from './replica/bundle.ts';
import { REPLICA_FILES, type ReplicaBundle } from './replica/prebuilt.ts';

const SANDBOX = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${SANDBOX}dist/`;

/** The package's own module in place of the development one: the prebuilt replica. */
function packageLayout(): Plugin {
  return {
    name: 'tl-sandbox-package-layout',
    setup(b) {
      b.onResolve({ filter: /\/replica\/bundle\.ts$/ }, () => ({ path: `${SANDBOX}replica/prebuilt.ts` }));
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  await rm(DIST, { recursive: true, force: true });
  await mkdir(`${DIST}replica`, { recursive: true });
  for (const name of Object.keys(REPLICA_FILES) as ReplicaBundle[]) {
    await writeFile(`${DIST}replica/${REPLICA_FILES[name]}`, await replicaScript(name));
  }
  await build({
    absWorkingDir: ROOT,
    entryPoints: {
      index: 'sandbox/index.ts',
      cli: 'sandbox/bin.ts',
      playwright: 'sandbox/playwright/index.ts',
      vite: 'sandbox/vite.ts',
    },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    external: ['hono', 'hono/*', '@hono/node-server', 'jose', 'playwright-core', 'vite'],
    plugins: [packageLayout()],
    legalComments: 'none',
    logLevel: 'warning',
  });
  await cp(`${SANDBOX}workflows`, `${DIST}workflows`, { recursive: true, filter: (path) => !path.endsWith('.ts') });
  await cp(`${SANDBOX}data`, `${DIST}data`, { recursive: true });
  await copyFile(`${ROOT}LICENSE`, `${DIST}LICENSE`);
  await promisify(execFile)(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${SANDBOX}tsconfig.build.json`], { cwd: ROOT });
  console.log(`sandbox/dist: tl-workflow-sandbox built (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

await main();
