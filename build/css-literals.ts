import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/** A `css` tagged template with no `${}` and no backslash: plain CSS, safe to rewrite. */
const CSS_LITERAL = /\bcss`([^`$\\]*)`/g;

/**
 * Minifies the CSS of Lit's `css` tagged templates in our own sources at build time (lightningcss:
 * whitespace, comments, shorter colours and values). A literal with `${}` or a backslash is left
 * as written. Only in builds: tests and the dev server run the sources as written.
 */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'tl-minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/src/') || !id.endsWith('.ts') || !code.includes('css`')) return null;
      const out = code.replace(CSS_LITERAL, (_whole, text: string) => {
        const { code: minified } = transform({ filename: id, code: Buffer.from(text), minify: true });
        return `css\`${minified.toString().replace(/[`\\]|\$\{/g, (c) => `\\${c}`)}\``;
      });
      return { code: out, map: null };
    },
  };
}
