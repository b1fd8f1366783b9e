// widgetTokenHandler mounted the ways hosts mount it (a Hono app, and a Node request listener as
// Express uses it), issuing real tokens from the sandbox over HTTP for the case `resolve` returns.
import assert from 'node:assert/strict';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTransactionLink, widgetTokenHandler, type WidgetTokenRequest } from '../../src/server/index.ts';
import { closeServer, DEMO, serveHandler, serveSandbox, type RunningSandbox } from './server-helpers.ts';

/** The host's own sessions: a session id (cookie) names a user, who may have a case. */
const SESSIONS: Record<string, WidgetTokenRequest | null> = {
  'session-anna': { caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId, lang: 'pl' },
  'session-no-case': null,
  'session-unknown-case': { caseId: '00000000-0000-4000-8000-000000000000', workflowDefinitionId: DEMO.individualKycId },
};

function sessionOf(cookie: string | null | undefined): WidgetTokenRequest | null {
  const id = /(?:^|;\s*)sid=([^;]+)/.exec(cookie ?? '')?.[1];
  if (!id || !(id in SESSIONS)) throw new Error('not signed in');
  return SESSIONS[id];
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('tl-workflow/server: widgetTokenHandler', () => {
  let running: RunningSandbox;
  let hono: Server;
  let honoUrl: string;
  let node: { url: string; close: () => Promise<void> };
  const failures: unknown[] = [];

  before(async () => {
    running = await serveSandbox();
    const transactionLink = createTransactionLink({ baseUrl: running.url, key: 'sandbox-key', secret: 'sandbox-secret' });
    // Hono: pass the raw Request.
    const tokenRoute = widgetTokenHandler({ transactionLink, resolve: (request) => sessionOf(request.headers.get('cookie')), onError: (e) => failures.push(e) });
    const app = new Hono();
    app.all('/api/tl-token', (c) => tokenRoute(c.req.raw));
    hono = await new Promise<Server>((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server as Server));
    });
    honoUrl = `http://127.0.0.1:${(hono.address() as AddressInfo).port}/api/tl-token`;
    // Express-style: getRequestListener passes { incoming, outgoing } after the Request.
    const nodeRoute = widgetTokenHandler<{ incoming: IncomingMessage }>({
      transactionLink,
      resolve: (_request, { incoming }) => sessionOf(incoming.headers.cookie),
    });
    node = await serveHandler(nodeRoute as (request: Request) => Promise<Response>);
  });
  after(() => Promise.all([running.close(), closeServer(hono), node.close()]));

  const post = (url: string, cookie?: string) => fetch(url, { method: 'POST', headers: cookie ? { cookie } : {} });

  it('answers POST with a fresh widget token for the case resolve returns: JSON, never cached', async () => {
    const response = await post(honoUrl, 'sid=session-anna');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^application\/json/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    const claims = claimsOf(token);
    assert.equal(claims.partyId, DEMO.partyId);
    assert.equal(Date.parse(expiresAt), (claims.exp as number) * 1000);
    const again = (await (await post(honoUrl, 'sid=session-anna')).json()) as { token: string };
    assert.notEqual(again.token, token, 'every call is a new token');
    assert.equal(claimsOf(again.token).executionId, claims.executionId, 'for the same workflow execution');
  });

  it('refuses with 401 when resolve rejects (not signed in), and asks TransactionLink nothing', async () => {
    const before = running.count('POST /token');
    for (const cookie of [undefined, 'sid=forged']) {
      const response = await post(honoUrl, cookie);
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = (await response.json()) as { errors: Array<{ code: string }>; token?: string };
      assert.equal(body.errors[0].code, 'unauthorized');
      assert.equal(body.token, undefined);
    }
    assert.equal(running.count('POST /token'), before);
    assert.ok(failures.some((e) => e instanceof Error && e.message === 'not signed in'), 'onError hears why');
  });

  it('answers 404 when resolve returns nothing, or TransactionLink does not know the case', async () => {
    const none = await post(honoUrl, 'sid=session-no-case');
    assert.equal(none.status, 404);
    assert.equal(((await none.json()) as { errors: Array<{ code: string }> }).errors[0].code, 'not-found');
    const unknown = await post(honoUrl, 'sid=session-unknown-case');
    assert.equal(unknown.status, 404);
  });

  it('answers 405 to other methods', async () => {
    const response = await fetch(honoUrl, { headers: { cookie: 'sid=session-anna' } });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });

  it('mounts as a Node request listener (Express) with the Node request as context', async () => {
    const ok = await post(node.url, 'sid=session-anna');
    assert.equal(ok.status, 200);
    assert.equal(claimsOf(((await ok.json()) as { token: string }).token).partyId, DEMO.partyId);
    assert.equal((await post(node.url)).status, 401);
  });

  it('answers 502 without details when TransactionLink fails', async () => {
    const down = widgetTokenHandler({
      transactionLink: createTransactionLink({ baseUrl: 'http://127.0.0.1:9', key: 'sandbox-key', secret: 'sandbox-secret' }),
      resolve: () => SESSIONS['session-anna'],
    });
    const response = await down(new Request('http://host.test/api/tl-token', { method: 'POST' }));
    assert.equal(response.status, 502);
    const text = await response.text();
    assert.match(text, /"upstream"/);
    assert.ok(!text.includes('127.0.0.1') && !text.includes('sandbox-secret'));
  });
});
