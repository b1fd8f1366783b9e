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
