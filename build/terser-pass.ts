import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import type { Plugin } from 'vite';

/**
 * A second pass with terser over the written file (the script-tag file, `module: true` for the
 * parts' ES modules), after Vite's own minifier (which runs after `renderChunk`, and whose output map cannot be replaced in
 * `generateBundle`, hence `writeBundle`). Safe options only: two compress passes, no `unsafe*`.
 * Terser reads the file's source map and writes the composed one in its place, so the map still
 * leads from the final file to the sources.
 */
export function terserPass({ module = false } = {}): Plugin {
  return {
    name: 'tl-terser-pass',
    async writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        if (!options.dir) throw new Error('tl-terser-pass: the build writes no directory');
        const path = join(options.dir, file.fileName);
        const comment = `//# sourceMappingURL=${file.fileName}.map`;
        const code = await readFile(path, 'utf8');
        if (!code.includes(comment)) throw new Error(`${file.fileName}: no source map comment; tl-terser-pass expects one`);
        const out = await minify(code.replace(comment, ''), {
          // negate_iife off: the file stays `(function(){...})();`, the shape a script tag's reader expects.
          compress: { passes: 2, negate_iife: false },
          module,
          sourceMap: { content: await readFile(`${path}.map`, 'utf8'), filename: file.fileName, url: `${file.fileName}.map` },
        });
        if (out.code === undefined || typeof out.map !== 'string') throw new Error(`${file.fileName}: terser returned no code or map`);
        await writeFile(path, out.code);
        await writeFile(`${path}.map`, out.map);
      }
    },
  };
}
