/**
 * Test server middleware: a build of the widget in a page of its own, at a URL of the test's own
 * (`/test/parts/<scope>/`), so that no page before it left the files next to the script in the
 * browser's caches, and where a part can answer 500 once:
 *
 * - `/test/parts/<scope>/page.html?build=<build>&fail=<part>`: a page under the build's strict
 *   policy that holds one `<tl-workflow>`, defined by
 *   - `iife` (the default): the script-tag build, `tl-workflow.iife.js` next to the page, its parts
 *     `tl-workflow.<name>.js` beside it;
 *   - `npm`: the npm build as an app bundles it (test/apps/npm, `npm test`'s apps stage): its
 *     `main.js` next to the page, the parts chunks of the app's own (`assets/tl-workflow.<name>-<hash>.js`).
 *
 *   `fail` (optional, repeatable) names a part whose next request in this scope answers 500.
 * - `/test/parts/<scope>/<file>`: that build's file, or that 500 once.
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

export type PartsBuild = 'iife' | 'npm';

const PAGE = /^\/test\/parts\/([\w-]+)\/page\.html$/;
/** A file of the page's build: the script-tag file or a part next to it, or the app's entry or one of its chunks. */
const FILE = /^\/test\/parts\/([\w-]+)\/((?:assets\/)?tl-workflow\.([a-z]+)(?:-[\w-]+)?\.js|main\.js)$/;

/** Where each build's files are served from, and the script tag that loads it. */
const BUILDS: Record<PartsBuild, { dir: string; script: string }> = {
  iife: { dir: '/dist', script: '<script src="tl-workflow.iife.js"></script>' },
  npm: { dir: '/test/apps/npm/dist', script: '<script type="module" src="main.js"></script>' },
};

const page = (build: PartsBuild): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>tl-workflow: its parts, under a strict CSP (${build} build)</title>
    ${BUILDS[build].script}
  </head>
  <body>
    <main><tl-workflow></tl-workflow></main>
  </body>
</html>
`;

/** `policy`: each build's Content-Security-Policy (the Trusted Types policy is Lit's own name in the npm build). */
export function partFaults({ policy }: { policy: Record<PartsBuild, string> }) {
  /** Each scope's build, and the parts that answer 500 on their next request. */
  const scopes = new Map<string, { build: PartsBuild; failing: Set<string> }>();
  return async (ctx: Context, next: () => Promise<unknown>): Promise<unknown> => {
    const pageOf = PAGE.exec(ctx.path);
    if (pageOf) {
      const fail = ctx.query.fail ?? [];
      const build: PartsBuild = ctx.query.build === 'npm' ? 'npm' : 'iife';
      scopes.set(pageOf[1]!, { build, failing: new Set(Array.isArray(fail) ? fail : [fail]) });
      ctx.set('Content-Security-Policy', policy[build]);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/html';
      ctx.body = page(build);
      return undefined;
    }
    const file = FILE.exec(ctx.path);
    if (!file) return next();
    const [, scope, path, part] = file;
    const state = scopes.get(scope!);
    if (part && state?.failing.delete(part)) {
      ctx.status = 500;
      ctx.body = `${path} failed once, as the test asked`;
      return undefined;
    }
    ctx.url = `${BUILDS[state?.build ?? 'iife'].dir}/${path}`;
    return next();
  };
}
