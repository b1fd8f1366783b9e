import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/** A `css` tagged template with no `${}` and no backslash: plain CSS, safe to rewrite. */
const CSS_LITERAL = /\bcss`([^`$\\]*)`/g;
/** Any `css` tagged template (escapes included), to find those `CSS_LITERAL` had to leave. */
const ANY_CSS_LITERAL = /\bcss`((?:[^`\\]|\\.)*)`/g;

/**
 * Minifies the CSS of Lit's `css` tagged templates in our own sources at build time (lightningcss:
 * whitespace, comments, shorter colours and values). A literal with `${}` or a backslash is left
 * as written; the build warns about one with a backslash and no `${}`, since nothing else shows
 * it: one escaped backtick in a comment once left a whole sheet unminified, +500 B gzip. It warns
 * too about a literal with `${}` and a comment (the theme's accent rules once shipped so, +370 B).
 * Only in builds: tests and the dev server run the sources as written.
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
      for (const [, text] of code.matchAll(ANY_CSS_LITERAL)) {
        if (text!.includes('\\') && !text!.includes('${')) {
          this.warn(`a css\`\` literal in ${id} has a backslash, so it is not minified: write the CSS without one`);
        }
        if (text!.includes('${') && text!.includes('/*')) {
          this.warn(`a css\`\` literal in ${id} has \${} and a comment, so it ships as written: move its static CSS into a literal of its own`);
        }
      }
      return { code: out, map: null };
    },
  };
}
