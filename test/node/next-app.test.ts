// test/apps/next, the Next.js 16 app built from the packed tarball (npm run test:apps), served by
// `next start` and driven in Chromium: <tl-workflow token-endpoint> against a route handler made
// with widgetTokenHandler, the sandbox (in this process, over real HTTP) standing in for
// TransactionLink. The page's clock is Playwright's (installed, then moved on), never a wall-clock margin.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createSandbox } from '../../sandbox/app.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { until } from '../helpers/until.ts';

const app = fileURLToPath(new URL('../apps/next/', import.meta.url));
const KEY = 'sandbox-key';
const SECRET = 'sandbox-secret';

/** A free port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers (next start is listening), or the process has exited. */
async function listening(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`next start did not listen at ${url}:\n${output()}`);
}

describe('Next.js 16 (app router, production build): token-endpoint with widgetTokenHandler', { timeout: 180_000 }, () => {
  let sandboxServer: ServerType;
  let sandboxUrl = '';
  let next: ChildProcess;
  let base = '';
  let browser: Browser;
  let log = '';

  before(async () => {
    assert.ok(existsSync(`${app}.next/BUILD_ID`), 'test/apps/next is not built: run npm run test:apps');
    const sandbox = createSandbox({ key: KEY, secret: SECRET });
    await sandbox.ready;
    await new Promise<void>((resolve) => {
      sandboxServer = serve({ fetch: sandbox.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        sandboxUrl = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    next = spawn(`${app}node_modules/.bin/next`, ['start', '-H', '127.0.0.1', '-p', String(port)], {
      cwd: app,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', TL_API_URL: sandboxUrl, TL_KEY: KEY, TL_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    next.stdout!.on('data', (chunk: Buffer) => (log += chunk));
    next.stderr!.on('data', (chunk: Buffer) => (log += chunk));
    await listening(base, next, () => log);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (next && next.exitCode === null) {
      const exited = new Promise((resolve) => next.once('exit', resolve));
      next.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => sandboxServer?.close(resolve));
  });

  /** A case of the signed-in user, made as the client's backend makes one (the sandbox's API). */
  async function newCase(): Promise<string> {
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${sandboxUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      assert.ok(response.ok, `${path}: ${response.status}`);
      return (await response.json()) as Record<string, string>;
    };
    const { accessToken } = await post('/auth/authorize', { key: KEY, secret: SECRET });
    return (await post('/cases', { firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' }, accessToken)).caseId!;
  }

  /** Every byte the Next server sent the page, by URL; and the tokens among them, from the token route's answers. */
  function recordResponses(page: Page) {
    const bodies: Array<{ url: string; body: string }> = [];
    const tokens: string[] = [];
    page.on('response', (response) => {
      if (!response.url().startsWith(base)) return;
      void response.body().then(
        (body) => {
          const text = body.toString('utf8');
          if (new URL(response.url()).pathname === '/api/tl-token') tokens.push((JSON.parse(text) as { token: string }).token);
          else bodies.push({ url: response.url(), body: text });
        },
        () => undefined, // a redirect or an aborted request has no body
      );
    });
    return { bodies, tokens };
  }

  it('shows the first step, renews before expiry with the typed input kept, and the server never sends the token in HTML or RSC', async () => {
    const caseId = await newCase();
    const context = await browser.newContext();
    await context.addCookies([{ name: 'tl-case', value: caseId, url: base, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(90_000); // waits for positive signals: room for a busy machine
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const { bodies, tokens } = recordResponses(page);
    // The Authorization header of every widget API request (through the app's /tl-api pass-through).
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${base}/tl-api/widget/`)) authorizations.push(request.headers().authorization ?? '');
    });
    const events: string[] = [];
    await page.exposeFunction('tlEvent', (name: string) => events.push(name));
    await page.addInitScript(() => {
      for (const name of ['tl-ready', 'tl-token-expiring', 'tl-token-expired', 'tl-error']) {
        document.addEventListener(name, () => (window as unknown as { tlEvent: (n: string) => void }).tlEvent(name));
      }
    });
    await page.clock.install();

    const firstToken = page.waitForResponse((r) => r.url() === `${base}/api/tl-token` && r.ok());
    await page.goto(base);
    await firstToken;
    const widget = page.locator('tl-workflow');
    await widget.locator('form[data-step-id="personal"]').waitFor();
    assert.deepEqual(events.filter((e) => e !== 'tl-token-expiring'), ['tl-ready']);

    const firstName = widget.locator('[data-field-path="firstName"]');
    await firstName.fill('Zofia');
    // To the warning (expiry-warning: 60 s before exp): the element renews by itself.
    const expiresAt = (await widget.evaluate((el) => (el as HTMLElement & { expiresAt: Date }).expiresAt.getTime())) as number;
    const renewed = page.waitForResponse((r) => r.url() === `${base}/api/tl-token` && r.ok());
    const now = (await page.evaluate(() => Date.now())) as number;
    await page.clock.fastForward(expiresAt - now - 59_000);
    await renewed;
    // The fresh token is the one the widget now sends.
    await until(() => tokens.length === 2 && authorizations.includes(`Bearer ${tokens[1]}`), () => `a widget request with the fresh token (${tokens.length} tokens, ${authorizations.length} requests)`, 30_000);
    assert.equal(authorizations[0], `Bearer ${tokens[0]}`);
    assert.equal(await firstName.inputValue(), 'Zofia');
    assert.ok(events.includes('tl-token-expiring'), events.join());
    assert.ok(!events.includes('tl-token-expired') && !events.includes('tl-error'), events.join());
    assert.equal(tokens.length, 2);
    assert.notEqual(tokens[0], tokens[1]);

    // Every byte the server sent but the token route's answers: the HTML with its inlined RSC
    // payload, the scripts, and the RSC payload a client navigation fetches.
    const rsc = await fetch(base, { headers: { RSC: '1', cookie: `tl-case=${caseId}` } });
    assert.match(rsc.headers.get('content-type') ?? '', /text\/x-component/);
    bodies.push({ url: `${base} (RSC)`, body: await rsc.text() });
    assert.ok(bodies.some((b) => b.url === `${base}/` && b.body.includes('self.__next_f')), 'the HTML, with its RSC payload');
    assert.ok(bodies.some((b) => b.body.includes('token-endpoint')));
    for (const token of tokens) {
      const [, payload, signature] = token.split('.');
      for (const { url, body } of bodies) {
        assert.ok(!body.includes(payload!) && !body.includes(signature!), `a token in ${url}`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
