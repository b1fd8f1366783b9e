/**
 * A real fault proxy in front of the sandbox, for the browser tests (Node side, mounted by
 * web-test-runner as a Koa middleware): `/tl-faulty/*` forwards to the shared sandbox of `/tl-api`
 * over the test server's own HTTP connections, unless a queued rule says to misbehave:
 *
 * | fault | what the browser gets | reaches the sandbox |
 * |---|---|---|
 * | `drop-before` | the connection closed, no answer | no |
 * | `drop-after` | the connection closed, no answer | yes |
 * | `partial` | status, headers, half the body, then the connection closed | yes |
 * | `truncate` | a complete answer carrying half the body | yes |
 * | `empty-200` | `200` with an empty body | yes |
 * | `html-502` | `502` with an HTML error page (a load balancer's) | no |
 * | `status` | `status` with a JSON error body (`code`), `Retry-After` when given | no |
 * | `hang` | nothing for 30 s, then the connection closed | yes |
 * | `serve` | `200` with `body` (JSON) or `raw` (text) | no |
 *
 * `offline` drops every request until switched off. Control (JSON, same origin):
 * `POST /tl-faulty-control/rules` (a rule), `DELETE /tl-faulty-control/rules` (all rules, back
 * online), `POST /tl-faulty-control/offline` (`{offline}`), `GET /tl-faulty-control/log`,
 * `GET /tl-faulty-control/config` (`{size}`: `FAULTS_SIZE`, `small` by default) and
 * `POST /tl-faulty-control/report` (`{line}`: printed and appended to `FAULTS_REPORT`,
 * default `.faults-report.txt`).
 */
import { appendFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sandbox } from '../../sandbox/app.ts';
import type { KoaLikeContext } from '../../sandbox/middleware.ts';

export type FaultKind =
  | 'drop-before'
  | 'drop-after'
  | 'partial'
  | 'truncate'
  | 'empty-200'
  | 'html-502'
  | 'status'
  | 'hang'
  | 'serve';

/** One queued misbehaviour, for the next `count` requests matching `method` and `pathContains`. */
export interface FaultRule {
  fault: FaultKind;
  method?: string;
  pathContains?: string;
  count?: number;
  status?: number;
  code?: string;
  retryAfter?: string;
  body?: unknown;
  raw?: string;
}

interface Applied {
  fault: FaultKind | 'offline';
  method: string;
  path: string;
}

const HANG_MS = 30_000;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length, ...headers });
  res.end(body);
}

/** The fault proxy: a Koa-style middleware serving `/tl-faulty` and `/tl-faulty-control`. */
export function faultProxy({ prefix = '/tl-faulty', sandbox }: { prefix?: string; sandbox: () => Sandbox }) {
  const control = `${prefix}-control`;
  let rules: Array<FaultRule & { remaining: number }> = [];
  let offline = false;
  const applied: Applied[] = [];
  let requests = 0;

  const take = (method: string, path: string): FaultRule | undefined => {
    const index = rules.findIndex((r) => (!r.method || r.method.toUpperCase() === method) && (!r.pathContains || path.includes(r.pathContains)));
    if (index < 0) return undefined;
    const rule = rules[index]!;
    rule.remaining -= 1;
    if (rule.remaining <= 0) rules.splice(index, 1);
    return rule;
  };

  /** Sends the request to the sandbox; resolves with its whole answer. */
  const forward = async (req: IncomingMessage, path: string) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await readBody(req));
    const response = await sandbox().fetch(new Request(`http://localhost${path}`, { method, headers, body }));
    const bytes = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'transfer-encoding') out[name] = value;
    });
    return { status: response.status, headers: out, bytes };
  };

  const handleControl = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === '/rules' && req.method === 'POST') {
      const rule = JSON.parse((await readBody(req)).toString('utf8')) as FaultRule;
      rules.push({ ...rule, remaining: rule.count ?? 1 });
      sendJson(res, 201, { pending: rules.length });
    } else if (path === '/rules' && req.method === 'DELETE') {
      rules = [];
      offline = false;
      sendJson(res, 200, { pending: 0 });
    } else if (path === '/offline' && req.method === 'POST') {
      offline = Boolean((JSON.parse((await readBody(req)).toString('utf8')) as { offline?: unknown }).offline);
      sendJson(res, 200, { offline });
    } else if (path === '/config' && req.method === 'GET') {
      sendJson(res, 200, { size: process.env.FAULTS_SIZE === 'full' ? 'full' : 'small' });
    } else if (path === '/report' && req.method === 'POST') {
      const { line } = JSON.parse((await readBody(req)).toString('utf8')) as { line: string };
      appendFileSync(process.env.FAULTS_REPORT ?? '.faults-report.txt', `${line}\n`);
      sendJson(res, 200, { line });
    } else if (path === '/log' && req.method === 'GET') {
      sendJson(res, 200, { applied, pending: rules, requests });
    } else sendJson(res, 404, { errors: [{ code: 'not-found', message: 'No such control.' }] });
  };

  const handleProxied = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = req.method ?? 'GET';
    requests += 1;
    if (offline) {
      applied.push({ fault: 'offline', method, path });
      req.socket.destroy();
      return;
    }
    const rule = take(method, path);
    if (rule) applied.push({ fault: rule.fault, method, path });
    switch (rule?.fault) {
      case 'drop-before':
        req.socket.destroy();
        return;
      case 'html-502': {
        const page = Buffer.from('<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>');
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': page.length });
        res.end(page);
        return;
      }
      case 'status': {
        const status = rule.status ?? 503;
        const headers: Record<string, string> = rule.retryAfter === undefined ? {} : { 'retry-after': rule.retryAfter };
        if (rule.raw !== undefined) {
          const body = Buffer.from(rule.raw);
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length, ...headers });
          res.end(body);
        } else sendJson(res, status, { fingerprint: 'fault-proxy', errors: [{ code: rule.code ?? 'fault', message: `Fault proxy: ${status}.` }] }, headers);
        return;
      }
      case 'serve': {
        const body = Buffer.from(rule.raw ?? JSON.stringify(rule.body));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.end(body);
        return;
      }
      default:
        break;
    }
    const answer = await forward(req, path);
    switch (rule?.fault) {
      case 'drop-after':
        req.socket.destroy();
        return;
      case 'hang': {
        const timer = setTimeout(() => req.socket.destroy(), HANG_MS);
        req.socket.once('close', () => clearTimeout(timer));
        return;
      }
      case 'partial': {
        res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.bytes.length });
        res.write(answer.bytes.subarray(0, Math.floor(answer.bytes.length / 2)));
        setTimeout(() => req.socket.destroy(), 50);
        return;
      }
      case 'truncate': {
        const half = answer.bytes.subarray(0, Math.floor(answer.bytes.length / 2));
        res.writeHead(answer.status, { ...answer.headers, 'content-length': half.length });
        res.end(half);
        return;
      }
      case 'empty-200':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 });
        res.end();
        return;
      default:
        res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.bytes.length });
        res.end(answer.bytes);
    }
  };

  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> => {
    const url = ctx.req.url ?? '/';
    const inControl = ctx.path === control || ctx.path.startsWith(`${control}/`);
    const proxied = !inControl && (ctx.path === prefix || ctx.path.startsWith(`${prefix}/`));
    if (!inControl && !proxied) {
      await next();
      return;
    }
    ctx.respond = false;
    // For the test server's log: a dropped or withheld answer is not a 404 (Koa's default).
    (ctx as { status?: number }).status = 200;
    const rest = url.slice((inControl ? control : prefix).length) || '/';
    try {
      if (inControl) await handleControl(ctx.req, ctx.res, rest.split('?')[0]!);
      else await handleProxied(ctx.req, ctx.res, rest);
    } catch (error) {
      if (!ctx.res.headersSent) sendJson(ctx.res, 500, { errors: [{ code: 'proxy', message: String(error) }] });
    }
  };
}
