/**
 * Mounting the demo backend (backend.ts) next to the sandbox, same-origin, under a prefix:
 * `demoBackendVitePlugin` for `npm start`, `demoBackendMiddleware` (Koa style) for web-test-runner.
 * Both serve one backend bound to the shared in-process sandbox.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import { sharedSandbox, type KoaLikeContext } from '../sandbox/middleware.ts';
import { createDemoBackend } from './backend.ts';

let backend: ((request: Request) => Promise<Response>) | undefined;

/** A Node listener for the demo backend, to be called with `req.url` stripped of the prefix. */
function listener(): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return getRequestListener(
    (request) => {
      backend ??= createDemoBackend(sharedSandbox());
      return backend(request);
    },
    { overrideGlobalObjects: false },
  );
}

/** Koa-style middleware (web-test-runner) serving the demo backend under `prefix`. */
export function demoBackendMiddleware({ prefix }: { prefix: string }) {
  const base = prefix.replace(/\/+$/, '');
  const serve = listener();
  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> => {
    if (!ctx.path.startsWith(`${base}/`)) {
      await next();
      return;
    }
    ctx.respond = false;
    ctx.req.url = (ctx.req.url ?? '').slice(base.length);
    await serve(ctx.req, ctx.res);
  };
}

/** Vite plugin serving the demo backend under `prefix` in the dev server (connect strips the prefix). */
export function demoBackendVitePlugin({ prefix }: { prefix: string }): Plugin {
  return {
    name: 'tl-demo-backend',
    configureServer(server) {
      const serve = listener();
      server.middlewares.use(prefix.replace(/\/+$/, ''), (req, res, next) => {
        serve(req, res).catch(next);
      });
    },
  };
}
