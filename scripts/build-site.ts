/**
 * `npm run build:site` (after `npm run build`): the demo page, the theme studio and a page per demo
 * app as a static site in dist-site/ (gitignored), for any static host under any path prefix
 * (GitHub Pages: `/<repo>/`). Every URL in it is relative. No server of ours: the sandbox, the
 * replica of TransactionLink's widget and the demo's backend run in the site's service worker
 * (site/worker/sw.ts), registered by site/boot.ts on every page.
 *
 * dist-site/
 *   index.html, gallery.html, assets/   the demo page and the theme studio (Vite, from demo/)
 *   boot.js, site.css                   the site's bar and the worker's registration (site/)
 *   sw.js                               the service worker: sandbox/core.ts and demo/backend.ts (esbuild, one classic script)
 *   tl-api/widget/                      the replica's host script and framed page's script (sandbox/replica/), where
 *                                       the sandbox serves them: for the worker, and for a frame it does not control
 *   lib/                                dist/tl-workflow.iife.js and the files next to it
 *   script-tag/                         a page with the script-tag build and token-endpoint (site/script-tag/)
 *   react/, vue/                        demo/react and demo/vue, built by their own Vite from the packed tarball
 *
 * Each page carries the strict policy of the widget's tests (sandbox/csp.ts) in a
 * `<meta http-equiv="Content-Security-Policy">`, as a static host sends no header: without
 * `frame-ancestors` (a meta cannot carry it), with `frame-src 'self'` (the replica's frame) and
 * `worker-src 'self'` (the service worker), `data:` images (the pages' empty favicon), and the
 * site's `tl-site` Trusted Types policy (its one sink: the worker's URL).
 *
 * The React and Vue demos need their dependencies installed from the packed tarball (`npm run
 * test:apps` does it); when what is installed is not today's dist/, this packs and installs them.
 */
import { build as esbuild } from 'esbuild';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build as vite, type Plugin } from 'vite';
import { strictCsp } from '../sandbox/csp.ts';
import { REPLICA_FILES, type ReplicaBundle } from '../sandbox/replica/prebuilt.ts';
import { replicaScript } from '../sandbox/replica/bundle.ts';
import { installTarball, pack } from '../test/package/prepare-apps.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SITE = `${ROOT}dist-site/`;
const run = promisify(execFile);

/** The site's policy for a page whose Trusted Types policies are `trustedTypes` (besides the site's own). */
export function siteCsp(trustedTypes: string): string {
  return strictCsp(`${trustedTypes} tl-site`)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .map((directive) => (directive.startsWith('img-src') ? `${directive} data:` : directive))
    .concat(["frame-src 'self'", "worker-src 'self'"])
    .join('; ');
}

/** What the site adds to a page's head, first thing: its policy, where its root is, its bar's styles. */
function siteHead(root: string, trustedTypes: string, extra = ''): string {
  return [
    `<meta http-equiv="Content-Security-Policy" content="${siteCsp(trustedTypes)}" />`,
    `<meta name="tl-site:root" content="${root}" />`,
    extra,
    `<link rel="stylesheet" href="${root}site.css" />`,
  ].filter(Boolean).join('\n    ');
}

/** Replaces `from` in `text`, failing the build when it is not there (the page changed: update this build). */
function replace(text: string, from: string | RegExp, to: string, file: string): string {
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`${file}: ${String(from)} not found; update scripts/build-site.ts`);
  return text.replace(from, to);
}

/** The head of a page that has none of the site's yet: the site's part right after its charset. */
const withHead = (html: string, head: string, file: string) => replace(html, /<meta charset="utf-8" \/>/i, `<meta charset="utf-8" />\n    ${head}`, file);

/** demo/index.html and demo/gallery.html as site pages: the site's entries and relative endpoints, then its head. */
function sitePages(): Plugin[] {
  const pages: Record<string, { entry: [string, string]; trustedTypes: string }> = {
    'index.html': { entry: ['./demo.ts', '../site/pages/demo.ts'], trustedTypes: 'lit-html tl-workflow' },
    'gallery.html': { entry: ['./gallery.ts', '../site/pages/studio.ts'], trustedTypes: 'lit-html' },
  };
  const pageOf = (filename: string) => {
    const name = filename.split('/').pop()!;
    const page = pages[name];
    if (!page) throw new Error(`${name}: not a page of the site`);
    return { name, ...page };
  };
  return [
    {
      name: 'tl-site-entries',
      transformIndexHtml: {
        order: 'pre',
        handler(html, { filename }) {
          const { name, entry } = pageOf(filename);
          let out = replace(html, `src="${entry[0]}"`, `src="${entry[1]}"`, name);
          if (name === 'index.html') {
            out = replace(out, '<meta name="tl-demo:api" content="/tl-api" />', '<meta name="tl-demo:api" content="./tl-api" />', name);
            out = replace(out, '<meta name="tl-demo:backend" content="/demo-api" />', '<meta name="tl-demo:backend" content="./demo-api" />', name);
          }
          return out;
        },
      },
    },
    {
      name: 'tl-site-head',
      transformIndexHtml: {
        order: 'post',
        handler(html, { filename }) {
          const { name, trustedTypes } = pageOf(filename);
          return replace(html, /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/>/, siteHead('./', trustedTypes), name);
        },
      },
    },
  ];
}

/**
 * The repository's own modules keep their side effects: package.json's `sideEffects` lists only
 * what the package ships, and would let Rollup drop the pages' scripts (demo/demo.ts, demo/gallery.ts).
 */
function ownSideEffects(): Plugin {
  return {
    name: 'tl-site-side-effects',
    transform(code, id) {
      if (id.startsWith(ROOT) && !id.includes('/node_modules/')) return { code, map: null, moduleSideEffects: true };
      return null;
    },
  };
}

/** The demo page, the studio and the site's boot module, by Vite. */
async function buildPages(): Promise<void> {
  await vite({
    root: `${ROOT}demo`,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [...sitePages(), ownSideEffects()],
    build: {
      outDir: SITE,
      emptyOutDir: false,
      target: 'es2022',
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { index: `${ROOT}demo/index.html`, gallery: `${ROOT}demo/gallery.html`, boot: `${ROOT}site/boot.ts` },
        preserveEntrySignatures: 'allow-extension',
        output: { entryFileNames: (chunk) => (chunk.name === 'boot' ? 'boot.js' : 'assets/[name]-[hash].js') },
      },
    },
  });
}

/** Modules that must never reach the worker: the sandbox's Node-only parts. */
const NODE_ONLY = [/sandbox\/file-storage\.ts$/, /sandbox\/lock\.ts$/, /sandbox\/replica\/bundle\.ts$/, /sandbox\/middleware\.ts$/, /node_modules\/esbuild\//, /node_modules\/@hono\/node-server\//];

/** The service worker, one classic script; fails when a Node-only module would be in it. */
async function buildWorker(): Promise<void> {
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ['site/worker/sw.ts'],
    outfile: `${SITE}sw.js`,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    metafile: true,
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const leaked = Object.keys(result.metafile.inputs).filter((input) => NODE_ONLY.some((pattern) => pattern.test(input)));
  if (leaked.length) throw new Error(`sw.js would bundle Node-only modules: ${leaked.join(', ')}`);
}

/** The replica's files, the script-tag build and the script-tag page. */
async function copyFiles(): Promise<void> {
  await mkdir(`${SITE}tl-api/widget`, { recursive: true });
  for (const name of Object.keys(REPLICA_FILES) as ReplicaBundle[]) await writeFile(`${SITE}tl-api/widget/${REPLICA_FILES[name]}`, await replicaScript(name));
  await mkdir(`${SITE}lib`, { recursive: true });
  const shipped = (await readdir(`${ROOT}dist`)).filter((file) => /^tl-workflow\.[\w.]+\.js$/.test(file) && file !== 'tl-workflow.js');
  if (!shipped.includes('tl-workflow.iife.js')) throw new Error('dist/tl-workflow.iife.js is missing: run npm run build first');
  for (const file of shipped) await copyFile(`${ROOT}dist/${file}`, `${SITE}lib/${file}`);
  await copyFile(`${ROOT}site/site.css`, `${SITE}site.css`);
  await mkdir(`${SITE}script-tag`, { recursive: true });
  const page = 'site/script-tag/index.html';
  const html = await readFile(`${ROOT}${page}`, 'utf8');
  await writeFile(`${SITE}script-tag/index.html`, replace(html, '<!-- @site-head: the policy, the site\'s root and bar (scripts/build-site.ts) -->', siteHead('../', 'tl-workflow'), page));
  await copyFile(`${ROOT}site/script-tag/page.js`, `${SITE}script-tag/page.js`);
}

/** Whether the demo app in `dir` has today's build installed (else it is packed and installed). */
async function installedIsCurrent(dir: string): Promise<boolean> {
  try {
    const [installed, built] = await Promise.all([readFile(`${dir}/node_modules/tl-workflow/dist/tl-workflow.js`), readFile(`${ROOT}dist/tl-workflow.js`)]);
    return installed.equals(built);
  } catch {
    return false;
  }
}

/** demo/react and demo/vue, each built by its own Vite into dist-site/<name>/, then made a site page. */
async function buildApps(): Promise<void> {
  const apps = { react: 'lit-html', vue: 'lit-html vue' };
  let packed = false;
  for (const [name, trustedTypes] of Object.entries(apps)) {
    const dir = `${ROOT}demo/${name}`;
    if (!(await installedIsCurrent(dir))) {
      if (!packed) await pack();
      packed = true;
      console.log(`demo/${name}: installing the packed tarball`);
      await installTarball(dir);
    }
    const env = { ...process.env };
    delete env.NODE_ENV;
    await run(`${dir}/node_modules/.bin/vite`, ['build', '--mode', 'production', '--logLevel', 'warn', '--outDir', `${SITE}${name}`, '--emptyOutDir'], { cwd: dir, env });
    const file = `${SITE}${name}/index.html`;
    let html = await readFile(file, 'utf8');
    html = withHead(html, siteHead('../', trustedTypes, '<meta name="tl-demo:api" content="../tl-api" />'), file);
    // The app starts once the sandbox runs in this browser: boot.js loads it.
    html = replace(html, /<script type="module" crossorigin src="(\.\/assets\/[^"]+)"><\/script>/, '<script type="module" src="../boot.js" data-app="$1"></script>', file);
    await writeFile(file, html);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await rm(SITE, { recursive: true, force: true });
  await mkdir(SITE, { recursive: true });
  await copyFiles();
  await buildPages();
  await buildWorker();
  await buildApps();
  const count = (await readdir(SITE, { recursive: true })).length;
  console.log(`dist-site: ${count} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
