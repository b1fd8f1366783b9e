// The scenarios of startSandbox() over real HTTP (sandbox/start.ts, sandbox/scenarios.ts), as a host
// backend sees each one: its token, its workflow's status, its webhooks, the widget API's answers.
// What a host page sees of each is tested in test/apps/integrator (Playwright) and
// test/integrator/journey.test.ts (the browser suite). The runner exits by itself: stop() leaves nothing.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { startSandbox, type RunningSandbox } from '../../sandbox/start.ts';
import { sandboxFetchHandler } from '../../sandbox/mount.ts';

/** A webhook receiver on a real port that answers 204 to everything. */
async function receiver(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, server };
}

/** A widget request with `token` (the frame's widget does these). */
const widget = (sandbox: RunningSandbox, token: string, path: string, init: RequestInit = {}) =>
  fetch(`${sandbox.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

/** Saves a step (a fresh Idempotency-Key). */
const save = (sandbox: RunningSandbox, token: string, step: string, values: unknown) =>
  widget(sandbox, token, `/widget/execution/steps/${step}`, { method: 'PUT', body: JSON.stringify({ values }), headers: { 'idempotency-key': crypto.randomUUID() } });

/** The backend's view of a workflow (`GET /workflows/{id}` with an access token). */
async function backendStatus(sandbox: RunningSandbox, id: string): Promise<string> {
  const auth = await fetch(`${sandbox.url}/auth/authorize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: sandbox.key, secret: sandbox.secret }) });
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const workflow = await fetch(`${sandbox.url}/workflows/${id}`, { headers: { authorization: `Bearer ${accessToken}` } });
  return ((await workflow.json()) as { status: string }).status;
}

/** Saves every step of the individual KYC but the review, through the API. */
async function fillKyc(sandbox: RunningSandbox, token: string): Promise<void> {
  const upload = async (step: string, field: string) => {
    const form = new FormData();
    form.set('field', field);
    form.set('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), `${field}.pdf`);
    const answer = await fetch(`${sandbox.url}/widget/execution/steps/${step}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return answer.json();
  };
  const steps: Array<[string, () => Promise<unknown>]> = [
    ['personal', async () => ({ firstName: 'Anna', lastName: 'Nowak', dateOfBirth: '1990-05-17', nationality: 'PL', email: 'anna@example.com', phone: { countryCode: '+48', number: '600100200' }, street: 'A 1', city: 'Warszawa', postalCode: '00-001', country: 'PL' })],
    ['identity-document', async () => ({ documentType: 'passport', front: await upload('identity-document', 'front') })],
    ['proof-of-address', async () => ({ document: await upload('proof-of-address', 'document') })],
    ['bank', async () => ({ outcome: 'OMITTED' })],
    ['consents', async () => ({ terms: true, privacy: true })],
  ];
  for (const [step, values] of steps) assert.equal((await save(sandbox, token, step, await values())).status, 200, step);
}

describe('startSandbox(): scenarios, as a host backend sees them', () => {
  let sandbox: RunningSandbox;
  let hooks: { url: string; server: Server };
  before(async () => {
    hooks = await receiver();
    sandbox = await startSandbox({ port: 0, webhookUrl: hooks.url });
  });
  after(async () => {
    await sandbox.stop();
    await new Promise((resolve) => hooks.server.close(resolve));
  });

  it('answers on 127.0.0.1 with RS512 tokens shaped as TransactionLink documents them (plus the sandbox extensions)', async () => {
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const { token, workflowId, expiresAt } = await sandbox.widgetToken();
    assert.equal(decodeProtectedHeader(token).alg, 'RS512');
    const claims = decodeJwt(token);
    assert.deepEqual(Object.keys(claims).sort(), ['aud', 'customerId', 'executionId', 'exp', 'iat', 'jti', 'partyId', 'workspaceId']);
    assert.equal(claims.exp! - claims.iat!, 3600);
    assert.equal(claims.executionId, workflowId);
    assert.equal(expiresAt.getTime(), claims.exp! * 1000);
    assert.equal(await backendStatus(sandbox, workflowId), 'RUNNING');
  });

  it('token-expires: the next token lives the seconds asked for; the one after it the usual hour', async () => {
    sandbox.scenario('token-expires', { seconds: 5 });
    const short = decodeJwt((await sandbox.widgetToken()).token);
    const usual = decodeJwt((await sandbox.widgetToken()).token);
    assert.equal(short.exp! - short.iat!, 5);
    assert.equal(usual.exp! - usual.iat!, 3600);
  });

  it('awaiting: the next submission ends AWAITING, then COMPLETED after the seconds asked for, each with its webhook', async () => {
    sandbox.scenario('awaiting', { seconds: 0.5 });
    const { token, workflowId } = await sandbox.widgetToken();
    await fillKyc(sandbox, token);
    const submitted = await save(sandbox, token, 'review', {});
    assert.equal(((await submitted.json()) as { status: string }).status, 'AWAITING');
    assert.equal((await sandbox.webhooks.waitFor({ workflowId, status: 'AWAITING' })).delivered, true);
    await sandbox.webhooks.waitFor({ workflowId, status: 'COMPLETED' });
    assert.equal(await backendStatus(sandbox, workflowId), 'COMPLETED');
  });

  it('a workflow without a scenario completes at once, with one COMPLETED webhook', async () => {
    const { token, workflowId } = await sandbox.widgetToken();
    await fillKyc(sandbox, token);
    assert.equal(((await (await save(sandbox, token, 'review', {})).json()) as { status: string }).status, 'COMPLETED');
    await sandbox.webhooks.waitFor({ workflowId, status: 'COMPLETED' });
    assert.deepEqual(sandbox.webhooks.list().filter((d) => d.workflowId === workflowId).map((d) => d.status), ['COMPLETED']);
  });

  it('requests-fail: the next N widget API requests answer the status asked for, then the API works', async () => {
    const { token } = await sandbox.widgetToken();
    sandbox.scenario('requests-fail', { status: 500, count: 2 });
    assert.equal((await widget(sandbox, token, '/widget/execution')).status, 500);
    assert.equal((await widget(sandbox, token, '/widget/execution')).status, 500);
    assert.equal((await widget(sandbox, token, '/widget/execution')).status, 200);
  });

  it("script-fails and script-never-ready: the next loads of the replica's script fail, or load a script that never calls ready", async () => {
    sandbox.scenario('script-fails', { status: 404 });
    sandbox.scenario('script-never-ready');
    const load = () => fetch(sandbox.widgetSrc);
    assert.equal((await load()).status, 404);
    const inert = await load();
    assert.equal(inert.status, 200);
    assert.doesNotMatch(await inert.text(), /transactionlink_ready\(|transactionlink\s*=/);
    const real = await (await load()).text();
    assert.match(real, /transactionlink_ready/);
  });

  it('field-refused: the next save of the step holding the field is 422 on it, and nothing is stored; the next save passes', async () => {
    const { token, workflowId } = await sandbox.widgetToken();
    sandbox.scenario('field-refused', { field: 'email', message: 'Blocked address.' });
    const values = { firstName: 'Anna', lastName: 'Nowak', dateOfBirth: '1990-05-17', nationality: 'PL', email: 'anna@example.com', phone: { countryCode: '+48', number: '600100200' }, street: 'A 1', city: 'Warszawa', postalCode: '00-001', country: 'PL' };
    const refused = await save(sandbox, token, 'personal', values);
    assert.equal(refused.status, 422);
    assert.deepEqual(((await refused.json()) as { errors: unknown[] }).errors, [{ code: 'validation', field: 'email', message: 'Blocked address.' }]);
    const audit = await (await fetch(`${sandbox.url}/sandbox/audit/${workflowId}`)).json();
    assert.deepEqual(audit, { saves: {}, status: 'RUNNING' });
    assert.equal((await save(sandbox, token, 'personal', values)).status, 200);
  });

  it('refuses a scenario it cannot honour, over HTTP too (400 naming the field), and clearScenarios() drops every queued one', async () => {
    assert.throws(() => sandbox.scenario('field-refused', { field: 'nope' }), /field must name a field/);
    assert.throws(() => sandbox.scenario('token-expires', { seconds: 0 }), /seconds/);
    const bad = await fetch(`${sandbox.url}/sandbox/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'explode' }) });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0]!.field, 'name');
    const queued = await fetch(`${sandbox.url}/sandbox/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'script-fails', count: 3 }) });
    assert.equal(queued.status, 201);
    sandbox.clearScenarios();
    assert.equal((await fetch(sandbox.widgetSrc)).status, 200);
  });
});

describe('same-origin mounts', () => {
  it("startSandbox({ proxy }): the sandbox under /tl-api, everything else from the app's server", async () => {
    const app = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`app ${req.method} ${req.url}`));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const sandbox = await startSandbox({ port: 0, proxy: `http://127.0.0.1:${(app.address() as AddressInfo).port}` });
    try {
      assert.equal(sandbox.url, `${sandbox.origin}/tl-api`);
      assert.equal(await (await fetch(`${sandbox.origin}/checkout?step=1`)).text(), 'app GET /checkout?step=1');
      assert.equal((await fetch(`${sandbox.origin}/tl-api/widget/frame`)).status, 200);
      assert.equal(sandbox.widgetSrc, `${sandbox.origin}/tl-api/widget/transactionlink-widget.umd.js`);
      assert.equal(decodeProtectedHeader((await sandbox.widgetToken()).token).alg, 'RS512');
    } finally {
      await sandbox.stop();
      await new Promise((resolve) => app.close(resolve));
    }
  });

  it('sandboxFetchHandler({ prefix }): a fetch handler (Next.js route, Hono) serving the sandbox under the prefix', async () => {
    const handle = sandboxFetchHandler({ prefix: '/tl-api' });
    const auth = await handle(new Request('http://localhost:3000/tl-api/auth/authorize', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'sandbox-key', secret: 'sandbox-secret' }) }));
    assert.equal(auth.status, 200);
    assert.equal((await handle(new Request('http://localhost:3000/elsewhere'))).status, 404);
    assert.equal((await handle(new Request('http://localhost:3000/tl-api/widget/frame'))).status, 200);
  });
});
