/**
 * `npm run sandbox`: the sandbox as a standalone HTTP server on 127.0.0.1:$PORT (default 4010),
 * with CORS for local origins. Prints the demo credentials, ids and a ready-made curl line.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from './app.ts';
import { DEMO } from './config.ts';
import { DataFileLockedError } from './lock.ts';

/** The start banner: where the sandbox listens and what to call first. */
function banner(sandbox: Sandbox, url: string): string {
  const { key, secret, tokenTtlSeconds, dataFile, webhookUrl } = sandbox.options;
  const workflows = sandbox.workflows
    .summaries()
    .map((w) => `    ${w.id}  ${w.name}`)
    .join('\n');
  const curl =
    `ACCESS=$(curl -s -X POST ${url}/auth/authorize -H 'Content-Type: application/json' ` +
    `-d '{"key":"${key}","secret":"${secret}"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/') && ` +
    `curl -s -X POST ${url}/token -H "Authorization: Bearer $ACCESS" -H 'Content-Type: application/json' ` +
    `-d '{"caseId":"${DEMO.caseId}","workflowDefinitionId":"${DEMO.individualKycId}"}'`;
  return [
    `TransactionLink sandbox listening on ${url}`,
    `  credentials:   key=${key} secret=${secret}  (SANDBOX_KEY / SANDBOX_SECRET)`,
    `  demo case id:  ${DEMO.caseId}`,
    `  workflows:`,
    workflows,
    `  token TTL:     ${tokenTtlSeconds} s (TOKEN_TTL_SECONDS)`,
    `  state file:    ${dataFile ?? '(memory only; set SANDBOX_DATA to persist)'}`,
    `  JWKS:          ${url}/.well-known/jwks.json`,
    `  webhooks:      ${webhookUrl ?? '(none; set WEBHOOK_URL to receive AWAITING / COMPLETED)'}`,
    `Get a widget token:`,
    `  ${curl}`,
  ].join('\n');
}

/** A start failure the user can act on, said in one line (no stack trace). */
class StartError extends Error {}

/** Starts the standalone server; resolves with its URL once listening. */
async function startServer(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  let sandbox: Sandbox;
  try {
    sandbox = createSandbox();
  } catch (error) {
    if (error instanceof DataFileLockedError) throw new StartError(error.message);
    throw error;
  }
  await sandbox.ready;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: sandbox.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      const url = `http://127.0.0.1:${info.port}`;
      console.log(banner(sandbox, url));
      resolve({ url, close: () => new Promise((done) => server.close(() => done())) });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      sandbox.store.close();
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartError(
            `Port ${port} on 127.0.0.1 is already in use (another sandbox, or another program). ` +
              `Start on another port: PORT=${port === 65535 ? 4011 : port + 1} npm run sandbox`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(new StartError(`Port ${port} needs privileges this user lacks. Pick a port above 1023: PORT=4010 npm run sandbox`));
      } else reject(error);
    });
  });
}

const raw = process.env.PORT || '4010';
const port = Number(raw);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT=${raw} is not a port number (0..65535). Example: PORT=4010 npm run sandbox`);
  process.exit(1);
}
try {
  const { close } = await startServer(port);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void close().finally(() => process.exit(0));
    });
  }
} catch (error) {
  if (!(error instanceof StartError)) throw error;
  console.error(`Sandbox not started: ${error.message}`);
  process.exit(1);
}
