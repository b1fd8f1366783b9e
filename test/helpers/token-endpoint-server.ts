/**
 * A host's token endpoint for the browser tests (Node side, mounted by web-test-runner as a Koa
 * middleware at `/token-endpoint`): `tl-workflow/server`'s real `widgetTokenHandler`, issuing real
 * tokens from the shared sandbox, with a script of answers to play first. Each test uses its own
 * `<key>`, so engines running side by side never share a script.
 *
 * - `POST /token-endpoint/<key>/token?case=<caseId>&ttl=<seconds>`: the next scripted answer when
 *   there is one (`{ status, body? }`, or `{ hang: true }`: no answer until the browser gives up),
 *   else the handler's answer: a widget token for that case of the individual KYC workflow.
 * - `PUT /token-endpoint/<key>/script` (a JSON array of answers) replaces the script.
 * - `GET /token-endpoint/<key>/log`: every token request seen: method, `Accept`, body length,
 *   whether it carried a cookie, whether the browser aborted it, and the status answered.
 * - `DELETE /token-endpoint/<key>`: forgets the key's script and log.
 */
import type { IncomingMessage } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { DEMO } from '../../sandbox/config.ts';
import { sharedSandbox, type KoaLikeContext } from '../../sandbox/middleware.ts';
import { createTransactionLink, widgetTokenHandler } from '../../src/server/index.ts';

/** A scripted answer of the endpoint. */
export type ScriptedAnswer = { status: number; body?: unknown } | { hang: true };

/** One token request, as the endpoint saw it. */
export interface TokenRequestRecord {
  method: string;
  accept: string;
  bodyLength: number;
  cookie: boolean;
  aborted: boolean;
  status: number;
}

interface KeyState {
  script: ScriptedAnswer[];
  log: TokenRequestRecord[];
}

const keys = new Map<string, KeyState>();
const stateOf = (key: string): KeyState => {
  let state = keys.get(key);
  if (!state) keys.set(key, (state = { script: [], log: [] }));
  return state;
};

/** The real handler, over the sandbox in this process; `case` and `ttl` come from the query. */
function handler() {
  const sandbox = sharedSandbox('/tl-api');
  const transactionLink = createTransactionLink({
    baseUrl: 'http://127.0.0.1',
    key: sandbox.options.key,
    secret: sandbox.options.secret,
    fetch: (input, init) => sandbox.fetch(new Request(input, init)),
  });
  const issue = widgetTokenHandler({
    transactionLink,
    resolve: (request) => {
      const query = new URL(request.url).searchParams;
      const caseId = query.get('case');
      if (!caseId) return null;
      const ttl = Number(query.get('ttl'));
      return { caseId, workflowDefinitionId: DEMO.individualKycId, ...(ttl > 0 ? { ttlSeconds: ttl } : {}) };
    },
  });
  return getRequestListener((request) => issue(request), { overrideGlobalObjects: false });
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

/** Koa-style middleware serving the test token endpoint under `prefix`. */
export function tokenEndpointMiddleware({ prefix }: { prefix: string }) {
  const base = prefix.replace(/\/+$/, '');
  let issue: ReturnType<typeof handler> | undefined;
  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> => {
    const match = new RegExp(`^${base}/([\\w-]+)(/token|/script|/log)?$`).exec(ctx.path);
    if (!match) {
      await next();
      return;
    }
    const [, key = '', route = ''] = match;
    const { req, res } = ctx;
    ctx.respond = false;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const state = stateOf(key);
    if (route === '/script' && req.method === 'PUT') {
      state.script = JSON.parse(await readBody(req)) as ScriptedAnswer[];
      return reply(200, state.script);
    }
    if (route === '/log') return reply(200, state.log);
    if (route === '' && req.method === 'DELETE') {
      keys.delete(key);
      return reply(200, {});
    }
    if (route !== '/token') return reply(404, {});
    const body = await readBody(req);
    const record: TokenRequestRecord = {
      method: req.method ?? '',
      accept: req.headers.accept ?? '',
      bodyLength: body.length,
      cookie: !!req.headers.cookie,
      aborted: false,
      status: 0,
    };
    state.log.push(record);
    const answer = state.script.shift();
    if (answer && 'hang' in answer) {
      // No answer: the request stays open until the browser closes it.
      res.on('close', () => (record.aborted = true));
      return;
    }
    if (answer) {
      record.status = answer.status;
      return reply(answer.status, answer.body ?? { errors: [{ code: 'scripted', message: `Scripted ${answer.status}.` }] });
    }
    issue ??= handler();
    res.on('finish', () => (record.status = res.statusCode));
    // The body was read above: hand the handler what it needs (the URL and the method).
    req.url = (req.url ?? '').slice(base.length);
    await issue(Object.assign(req, { rawBody: Buffer.from(body) }), res);
  };
}
