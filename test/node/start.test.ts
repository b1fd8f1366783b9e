// `npm start` for real (scripts/start.ts): a child process on the port PORT names, a second one on
// the same port refused with a message naming a free port, and no dependency-scan warning.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A port nothing listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Whether `port` can be bound on 127.0.0.1 now. */
async function isFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

interface Started {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` with `PORT=port` (no browser opened), in its own process group. */
function npmStart(port: number, ...args: string[]): Started {
  const child = spawn('npm', ['start', '--', ...args], {
    cwd: root,
    env: { ...process.env, PORT: String(port), BROWSER: 'none', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => text, exited };
}

/** Resolves once `started` has printed `text`; rejects if it exits first. */
async function printed(started: Started, text: string): Promise<void> {
  while (!started.output().includes(text)) {
    const exit = await Promise.race([started.exited, new Promise((resolve) => setTimeout(resolve, 100, 'running'))]);
    if (exit !== 'running') throw new Error(`exited (${String(exit)}) before printing "${text}":\n${started.output()}`);
  }
}

describe('npm start', { timeout: 180_000 }, () => {
  const running: Started[] = [];
  after(async () => {
    for (const { child, exited } of running) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  });

  it('serves on the port PORT names, prints no dependency-scan warning, and refuses that port to a second start, naming a free one', async () => {
    const port = await freePort();
    // --force: the dependency scan runs as on a fresh clone (no cache of optimised dependencies).
    const first = npmStart(port, '--force');
    running.push(first);
    const url = `http://127.0.0.1:${port}/`;
    await printed(first, url);

    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>&lt;tl-workflow&gt; demo<\/title>/);
    assert.match(await (await fetch(`${url}gallery.html`)).text(), /theme studio/);
    // The sandbox and the demo's backend are mounted on the same server.
    assert.equal((await fetch(`${url}tl-api/.well-known/jwks.json`)).status, 200);
    assert.equal((await fetch(`${url}demo-api/token`, { method: 'POST' })).status, 401);
    // Vite transforms a module only once the dependency scan is over: by now any warning of it is out.
    for (const module of ['demo.ts', 'gallery.ts']) assert.equal((await fetch(`${url}${module}`)).status, 200);
    assert.doesNotMatch(first.output(), /Failed to run dependency scan|could not be resolved|error/i);

    const second = npmStart(port);
    running.push(second);
    assert.equal(await second.exited, 1, second.output());
    const refused = /Demo not started: Port (\d+) on 127\.0\.0\.1 is already in use \(another npm start, or another program\)\. Start on a free port: PORT=(\d+) npm start/.exec(second.output());
    assert.ok(refused, second.output());
    assert.equal(Number(refused[1]), port);
    assert.notEqual(Number(refused[2]), port);
    assert.equal(await isFree(Number(refused[2])), true, 'the port it names is free');
    // The first one still serves.
    assert.equal((await fetch(url)).status, 200);
  });

  it('refuses a PORT that is not a port number', async () => {
    const started = npmStart(Number.NaN);
    running.push(started);
    assert.equal(await started.exited, 1);
    assert.match(started.output(), /PORT=NaN is not a port number \(1\.\.65535\)\. Example: PORT=5173 npm start/);
  });
});
