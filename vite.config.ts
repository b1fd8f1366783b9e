import { fileURLToPath } from 'node:url';
import { defineConfig, type BuildOptions, type Plugin, type UserConfig } from 'vite';
import { minifyCssLiterals } from './build/css-literals.ts';
import { collapseTemplateWhitespace } from './build/template-whitespace.ts';
import { terserPass } from './build/terser-pass.ts';

/**
 * The parts of the widget that ship next to its main file as `tl-workflow.<name>.js` (see
 * src/on-demand/parts.ts), by the source module each one is.
 */
const PARTS: Record<string, string> = {
  pl: 'src/i18n/pl.ts',
  de: 'src/i18n/de.ts',
  official: 'src/engines/official/official-engine.ts',
};
const sourcePath = (path: string): string => fileURLToPath(new URL(`./${path}`, import.meta.url));
const partOf = (moduleId: string | null): string | undefined =>
  Object.keys(PARTS).find((name) => moduleId !== null && sourcePath(PARTS[name]!) === moduleId);

/**
 * npm build: each `import()` of a part becomes its chunk `tl-workflow.<name>.js`. The build fails
 * when a chunk is anything else (a shared chunk) or imports anything: the script-tag build loads
 * the same files from its own URL, where no import of the npm build could be resolved.
 */
function standaloneParts(): Plugin {
  return {
    name: 'tl-standalone-parts',
    generateBundle(_, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || file.isEntry) continue;
        const part = partOf(file.facadeModuleId);
        if (!part || file.fileName !== `tl-workflow.${part}.js`) throw new Error(`${file.fileName}: a chunk that is not a part (${file.facadeModuleId}); see src/on-demand/parts.ts`);
        if (file.imports.length > 0 || file.dynamicImports.length > 0) {
          throw new Error(`${file.fileName} imports ${[...file.imports, ...file.dynamicImports].join(', ')}: a part must be standalone`);
        }
      }
    },
  };
}

/**
 * Script-tag build: an IIFE is one file, so instead of chunks its part loader is
 * `load-part.script.ts` (import() of a URL next to the script), and it loads the parts the npm
 * build wrote to dist/ (the two builds run in that order).
 */
function scriptTagParts(): Plugin {
  const loader = sourcePath('src/on-demand/load-part.ts');
  const scriptLoader = sourcePath('src/on-demand/load-part.script.ts');
  return {
    name: 'tl-script-tag-parts',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.includes('load-part')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === loader ? scriptLoader : null;
    },
  };
}

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
 * - `vite build`: dist/tl-workflow.js, the npm ES module, `lit` left external, and the parts loaded on
 *   demand (languages, official engine) as dist/tl-workflow.<name>.js (see standaloneParts).
 * - `vite build --mode iife`: dist/tl-workflow.iife.js, one self-contained file for a <script> tag.
 *   It defines <tl-workflow> and exposes no global (the class is `customElements.get('tl-workflow')`).
 *   It loads the parts the npm build wrote next to it (see scriptTagParts).
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
  return libraryBuild(
    {
      // The npm ES build runs first and starts from an empty dist/; the other builds add to it.
      emptyOutDir: !iife,
      lib: iife
        ? // `name` is required by Vite for IIFE; the entry exports nothing, so no global is created.
          { entry: 'src/define.ts', formats: ['iife'], name: 'TlWorkflow', fileName: () => 'tl-workflow.iife.js' }
        : { entry: 'src/index.ts', formats: ['es'], fileName: () => 'tl-workflow.js' },
      rollupOptions: iife
        ? { output: { intro: LOAD_ONCE } }
        : {
            external: [/^lit(\/.*)?$/, /^@lit\//, /^lit-html/, /^lit-element/, 'jwt-decode'],
            output: { chunkFileNames: (chunk) => `tl-workflow.${partOf(chunk.facadeModuleId ?? null) ?? chunk.name}.js` },
          },
    },
    [minifyCssLiterals(), collapseTemplateWhitespace(), ...(iife ? [renameLitPolicy(), scriptTagParts(), terserPass()] : [standaloneParts()])],
  );
});

/** One library build into dist/ (no public dir, source maps, es2021 unless `build` says otherwise). */
function libraryBuild(build: BuildOptions, plugins: Plugin[] = []): UserConfig {
  return {
    publicDir: false,
    build: { outDir: 'dist', emptyOutDir: false, copyPublicDir: false, sourcemap: true, target: 'es2022', ...build },
    plugins,
  };
}
