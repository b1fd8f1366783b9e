/**
 * Mounting a sandbox inside an app's own server, same-origin, as a standard fetch handler: a
 * Next.js route handler (`app/tl-api/[...path]/route.ts`), Hono, or any runtime with `Request` and
 * `Response`. Together with the replica under the same prefix, the app's page and the replica's
 * frame share one origin (what Cypress needs).
 */
import { createSandbox, type SandboxOptions } from './app.ts';

/** A fetch handler serving one sandbox under `prefix` (default `/tl-api`); requests outside it get `404`. */
export function sandboxFetchHandler(options: Partial<SandboxOptions> & { prefix?: string } = {}): (request: Request) => Promise<Response> {
  const { prefix: given = '/tl-api', ...rest } = options;
  const prefix = given.replace(/\/+$/, '');
  const sandbox = createSandbox({ ...rest, basePath: prefix });
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
      return new Response(`tl-workflow-sandbox answers under ${prefix}/`, { status: 404 });
    }
    url.pathname = url.pathname.slice(prefix.length) || '/';
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers, signal: request.signal };
    if (hasBody) Object.assign(init, { body: request.body, duplex: 'half' });
    return sandbox.fetch(new Request(url, init));
  };
}
