/**
 * What keeps a sandbox listening on a developer's machine safe from web pages: it answers only for
 * local host names (a DNS-rebinding page has its own), and it refuses request bodies over a limit
 * before reading them (a 100 MB save or 2 million keys never reach `JSON.parse`).
 */
import type { MiddlewareHandler } from 'hono';
import type { SandboxOptions } from './config.ts';
import { errorResponse } from './errors.ts';

/** Whether `hostname` (as in a URL: `[::1]` with brackets) is one the sandbox answers for. */
function isAllowedHost(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return allowed.includes(host) || host.endsWith('.localhost');
}

/** `421 misdirected-request` for a `Host` the sandbox does not answer for. */
export function hostGuard(options: SandboxOptions): MiddlewareHandler {
  return async (c, next) => {
    const hostname = new URL(c.req.url).hostname;
    if (!isAllowedHost(hostname, options.allowedHosts)) {
      return errorResponse(
        421,
        'misdirected-request',
        `This sandbox answers only for local host names (${options.allowedHosts.join(', ')}); add others with SANDBOX_ALLOWED_HOSTS.`,
      );
    }
    await next();
    return undefined;
  };
}

/**
 * `413 payload-too-large` for a body over the limit: by `Content-Length` before reading a byte, or
 * while reading a chunked body, as soon as it passes the limit. Multipart uploads get
 * `maxUploadBytes`, the rest `maxJsonBytes`.
 */
export function bodyGuard(options: SandboxOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const multipart = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
    const max = multipart ? options.maxUploadBytes : options.maxJsonBytes;
    const tooLarge = (): Response => {
      const response = errorResponse(413, 'payload-too-large', `The request body is larger than ${max} bytes.`);
      // The rest of the body is never read: the connection cannot carry another request.
      response.headers.set('connection', 'close');
      return response;
    };
    const declared = c.req.header('content-length');
    if (declared !== undefined) {
      if (Number(declared) > max) return tooLarge();
      await next();
      return undefined;
    }
    const reader = c.req.header('transfer-encoding') ? c.req.raw.body?.getReader() : undefined;
    if (reader) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > max) {
          await reader.cancel().catch(() => undefined);
          return tooLarge();
        }
        chunks.push(value);
      }
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      c.req.raw = new Request(c.req.url, { method: c.req.method, headers: c.req.raw.headers, body });
    }
    await next();
    return undefined;
  };
}
