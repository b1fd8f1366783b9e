// tl-workflow/server's access token against the real sandbox over HTTP: cached, refreshed before it
// expires with ONE /auth/refresh under concurrent calls, and a fresh authorize when the refresh is refused.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createTransactionLink } from '../../src/server/index.ts';
import { DEMO, serveSandbox, type RunningSandbox } from './server-helpers.ts';

describe('tl-workflow/server: the access token', () => {
  const running: RunningSandbox[] = [];
  after(() => Promise.all(running.map((r) => r.close())));

  async function setUp(options: { accessTtlSeconds: number; refreshTtlSeconds?: number }) {
    const sandbox = await serveSandbox(options);
    running.push(sandbox);
    const tl = createTransactionLink({ baseUrl: sandbox.url, key: 'sandbox-key', secret: 'sandbox-secret' });
    const { id } = await tl.startWorkflow({ workflowDefinitionId: DEMO.individualKycId, locale: 'en' });
    return { sandbox, tl, id };
  }

  it('is obtained once and reused while valid', async () => {
    const { sandbox, tl, id } = await setUp({ accessTtlSeconds: 3600 });
    await Promise.all(Array.from({ length: 20 }, () => tl.getWorkflow(id)));
    await tl.issueWidgetToken({ caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId });
    assert.equal(sandbox.count('POST /auth/authorize'), 1);
    assert.equal(sandbox.count('POST /auth/refresh'), 0);
    assert.equal(sandbox.count(`GET /workflows/${id}`), 20);
  });

  // The sandbox and the helper both read Date: mocked, so the tokens' lifetimes pass when the test says, and
  // the test waits for no clock.
  it('is refreshed before it expires: 20 concurrent calls cause exactly one POST /auth/refresh', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const { sandbox, tl, id } = await setUp({ accessTtlSeconds: 2 });
    assert.equal(sandbox.count('POST /auth/authorize'), 1);
    t.mock.timers.tick(2100); // past the access token's expiry at the sandbox
    const workflows = await Promise.all(Array.from({ length: 20 }, () => tl.getWorkflow(id)));
    assert.ok(workflows.every((w) => w.id === id && w.status === 'RUNNING'));
    assert.equal(sandbox.count('POST /auth/refresh'), 1, 'one refresh for 20 callers');
    assert.equal(sandbox.count('POST /auth/authorize'), 1, 'no new authorize while refresh works');
    assert.equal(sandbox.count(`GET /workflows/${id}`), 20, 'no call was refused and retried');
  });

  it('authorizes afresh (once) when the refresh token is refused', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const { sandbox, tl, id } = await setUp({ accessTtlSeconds: 2, refreshTtlSeconds: 1 });
    t.mock.timers.tick(2100); // both the access token and the refresh token have expired
    const workflows = await Promise.all(Array.from({ length: 10 }, () => tl.getWorkflow(id)));
    assert.equal(workflows.length, 10);
    assert.equal(sandbox.count('POST /auth/refresh'), 1, 'refresh tried once');
    assert.equal(sandbox.count('POST /auth/authorize'), 2, 'then one fresh authorize');
  });
});
