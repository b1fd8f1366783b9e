/**
 * The replica of TransactionLink's hosted widget (no token needed: the token reaches the frame by
 * postMessage, never in a URL). Mounted at `/widget` BEFORE the token-guarded widget API:
 * - `GET /widget/transactionlink-widget.umd.js[?mode=...]`: the embed script (window.transactionlink),
 *   in the modes named (replica/modes.ts; an unknown one is a `400`);
 * - `GET /widget/frame`: the framed workflow page, under a strict CSP with Trusted Types;
 * - `GET /widget/frame.js`: that page's script (our native renderer, built from src/).
 * Injected faults (`POST /sandbox/faults`) and `LATENCY_MS` apply to these files too.
 */
import { Hono, type Context } from 'hono';
import type { SandboxContext } from '../context.ts';
import { strictCsp } from '../csp.ts';
import type { ReplicaBundle } from '../replica/bundle.ts';
import { parseModes, REPLICA_MODES } from '../replica/modes.ts';
import { widgetFaults } from './testing.ts';

/** The framed page's policy: nothing inline, Trusted Types on, framable by local pages only. */
const FRAME_CSP = strictCsp('lit-html', { lockDown: true, frameAncestors: "'self' http://localhost:* http://127.0.0.1:*" });

const FRAME_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>TransactionLink verification (sandbox replica)</title>
    <script src="frame.js" defer></script>
  </head>
  <body>
    <main><tl-workflow engine="native"></tl-workflow></main>
  </body>
</html>
`;

async function serveScript(ctx: SandboxContext, c: Context, name: ReplicaBundle): Promise<Response> {
  const code = await ctx.replicaScript(name);
  return c.body(code, 200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
}

/** Routes mounted at `/widget`, ahead of `widgetRoutes`. */
export function widgetReplicaRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  const faults = widgetFaults(ctx);
  app.get('/transactionlink-widget.umd.js', faults, (c) => {
    const { unknown } = parseModes(c.req.query('mode') ?? null);
    if (unknown.length > 0) {
      const message = `Unknown replica mode: ${unknown.join(', ')} (modes: ${REPLICA_MODES.join(', ')}).`;
      return c.text(message, 400, { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    }
    return serveScript(ctx, c, 'host');
  });
  app.get('/frame.js', faults, (c) => serveScript(ctx, c, 'frame'));
  app.get('/frame', faults, (c) =>
    c.html(FRAME_PAGE, 200, { 'Content-Security-Policy': FRAME_CSP, 'Cache-Control': 'no-cache', 'Referrer-Policy': 'no-referrer' }),
  );
  return app;
}
