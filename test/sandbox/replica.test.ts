// The sandbox's replica of TransactionLink's hosted widget: its files need no token, the framed
// page runs under a strict CSP, faults apply, and the token-guarded widget API stays guarded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { Sandbox } from '../../sandbox/app.ts';
import { decodeJwt } from 'jose';
import { REPLICA_MODES } from '../../sandbox/replica/modes.ts';
import { call, callJson, accessToken, DEMO, startSandbox, widgetToken } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('replica of TransactionLink\'s widget (/widget/transactionlink-widget.umd.js, /widget/frame)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
  });

  it('serves the embed script without a token: window.transactionlink, then transactionlink_ready()', async () => {
    const response = await call(sandbox, '/widget/transactionlink-widget.umd.js');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const code = await response.text();
    for (const name of ['transactionlink_ready', 'setOptions', 'unmountWidget', 'widget.setContext', 'transactionlink-widget']) {
      assert.ok(code.includes(name), `mentions ${name}`);
    }
    assert.ok(!/innerHTML|eval\(|new Function/.test(code), 'no HTML or code from strings');
  });

  it('serves the framed page under a strict CSP with Trusted Types, with no inline script and no token in its address', async () => {
    const response = await call(sandbox, '/widget/frame');
    assert.equal(response.status, 200);
    const policy = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'none'", "script-src 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html', 'frame-ancestors']) {
      assert.ok(policy.includes(directive), directive);
    }
    assert.ok(!policy.includes('unsafe'), 'no unsafe-*');
    const page = await response.text();
    assert.match(page, /<script src="frame\.js" defer><\/script>/);
    assert.equal(page.match(/<script/g)?.length, 1, 'one script, external');
    const app = await call(sandbox, '/widget/frame.js');
    assert.equal(app.status, 200);
    assert.ok((await app.text()).includes('tl-workflow'), 'the frame app bundles the element');
  });

  it('serves the script in the modes its `mode` parameter names, and answers 400 naming a mode it does not know', async () => {
    const modes = await call(sandbox, '/widget/transactionlink-widget.umd.js?mode=old-api,error-flood');
    assert.equal(modes.status, 200);
    const code = await modes.text();
    // One script for every mode: it reads them from its own URL in the browser.
    for (const mode of REPLICA_MODES) assert.ok(code.includes(mode), `knows ${mode}`);
    for (const name of ['setContext', 'off', 'transactionlinkReplica']) assert.ok(code.includes(name), `mentions ${name}`);
    const unknown = await call(sandbox, '/widget/transactionlink-widget.umd.js?mode=old-api,slow,typo');
    assert.equal(unknown.status, 400);
    const message = await unknown.text();
    assert.match(message, /^Unknown replica mode: slow, typo \(modes: old-api, no-unmount, /);
    assert.equal((await call(sandbox, '/widget/transactionlink-widget.umd.js?mode=')).status, 200);
  });

  it('puts an environment claim in a widget token only when POST /token asks for one (sandbox, staging or production)', async () => {
    assert.equal(decodeJwt(await widgetToken(sandbox)).environment, undefined);
    for (const environment of ['sandbox', 'staging', 'production']) {
      assert.equal(decodeJwt(await widgetToken(sandbox, { environment })).environment, environment);
    }
    const refused = await callJson(sandbox, '/token', {
      method: 'POST',
      token: await accessToken(sandbox),
      body: { caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId, environment: 'moon' },
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.errors[0].field, 'environment');
  });

  it('applies injected faults to the replica files (a 404 script for tests)', async () => {
    await call(sandbox, '/sandbox/faults', { method: 'POST', body: { method: 'GET', pathContains: 'transactionlink-widget.umd.js', status: 404 } });
    assert.equal((await call(sandbox, '/widget/transactionlink-widget.umd.js')).status, 404);
    assert.equal((await call(sandbox, '/widget/transactionlink-widget.umd.js')).status, 200);
  });

  it('leaves the widget API guarded by the token', async () => {
    const response = await call(sandbox, '/widget/execution');
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { errors: Array<{ code: string }> }).errors[0].code, 'token-missing');
  });

  it('is served by the standalone server too', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', SANDBOX_DATA: '', LATENCY_MS: '0', FAULT_RATE: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15000);
        child.stdout!.on('data', (chunk) => {
          output += chunk;
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      for (const path of ['/widget/transactionlink-widget.umd.js', '/widget/frame', '/widget/frame.js']) {
        assert.equal((await fetch(`${url}${path}`)).status, 200, path);
      }
    } finally {
      child.kill('SIGTERM');
    }
  });
});
