/**
 * Test server middleware: the script-tag build in a page of its own, at a URL of the test's own
 * (`/test/parts/<scope>/`), so that no page before it left the files next to the script in the
 * browser's caches, and where a part can answer 500 once:
 *
 * - `/test/parts/<scope>/page.html?fail=<part>`: a page with the policy given (a strict CSP), that
 *   loads `tl-workflow.iife.js` next to it and holds one `<tl-workflow>`. `fail` (optional, repeatable)
 *   names a part whose next request in this scope answers 500.
 * - `/test/parts/<scope>/tl-workflow.<name>.js`: `dist/tl-workflow.<name>.js`, or that 500 once.
 *
 * test/element/parts-journey.test.ts drives the page from its parent frame.
 */

/** What the middleware uses of the test server's (Koa) context. */
interface Context {
  path: string;
  url: string;
  query: Record<string, string | string[] | undefined>;
  set(header: string, value: string): void;
  status: number;
  body: unknown;
  type: string;
}

const PAGE = /^\/test\/parts\/([\w-]+)\/page\.html$/;
const FILE = /^\/test\/parts\/([\w-]+)\/(tl-workflow\.([a-z]+)\.js)$/;

const page = (): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>tl-workflow: its parts, under a strict CSP</title>
    <script src="tl-workflow.iife.js"></script>
  </head>
  <body>
    <main><tl-workflow></tl-workflow></main>
  </body>
</html>
`;

export function partFaults({ policy }: { policy: string }) {
  /** The parts that answer 500 on their next request, by scope. */
  const failing = new Map<string, Set<string>>();
  return async (ctx: Context, next: () => Promise<unknown>): Promise<unknown> => {
    const pageOf = PAGE.exec(ctx.path);
    if (pageOf) {
      const fail = ctx.query.fail ?? [];
      failing.set(pageOf[1]!, new Set(Array.isArray(fail) ? fail : [fail]));
      ctx.set('Content-Security-Policy', policy);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/html';
      ctx.body = page();
      return undefined;
    }
    const file = FILE.exec(ctx.path);
    if (!file) return next();
    const [, scope, name, part] = file;
    if (failing.get(scope!)?.delete(part!)) {
      ctx.status = 500;
      ctx.body = `${name} failed once, as the test asked`;
      return undefined;
    }
    ctx.url = `/dist/${name}`;
    return next();
  };
}
