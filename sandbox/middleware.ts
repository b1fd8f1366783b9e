/**
 * Mounting the sandbox inside other Node servers, same-origin (so no CORS is involved):
 * - `sandboxMiddleware({prefix})`: a Koa middleware for web-test-runner;
 * - `sandboxVitePlugin({prefix})`: a Vite plugin for `npm start`.
 * Both serve ONE shared sandbox instance per prefix (options from the environment, `basePath` set
 * to the prefix for its absolute links), so `/tl-api/widget/execution` reaches the sandbox's
 * `/widget/execution`. Requests stream through `@hono/node-server`'s request listener, multipart
 * uploads included.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import { createSandbox, type Sandbox } from './app.ts';

const shared = new Map<string, Sandbox>();

/** The one sandbox instance mounted under `prefix` in this process (`/tl-api` by default). */
export function sharedSandbox(prefix = '/tl-api'): Sandbox {
  let sandbox = shared.get(prefix);
  if (!sandbox) {
    sandbox = createSandbox({ basePath: prefix });
    shared.set(prefix, sandbox);
  }
  return sandbox;
}

type NodeListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A Node request listener for the shared sandbox, to be called with `req.url` already stripped of `prefix`. */
function prefixedListener(prefix: string): NodeListener {
  return getRequestListener((request) => sharedSandbox(prefix).fetch(request), { overrideGlobalObjects: false });
}

/** The parts of a Koa context this middleware uses. */
export interface KoaLikeContext {
  path: string;
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/** Koa-style middleware (web-test-runner) serving the shared sandbox under `prefix`; other paths go to `next()`. */
export function sandboxMiddleware({ prefix }: { prefix: string }) {
  const base = prefix.replace(/\/+$/, '');
  const listener = prefixedListener(base);
  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> => {
    if (ctx.path !== base && !ctx.path.startsWith(`${base}/`)) {
      await next();
      return;
    }
    ctx.respond = false;
    ctx.req.url = (ctx.req.url ?? '/').slice(base.length) || '/';
    if (!ctx.req.url.startsWith('/')) ctx.req.url = `/${ctx.req.url}`;
    await listener(ctx.req, ctx.res);
  };
}

/** Vite plugin serving the shared sandbox under `prefix` in the dev server (connect strips the prefix). */
export function sandboxVitePlugin({ prefix }: { prefix: string }): Plugin {
  const base = prefix.replace(/\/+$/, '');
  return {
    name: 'tl-sandbox',
    configureServer(server) {
      const listener = prefixedListener(base);
      server.middlewares.use(base, (req, res, next) => {
        listener(req, res).catch(next);
      });
    },
  };
}
