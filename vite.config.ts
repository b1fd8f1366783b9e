import { defineConfig, type BuildOptions, type Plugin, type UserConfig } from 'vite';
import { minifyCssLiterals } from './build/css-literals.ts';
import { buildParts, NPM_EXTERNALS, partLoading, readKits, type Kits } from './build/parts.ts';
import { collapseTemplateWhitespace } from './build/template-whitespace.ts';
import { terserPass } from './build/terser-pass.ts';

/**
 * IIFE build only: the bundled Lit creates its Trusted Types policy as `tl-workflow` instead of
 * `lit-html`, so a host page with its own Lit (its own `lit-html` policy) and a CSP of
 * `trusted-types lit-html tl-workflow` (no 'allow-duplicates') can load the script. The policy is
 * the page's one `tl-workflow` policy: it also makes the script URLs of the official engine
 * (src/engines/official/script-loader.ts finds it under the same symbol). Fails the build if Lit
 * ever creates its policy differently, rather than shipping a bundle that clashes.
 */
function renameLitPolicy(): Plugin {
  const helper = `
function tlWorkflowPolicy(trustedTypes, rules) {
  const key = Symbol.for('tl-workflow.trusted-types-policy');
  return (globalThis[key] ??= trustedTypes.createPolicy('tl-workflow', {
    ...rules,
    createScriptURL(candidate) {
      const parsed = new URL(candidate, document.baseURI);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError('Not a script URL: ' + candidate);
      return parsed.href;
    },
  }));
}
`;
  return {
    name: 'tl-rename-lit-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/](development[\\/])?lit-html\.js$/.test(id)) return null;
      const renamed = code.replace(/([\w$]+)\.createPolicy\((["'`])lit-html\2,\s*/g, 'tlWorkflowPolicy($1, ');
      if (renamed === code) throw new Error(`${id}: Lit's createPolicy("lit-html") was not found; update renameLitPolicy`);
      return { code: renamed + helper, map: null };
    },
  };
}

/**
 * IIFE build only: a page that loads the script twice gets the first copy; the second stops before
 * its Lit would create a second `tl-workflow` policy (which Trusted Types refuses).
 */
const LOAD_ONCE = `if (typeof customElements !== 'undefined' && customElements.get('tl-workflow')) return;`;

/**
 * Three builds from one config:
 * - `vite` (dev, run by `npm start`: scripts/start.ts): the demo page and the theme studio in demo/,
 *   with the sandbox API mounted at /tl-api and the demo's backend (tl-workflow/server, holding the
 *   key and secret) at /demo-api.
 * - `vite build`: first the parts loaded on demand (languages, step types, the official engine) as
 *   dist/tl-workflow.<name>.js (build/parts.ts), then dist/tl-workflow.js, the npm ES module, `lit`
 *   left external, which imports each part's file with `import()` (an app's bundler splits them off).
 * - `vite build --mode iife`: dist/tl-workflow.iife.js, one self-contained file for a <script> tag.
 *   It defines <tl-workflow> and exposes no global of its own (the class is `customElements.get('tl-workflow')`;
 *   the bundled Lit's bookkeeping globals remain, as docs/script-tag.md lists).
 *   It imports the same part files from next to its own URL.
 * - `vite build --mode server`: dist/server.js, `tl-workflow/server` for Node 20+ and fetch-based
 *   runtimes (no DOM), `jose` left external; and dist/server.browser.js, which a browser bundle gets
 *   instead (package.json's `browser` condition) and which fails its build with a message saying why.
 * - `vite build --mode adapters`: dist/react.js (`tl-workflow/react`), dist/vue.js (`tl-workflow/vue`),
 *   dist/svelte.js (`tl-workflow/svelte`) and dist/angular.js (`tl-workflow/angular`),
 *   which import the element from `tl-workflow` itself: one copy of the element, whatever the import.
 */
export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  if (command === 'serve') {
    // The sandbox is dev tooling: loaded only by the dev server, never part of a build.
    const { sandboxVitePlugin } = await import('./sandbox/middleware.ts');
    const { demoBackendVitePlugin } = await import('./demo/backend-mount.ts');
    return {
      root: 'demo',
      // `npm start` (scripts/start.ts) sets the port from PORT and refuses a busy one.
      server: { host: '127.0.0.1', port: 5173 },
      // The pages `npm start` serves: the dependency scan would otherwise crawl every HTML file under
      // demo/, the React and Vue apps included, whose `tl-workflow/react` and `/vue` exist only once built.
      optimizeDeps: { entries: ['index.html', 'gallery.html'] },
      plugins: [sandboxVitePlugin({ prefix: '/tl-api' }), demoBackendVitePlugin({ prefix: '/demo-api' })],
    };
  }
  if (mode === 'server') {
    return libraryBuild({
      target: 'es2022',
      minify: false, // readable stack traces, and class names kept (errors are told apart by name)
      // server.browser.js: what the `browser` export condition gives a browser bundle (it fails the build).
      lib: { entry: { server: 'src/server/index.ts', 'server.browser': 'src/server/browser.js' }, formats: ['es'], fileName: (_, name) => `${name}.js` },
      rollupOptions: { external: ['jose', /^tl-workflow\/server is for servers only/] },
    });
  }
  if (mode === 'adapters') {
    // The framework adapters: the frameworks, @lit/react and the package itself stay external.
    return libraryBuild({
      // Readable: tiny files, and Angular's linker reads the directive's partial declaration as written.
      minify: false,
      lib: {
        entry: { react: 'src/react/index.ts', vue: 'src/vue/index.ts', svelte: 'src/svelte/index.ts', angular: 'src/angular/index.ts' },
        formats: ['es'],
        fileName: (_, name) => `${name}.js`,
      },
      rollupOptions: { external: ['tl-workflow', /^react(\/.*)?$/, /^@lit\/react/, 'vue', /^svelte(\/.*)?$/, /^@angular\//] },
    });
  }
  const iife = mode === 'iife';
  // The transforms every build of the widget's own code gets (the parts' too).
  const sourcePlugins = () => [minifyCssLiterals(), collapseTemplateWhitespace()];
  // The npm build makes the parts first, when the build starts: not when the config is read (a tool that only
  // reads the config, as knip does, must not empty dist/).
  let partsBuilt: Promise<Kits> | undefined;
  const buildPartsFirst: Plugin = {
    name: 'tl-build-parts',
    buildStart() {
      partsBuilt = buildParts(() => [...sourcePlugins(), terserPass({ module: true })]);
      return partsBuilt.then(() => undefined);
    },
  };
  const kits = iife ? readKits : () => partsBuilt ?? Promise.reject(new Error('the parts are built when the build starts'));
  return libraryBuild(
    {
      // The npm ES build runs first; its parts start from an empty dist/ (build/parts.ts); the other builds add to it.
      lib: iife
        ? // `name` is required by Vite for IIFE; the entry exports nothing, so no `TlWorkflow` global is created.
          { entry: 'src/define.ts', formats: ['iife'], name: 'TlWorkflow', fileName: () => 'tl-workflow.iife.js' }
        : { entry: 'src/index.ts', formats: ['es'], fileName: () => 'tl-workflow.js' },
      rollupOptions: iife
        ? { output: { intro: LOAD_ONCE } }
        : { external: NPM_EXTERNALS },
    },
    [
      ...(iife ? [] : [buildPartsFirst]),
      ...sourcePlugins(),
      ...partLoading(iife ? 'script' : 'npm', kits),
      ...(iife ? [renameLitPolicy(), terserPass()] : [oneChunk()]),
    ],
  );
});

/** npm build: the main file is its one chunk (the parts are files of their own: build/parts.ts). */
function oneChunk(): Plugin {
  return {
    name: 'tl-one-chunk',
    generateBundle(_, bundle) {
      const extra = Object.values(bundle).filter((file) => file.type === 'chunk' && !file.isEntry);
      if (extra.length > 0) throw new Error(`${extra.map((f) => f.fileName).join(', ')}: a chunk besides tl-workflow.js; load code on demand as a part (src/on-demand/load-part.ts)`);
    },
  };
}

/** One library build into dist/ (no public dir, source maps, es2021 unless `build` says otherwise). */
function libraryBuild(build: BuildOptions, plugins: Plugin[] = []): UserConfig {
  return {
    publicDir: false,
    build: { outDir: 'dist', emptyOutDir: false, copyPublicDir: false, sourcemap: true, target: 'es2022', ...build },
    plugins,
  };
}
