/**
 * A plain static host for the site's test (test/site/): dist-site/ under a path prefix, as GitHub
 * Pages serves it under `/<repo>/`. Files only: no header of ours (no CSP: the pages carry theirs),
 * no rewrite, nothing of the sandbox. A path to a folder serves its index.html; anything else that
 * is not a file is a 404. Mounted in web-test-runner's server (Koa style) so the test page and the
 * site share an origin and the test can look into the site's frames; requests under the prefix
 * never reach the runner's own middleware (its sandbox is at /tl-api, not under the prefix).
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KoaLikeContext } from '../../sandbox/middleware.ts';

/** Where GitHub Pages will serve the site (package.json's repository): the prefix the test uses. */
export const SITE_PREFIX = '/tl-workflow/';
const SITE = fileURLToPath(new URL('../../dist-site/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Node's way: answers `req` (its URL without the prefix) with the file it names, or 404. */
async function serveFile(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let file = normalize(join(SITE, decodeURIComponent(path)));
  try {
    if (!`${file}/`.startsWith(SITE)) throw new Error('outside the site');
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    notFound(path, res);
  }
}

function notFound(path: string, res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`Not found: ${path} (is dist-site/ built? npm run build:site)`);
}

/** The same host as a Node request listener, for a plain `http.createServer` (test/node/screenshots.test.ts). */
export function siteListener(prefix = SITE_PREFIX): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path.startsWith(prefix)) void serveFile(path.slice(prefix.length), req, res);
    else notFound(path, res);
  };
}

/** Koa-style middleware for web-test-runner: dist-site/ under `prefix`, files only. */
export function staticSite(prefix = SITE_PREFIX) {
  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> => {
    if (!ctx.path.startsWith(prefix)) {
      await next();
      return;
    }
    ctx.respond = false;
    await serveFile(ctx.path.slice(prefix.length), ctx.req, ctx.res);
  };
}
