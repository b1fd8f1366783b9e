/**
 * What ships, measured as a browser downloads it (gzip -9 and brotli): every file of dist/, what
 * an app's Vite build makes of the npm build, and the answer checker's bytes in the script-tag
 * file. Used by `npm run bench`, by the size budgets (test/node/size-budgets.test.ts) and by
 * `npm run sizes` (docs/size-and-speed.md's table). Run `npm run build` first.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, type Plugin, type Rollup, type UserConfig } from 'vite';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

const sizeOf = (bytes: Uint8Array | string): Size => ({
  raw: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes).length,
});

/** Every `.js` file of dist/ by name (whatever the builds emit, so a new output shows up without a change here). */
export async function distSizes(): Promise<Record<string, Size>> {
  const names = (await readdir(DIST)).filter((name) => name.endsWith('.js')).sort();
  const out: Record<string, Size> = {};
  for (const name of names) out[name] = sizeOf(await readFile(join(DIST, name)));
  return out;
}

/** The part name of a file `tl-workflow.<name>.js` (not the main files). */
export const partName = (file: string): string | null => /^tl-workflow\.([a-z0-9-]+)\.js$/.exec(file)?.[1]?.replace(/^iife$/, '') || null;

/** What one app bundle is: its entry code, and what it leaves to the app. */
interface App {
  entry: string;
  external?: Array<string | RegExp>;
}

const APPS: Record<'element' | 'elementWithoutLit' | 'react' | 'vue', App> = {
  element: { entry: "import 'tl-workflow';" },
  elementWithoutLit: { entry: "import 'tl-workflow';", external: [/^lit(\/.*)?$/, /^@lit\//, /^lit-html/, /^lit-element/] },
  react: { entry: "import { TlWorkflow } from 'tl-workflow/react';\nconsole.log(TlWorkflow);", external: [/^react(-dom)?(\/.*)?$/] },
  vue: { entry: "import 'tl-workflow/vue';", external: ['vue'] },
};

/** The package as an app imports it: `tl-workflow` and its subpaths from dist/, by package.json's `exports`. */
function thePackage(): Plugin {
  return {
    name: 'tl-package',
    enforce: 'pre',
    async resolveId(source) {
      const exports: Record<string, string | Record<string, string>> = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).exports;
      const key = source === 'tl-workflow' ? '.' : source.startsWith('tl-workflow/') ? `.${source.slice('tl-workflow'.length)}` : null;
      if (!key || !exports[key]) return null;
      const target = exports[key]!;
      return join(ROOT, typeof target === 'string' ? target : target.default!);
    },
  };
}

/**
 * Each app's Vite production build (tree shaking on), in memory: its entry chunk, and the parts it
 * split off (the npm build's `import()` of each part file), by part name.
 */
export async function appSizes(): Promise<Record<keyof typeof APPS, { main: Size; parts: Record<string, Size> }>> {
  const dir = await mkdtemp(join(tmpdir(), 'tl-app-'));
  const out = {} as Record<keyof typeof APPS, { main: Size; parts: Record<string, Size> }>;
  try {
    for (const [name, app] of Object.entries(APPS) as Array<[keyof typeof APPS, App]>) {
      const entry = join(dir, `${name}.js`);
      await writeFile(entry, `${app.entry}\n`);
      const result = (await build({
        configFile: false,
        root: ROOT,
        logLevel: 'silent',
        publicDir: false,
        plugins: [thePackage()],
        build: { write: false, target: 'es2021', modulePreload: false, rollupOptions: { input: entry, external: app.external } },
      })) as Rollup.RollupOutput;
      const chunks = result.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
      const entryChunk = chunks.find((c) => c.isEntry)!;
      const parts: Record<string, Size> = {};
      for (const chunk of chunks) {
        const part = /tl-workflow\.([a-z0-9-]+)/.exec(chunk.facadeModuleId ?? '')?.[1];
        if (!chunk.isEntry && part) parts[part] = sizeOf(chunk.code);
      }
      out[name] = { main: sizeOf(entryChunk.code), parts };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}

/** A checker that checks nothing: the script-tag file built with it is the file without a checker. */
const NO_CHECKER = `
export const MAX_BODY_CHARS = 2_000_000;
export const checkExecution = (body) => body;
export const checkFileRef = (body) => body;
export const checkRegistryRecord = (body) => body;
`;

/**
 * The answer checker's bytes in the script-tag file: the file built as `vite build --mode iife`
 * builds it, with the current checker, with the one before issue 26 (bench/baseline/), and with
 * none; each checker's bytes are its file minus the file without one. Needs dist/parts.json (`npm run build`).
 */
export async function checkerBytes(): Promise<Record<'current' | 'baseline', Size>> {
  const dir = await mkdtemp(join(tmpdir(), 'tl-checker-'));
  const variants = {
    current: join(ROOT, 'src/schema/check-execution.ts'),
    baseline: join(ROOT, 'bench/baseline/check-execution.ts'),
    none: join(dir, 'no-checker.js'),
  };
  await writeFile(variants.none, NO_CHECKER);
  const sizes: Record<string, Size> = {};
  try {
    const { default: config } = await import('../vite.config.ts');
    for (const [name, file] of Object.entries(variants)) {
      const resolved = await (config as (env: { command: 'build'; mode: string }) => Promise<UserConfig>)({ command: 'build', mode: 'iife' });
      const swap: Plugin = {
        name: 'tl-swap-checker',
        enforce: 'pre',
        resolveId: (source, importer) =>
          source.endsWith('schema/check-execution.ts') || (importer?.startsWith(join(ROOT, 'src')) && /check-execution(\.js)?$/.test(source)) ? file : null,
      };
      // The terser pass works on written files: each variant is written to a directory of its own.
      const outDir = join(dir, name);
      await build({ ...resolved, configFile: false, logLevel: 'silent', plugins: [swap, ...(resolved.plugins ?? [])], build: { ...resolved.build, outDir } });
      sizes[name] = sizeOf(await readFile(join(outDir, 'tl-workflow.iife.js')));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const minus = (a: Size, b: Size): Size => ({ raw: a.raw - b.raw, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli });
  return { current: minus(sizes.current!, sizes.none!), baseline: minus(sizes.baseline!, sizes.none!) };
}
