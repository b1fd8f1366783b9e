// The demo's backend as `npm start` mounts it (demoBackendVitePlugin, the way Vite's connect stack
// calls it: prefix stripped from req.url), over HTTP: a cookie session, tokens only for it.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { demoBackendVitePlugin } from '../../demo/backend-mount.ts';
import { DEMO } from '../../sandbox/config.ts';
import { sharedSandbox } from '../../sandbox/middleware.ts';
import { closeServer } from './server-helpers.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

describe('the demo backend (demoBackendVitePlugin)', () => {
  let server: Server;
  let base: string;

  before(async () => {
    const mounts: Array<{ prefix: string; handler: Handler }> = [];
    const configure = demoBackendVitePlugin({ prefix: '/demo-api' }).configureServer as unknown as (server: {
      middlewares: { use: (prefix: string, handler: Handler) => void };
    }) => void;
    configure({ middlewares: { use: (prefix, handler) => mounts.push({ prefix, handler }) } });
    assert.deepEqual(mounts.map((m) => m.prefix), ['/demo-api']);
    server = createServer((req, res) => {
      req.url = req.url!.slice('/demo-api'.length) || '/';
      mounts[0].handler(req, res, () => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo-api`;
  });
  after(() => closeServer(server));

  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

  it('starts a case in an HttpOnly session and issues tokens for it alone', async () => {
    const started = await post('/start', { kind: 'kyb', lang: 'pl', ttlSeconds: 30 });
    assert.equal(started.status, 201);
    const setCookie = started.headers.get('set-cookie')!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const cookie = setCookie.split(';')[0];

    const answer = await post('/token', {}, cookie);
    assert.equal(answer.status, 200);
    const { token } = (await answer.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number; iat: number; executionId: string };
    assert.equal(claims.exp - claims.iat, 30, 'the session asks for 30-second tokens');
    const execution = sharedSandbox().store.getExecution(claims.executionId)!;
    assert.equal(execution.workflowDefinitionId, DEMO.companyKybId);
    assert.equal(execution.locale, 'pl');
    const text = JSON.stringify(await (await post('/token', { lang: 'en' }, cookie)).json());
    assert.ok(!text.includes('sandbox-secret') && !text.includes('accessToken'), 'the page gets a widget token only');

    assert.equal((await post('/token', {})).status, 401, 'no session, no token');
    assert.equal((await post('/token', {}, 'tl-demo-session=forged')).status, 401);
    assert.equal((await post('/start', { kind: 'other' })).status, 400);
  });
});
