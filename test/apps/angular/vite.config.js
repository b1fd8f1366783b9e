// Bundles ngc's output (out-tsc/). Angular's packages, and tl-workflow/angular's directive, ship in
// Angular's partial compilation format: its linker (what the Angular CLI runs) links them here.
import { transformAsync } from '@babel/core';
import { ConsoleLogger, LogLevel, NodeJSFileSystem } from '@angular/compiler-cli';
import { createEs2015LinkerPlugin } from '@angular/compiler-cli/linker/babel';

const linker = createEs2015LinkerPlugin({ fileSystem: new NodeJSFileSystem(), logger: new ConsoleLogger(LogLevel.warn), linkerJitMode: false });

/** Links every module that holds a partial declaration (`ɵɵngDeclare...`). */
function angularLinker() {
  return {
    name: 'angular-linker',
    async transform(code, id) {
      if (!code.includes('ɵɵngDeclare')) return null;
      const result = await transformAsync(code, { filename: id, plugins: [linker], compact: false, sourceMaps: true, configFile: false, babelrc: false });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

// A relative base and a stable file name: the test page (test/e2e/pages.mjs) loads dist/assets/index.js.
// As the Angular CLI builds for production: no dev-mode checks, no JIT.
export default {
  base: './',
  define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
  plugins: [angularLinker()],
  build: { target: 'es2022', sourcemap: true, rollupOptions: { output: { entryFileNames: 'assets/[name].js' } } },
};
