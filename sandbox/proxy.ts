/**
 * Same-origin mode: one HTTP listener that serves the sandbox under a prefix (`/tl-api`) and
 * forwards every other request to the app's own server (a dev server, a Node backend), so the
 * app's page, the sandbox's API and the replica's frame all share one origin. Cypress can then
 * reach into the replica's frame, which it cannot do across origins.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Whether `url` (a request's path and query) is under `prefix`. */
export function underPrefix(url: string, prefix: string): boolean {
  return prefix === '' || url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
}

/** A Node listener forwarding each request to `target` (scheme, host and port; the path is kept). */
export function forwardTo(target: string): Listener {
  const base = new URL(target);
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
  return (req, res) => {
    const outgoing = send(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: base.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', (error) => {
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`tl-workflow-sandbox could not reach the app at ${base.origin} (${error.message}).`);
    });
    req.pipe(outgoing);
  };
}

/** Forwards a WebSocket upgrade (a dev server's hot reload) to `target`, byte for byte. */
export function forwardUpgrade(target: string): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const base = new URL(target);
  return (req, socket, head) => {
    const upstream: Socket = connect(Number(base.port || 80), base.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]!;
        lines.push(`${name}: ${name.toLowerCase() === 'host' ? base.host : req.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', end);
    socket.on('error', end);
  };
}
