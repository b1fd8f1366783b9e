/**
 * Helpers for the `tl-workflow/server` tests: the real sandbox served over HTTP on a free port
 * (through @hono/node-server, as `npm run sandbox` does), with every request counted by
 * `METHOD /path`, and a small HTTP receiver for webhooks.
 */
import { getRequestListener, serve } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '../sandbox/helpers.ts';
import type { Sandbox, SandboxOptions } from '../../sandbox/app.ts';

export { DEMO, PERSONAL, png } from '../sandbox/helpers.ts';

/** A sandbox listening on 127.0.0.1. */
export interface RunningSandbox {
  sandbox: Sandbox;
  url: string;
  /** How many requests reached the sandbox, by `METHOD /path` (query left out). */
  count: (request: string) => number;
  /** How many requests reached the sandbox whose `METHOD /path` starts with `prefix`. */
  countStarting: (prefix: string) => number;
  close: () => Promise<void>;
}

/** Starts the sandbox app over HTTP on a free port. */
export async function serveSandbox(options: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ cors: false, ...options });
  const counts = new Map<string, number>();
  const server = await new Promise<Server>((resolve) => {
    const started = serve(
      {
        fetch: (request: Request) => {
          const name = `${request.method} ${new URL(request.url).pathname}`;
          counts.set(name, (counts.get(name) ?? 0) + 1);
          return sandbox.fetch(request);
        },
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(started as Server),
    );
  });
  return {
    sandbox,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: (request) => counts.get(request) ?? 0,
    countStarting: (prefix) => [...counts].reduce((sum, [name, n]) => (name.startsWith(prefix) ? sum + n : sum), 0),
    close: () => closeServer(server),
  };
}

/** Closes a server, dropping idle keep-alive connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Serves a standard fetch handler on a free port (the way Express mounts it: `getRequestListener`). */
export async function serveHandler(handler: (request: Request) => Promise<Response>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(getRequestListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => closeServer(server) };
}

export { until } from '../helpers/until.ts';

/** A stand-in for TransactionLink that misbehaves as a test says, over real HTTP. */
export interface StandIn {
  url: string;
  /** Every request it received, as `METHOD /path?query`, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * Serves `route(name, request)` (`name`: `METHOD /path?query`) on a free port, after answering `POST /auth/authorize` with an opaque
 * access token (unless `route` answers it). `route` returning `undefined` means 404.
 */
export async function serveStandIn(
  route: (name: string, request: Request) => Response | undefined | Promise<Response | undefined>,
  accessToken = 'opaque-access-token-0123456789',
): Promise<StandIn> {
  const requests: string[] = [];
  const served = await serveHandler(async (request) => {
    const url = new URL(request.url);
    const name = `${request.method} ${url.pathname}${url.search}`;
    requests.push(name);
    const answer = await route(name, request);
    if (answer) return answer;
    if (name === 'POST /auth/authorize') return Response.json({ accessToken, refreshToken: 'opaque-refresh-token-9876543210', expiryDuration: 3600, tokenType: 'Bearer' });
    return Response.json({ errors: [{ code: 'not-found', message: 'No such route.' }] }, { status: 404 });
  });
  return { ...served, requests };
}
