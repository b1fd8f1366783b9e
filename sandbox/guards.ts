/**
 * What keeps a sandbox listening on a developer's machine safe from web pages and stuck clients: it
 * answers only for the local host names it was told (a DNS-rebinding page has its own), it refuses
 * request bodies over a limit before reading them (a 100 MB save or 2 million keys never reach
 * `JSON.parse`), and it gives a body a deadline (a client that stops sending does not keep a socket).
 */
import type { MiddlewareHandler } from 'hono';
import type { SandboxOptions } from './config.ts';
import { errorResponse } from './errors.ts';

/**
 * The host name of a `Host` header as sent (`[::1]` with brackets, the port left out), lower case;
 * `null` when it is empty. Never normalised: `127.1`, `0x7f.1` and `2130706433` stay what they are.
 */
function hostOf(header: string): string | null {
  const host = header.trim().toLowerCase();
  if (host === '') return null;
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1) || null;
  return host.replace(/:\d*$/, '') || null;
}

/**
 * `421 misdirected-request` for a `Host` the sandbox does not answer for: exactly one of
 * `allowedHosts`, as sent. Requests handed in-process without a `Host` header (`sandbox.fetch`)
 * are judged by their URL's host name.
 */
export function hostGuard(options: SandboxOptions): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host');
    const hostname = header === undefined ? new URL(c.req.url).hostname : hostOf(header);
    if (hostname === null || !options.allowedHosts.includes(hostname)) {
      return errorResponse(
        421,
        'misdirected-request',
        `This sandbox answers only for the host names ${options.allowedHosts.join(', ')}; add others with SANDBOX_ALLOWED_HOSTS.`,
      );
    }
    await next();
    return undefined;
  };
}

/** A 4xx answer after which the connection is closed (the rest of the body is never read). */
function closing(status: number, code: string, message: string): Response {
  const response = errorResponse(status, code, message);
  response.headers.set('connection', 'close');
  return response;
}

/** Reads `body` whole: `'too-large'` past `max` bytes, `'timeout'` when it is not all there after `timeoutMs`. */
async function readWithin(body: ReadableStream<Uint8Array>, max: number, timeoutMs: number): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'timeout'> {
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const read = await Promise.race([reader.read(), expired]);
      if (read === 'timeout' || (!read.done && size + read.value.byteLength > max)) {
        await reader.cancel().catch(() => undefined);
        return read === 'timeout' ? 'timeout' : 'too-large';
      }
      if (read.done) break;
      size += read.value.byteLength;
      chunks.push(read.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/**
 * `413 payload-too-large` for a body over the limit: by `Content-Length` before reading a byte, or
 * while reading, as soon as it passes the limit. `408 request-timeout` for a body not all there
 * within `bodyTimeoutMs`. Multipart uploads get `maxUploadBytes`, the rest `maxJsonBytes`. Both
 * answers close the connection. A body read in time goes on to the routes as it came.
 */
export function bodyGuard(options: SandboxOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const multipart = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
    const max = multipart ? options.maxUploadBytes : options.maxJsonBytes;
    const tooLarge = () => closing(413, 'payload-too-large', `The request body is larger than ${max} bytes.`);
    if (Number(c.req.header('content-length') ?? 0) > max) return tooLarge();
    if (c.req.raw.body) {
      const body = await readWithin(c.req.raw.body, max, options.bodyTimeoutMs);
      if (body === 'too-large') return tooLarge();
      if (body === 'timeout') return closing(408, 'request-timeout', `The request body did not arrive within ${options.bodyTimeoutMs} ms.`);
      c.req.raw = new Request(c.req.url, { method: c.req.method, headers: c.req.raw.headers, body });
    }
    await next();
    return undefined;
  };
}
