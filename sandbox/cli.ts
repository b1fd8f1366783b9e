/**
 * `npx tl-workflow-sandbox [--port 4010] [--key K --secret S] [--latency-ms N] [--fault-rate R]
 * [--webhook-url U] [--data FILE] [--proxy URL [--prefix /tl-api]]`: starts the sandbox and prints its URL,
 * the key and secret, the replica's script URL and a ready widget token. Also `npm run sandbox`.
 * Environment variables (PORT, SANDBOX_KEY, ...) are the defaults of the flags.
 */
import { parseArgs } from 'node:util';
import { DEMO } from './config.ts';
import { DataFileLockedError } from './lock.ts';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from './start.ts';

const USAGE = `Usage: tl-workflow-sandbox [options]

  --port N            port on 127.0.0.1 (default 4010, or PORT); 0 picks a free one
  --key K             client key (default sandbox-key, or SANDBOX_KEY)
  --secret S          client secret (default sandbox-secret, or SANDBOX_SECRET)
  --latency-ms N      delay added to every widget request (LATENCY_MS)
  --fault-rate R      fraction 0..1 of widget requests answered 503 (FAULT_RATE)
  --webhook-url U     where signed webhooks go (WEBHOOK_URL)
  --data FILE         keep the state in FILE across restarts (SANDBOX_DATA)
  --proxy URL         same-origin mode: forward everything outside --prefix to your app at URL
  --prefix PATH       where the sandbox answers (default: the root; /tl-api with --proxy)
  --help              this text`;

/** A command line the user can fix: said in one line, with the usage. */
class UsageError extends Error {}

function number(flag: string, raw: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} ${raw}: expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}.`);
  }
  return value;
}

/** The options the command line (over the environment) asks for. */
function optionsFromArgs(args: string[], env: NodeJS.ProcessEnv = process.env): StartSandboxOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string' },
        key: { type: 'string' },
        secret: { type: 'string' },
        'latency-ms': { type: 'string' },
        'fault-rate': { type: 'string' },
        'webhook-url': { type: 'string' },
        data: { type: 'string' },
        proxy: { type: 'string' },
        prefix: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  return {
    port: number('--port', values.port ?? env.PORT, 0, 65535, true) ?? 4010,
    key: values.key,
    secret: values.secret,
    latencyMs: number('--latency-ms', values['latency-ms'], 0, 600_000, false),
    faultRate: number('--fault-rate', values['fault-rate'], 0, 1, false),
    webhookUrl: values['webhook-url'],
    dataFile: values.data,
    proxy: values.proxy,
    prefix: values.prefix,
  };
}

/** What the CLI prints once the sandbox answers. */
function banner(sandbox: RunningSandbox, token: string, proxy: string | undefined): string {
  return [
    `TransactionLink sandbox listening on ${sandbox.url}`,
    ...(proxy ? [`  same origin:  ${sandbox.origin} forwards everything outside ${new URL(sandbox.url).pathname} to ${proxy}`] : []),
    `  key:          ${sandbox.key}`,
    `  secret:       ${sandbox.secret}`,
    `  widget-src:   ${sandbox.widgetSrc}`,
    `  workflows:    individual KYC ${sandbox.workflows.individualKyc}, company KYB ${sandbox.workflows.companyKyb}`,
    `  webhooks:     ${sandbox.webhooks.url ?? '(none: --webhook-url)'}`,
    `  scenarios:    POST ${sandbox.url}/sandbox/scenarios {"name": "token-expires", "seconds": 5}`,
    `Widget token (individual KYC, a new case, 60 minutes):`,
    token,
    `Another one by hand, as your backend gets it:`,
    `  ACCESS=$(curl -s -X POST ${sandbox.url}/auth/authorize -H 'Content-Type: application/json' ` +
      `-d '{"key":"${sandbox.key}","secret":"${sandbox.secret}"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/') && ` +
      `curl -s -X POST ${sandbox.url}/token -H "Authorization: Bearer $ACCESS" -H 'Content-Type: application/json' ` +
      `-d '{"caseId":"${DEMO.caseId}","workflowDefinitionId":"${sandbox.workflows.individualKyc}"}'`,
  ].join('\n');
}

/** Runs the CLI; resolves with the exit code when it could not start (it runs until a signal otherwise). */
export async function runCli(args: string[]): Promise<number | undefined> {
  let options: StartSandboxOptions | 'help';
  try {
    options = optionsFromArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`tl-workflow-sandbox: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    const known = error instanceof DataFileLockedError || error instanceof TypeError || /already in use|needs privileges/.test(String(error));
    if (!known) throw error;
    console.error(`Sandbox not started: ${(error as Error).message}`);
    return 1;
  }
  const { token } = await sandbox.widgetToken();
  console.log(banner(sandbox, token, options.proxy));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void sandbox.stop().then(() => process.exit(0)));
  }
  return undefined;
}
