import ts from 'typescript';
import type { Plugin } from 'vite';

/** Lit tags whose static parts are HTML / SVG markup. */
const MARKUP_TAGS = new Set(['html', 'svg']);

/**
 * Collapses the indentation of Lit `html` / `svg` templates in our sources at build time: every run
 * of whitespace that holds a line break becomes one space. HTML renders both alike (no template
 * here has `<pre>` or a `<textarea>` body), and the templates keep their parts. Found with the
 * TypeScript parser, so nested templates and `${}` expressions are handled exactly.
 */
export function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'tl-collapse-template-whitespace',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/src/') || !id.endsWith('.ts') || !/\b(html|svg)`/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      const spans: Array<[number, number]> = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && MARKUP_TAGS.has(node.tag.text)) {
          const t = node.template;
          const pieces = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
          for (const piece of pieces) {
            const start = piece.getStart(file) + 1;
            const end = piece.end - (ts.isTemplateTail(piece) || ts.isNoSubstitutionTemplateLiteral(piece) ? 1 : 2);
            spans.push([start, end]);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (!spans.length) return null;
      spans.sort((a, b) => b[0] - a[0]);
      let out = code;
      for (const [start, end] of spans) {
        out = out.slice(0, start) + out.slice(start, end).replace(/\s*\n\s*/g, ' ') + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}
