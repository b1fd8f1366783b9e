// Test set-up with the published API only: a sandbox from tl-workflow-sandbox (startSandbox, or the
// CLI for the same-origin mode), and our app started against it as it runs in production.
import { test as base } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startSandbox } from 'tl-workflow-sandbox';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Starts `command` and resolves with the first URL it prints after `marker`, and a stop(). */
export function startProcess(command, args, env, marker) {
  const child = spawn(command, args, { cwd: APP_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const look = (chunk) => {
      output += chunk;
      const url = new RegExp(`${marker} (http://127\\.0\\.0\\.1:\\d+\\S*)`).exec(output)?.[1];
      if (url) {
        const exited = new Promise((done) => child.once('exit', done));
        resolve({ url, output: () => output, stop: async () => (child.kill('SIGTERM'), await exited) });
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

/** Our app against a sandbox at `apiBase`. */
export const startApp = ({ apiBase, key, secret, widgetSrc, port = 0 }) =>
  startProcess(process.execPath, ['server.js'], { TL_API_BASE: apiBase, TL_KEY: key, TL_SECRET: secret, TL_WIDGET_SRC: widgetSrc, PORT: String(port) }, 'listening on');

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const test = base.extend({
  // One sandbox and one app per worker; each test leaves no scenario behind.
  sandbox: [
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0 });
      await use(sandbox);
      await sandbox.stop();
    },
    { scope: 'worker' },
  ],
  app: [
    async ({ sandbox }, use) => {
      const app = await startApp({ apiBase: sandbox.url, key: sandbox.key, secret: sandbox.secret, widgetSrc: sandbox.widgetSrc });
      sandbox.webhooks.url = `${app.url}/hooks/transactionlink`;
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
  page: async ({ page, sandbox }, use) => {
    await use(page);
    sandbox.clearScenarios();
  },
});

export { expect } from '@playwright/test';
