/**
 * `startSandbox(options)`: the sandbox as a real HTTP server for an integrator's tests (the Node
 * API of the `tl-workflow-sandbox` package, and what its CLI runs). It listens on 127.0.0.1 and
 * hands back its URL, the credentials, ready widget tokens, scenarios, the webhook deliveries and
 * `stop()`, after which nothing of it keeps the process alive.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from './app.ts';
import { DEMO, type SandboxOptions } from './config.ts';
import { forwardTo, forwardUpgrade, underPrefix } from './proxy.ts';
import { clearScenarios, queueScenario, type ScenarioName, type ScenarioOptions } from './scenarios.ts';
import { createWebhookLog, type WebhookLog } from './webhook-log.ts';

export type { ScenarioName, ScenarioOptions } from './scenarios.ts';
export type { WebhookDelivery } from './webhooks.ts';
export type { WebhookLog, WebhookMatch } from './webhook-log.ts';

/** What `startSandbox` takes. Every option not given has the sandbox's default (sandbox/README.md). */
export interface StartSandboxOptions
  extends Partial<Pick<SandboxOptions, 'key' | 'secret' | 'latencyMs' | 'faultRate' | 'webhookUrl' | 'dataFile' | 'tokenTtlSeconds' | 'awaitingSeconds' | 'allowedHosts'>> {
  /** The port on 127.0.0.1; `0` picks a free one. Default 4010. */
  port?: number;
  /**
   * Same-origin mode: the app's server (`http://127.0.0.1:5173`). Requests under `prefix` reach the
   * sandbox, all others are forwarded to the app, so the page, the API and the replica's frame share one origin.
   */
  proxy?: string;
  /** Where the sandbox answers: `''` (the root) by default, `/tl-api` by default with `proxy`. */
  prefix?: string;
}

/** Which demo workflow a token opens: a name, or a workflow definition id. */
export type WorkflowChoice = 'individual-kyc' | 'company-kyb' | (string & {});

/** What `widgetToken()` takes. */
export interface WidgetTokenOptions {
  /** Default `individual-kyc` (submit: `COMPLETED`); `company-kyb` ends `AWAITING`, then `COMPLETED`. */
  workflow?: WorkflowChoice;
  /** A case to reuse (a second token for the same case and workflow resumes the same run). Default: a new case. */
  caseId?: string;
  /** The language of the workflow's texts (`en`, `de`, `pl`). */
  lang?: string;
  /** This token's lifetime in seconds (default: the sandbox's `tokenTtlSeconds`, 3600). */
  ttlSeconds?: number;
}

/** A widget token and what it opens. */
export interface WidgetToken {
  token: string;
  /** The workflow execution it opens: `detail.workflowId` of the element's events, the id `GET /workflows/{id}` reads. */
  workflowId: string;
  caseId: string;
  expiresAt: Date;
}

/** A running sandbox. */
export interface RunningSandbox {
  /** The API base: `http://127.0.0.1:<port>` plus the prefix (give it to `createTransactionLink({ baseUrl })`). */
  url: string;
  /** `http://127.0.0.1:<port>`: in same-origin mode, the app's pages are here too. */
  origin: string;
  key: string;
  secret: string;
  /** The replica of TransactionLink's widget script: `widget-src` of an official-engine element. */
  widgetSrc: string;
  /** The demo workflow definition ids. */
  workflows: { individualKyc: string; companyKyb: string };
  /** A fresh widget token, as a backend gets it (`/auth/authorize`, `/cases`, `/token`). */
  widgetToken(options?: WidgetTokenOptions): Promise<WidgetToken>;
  /** Queues a scenario for the next matching event(s) (sandbox/README.md, "Scenarios"); throws on a bad one. */
  scenario(name: ScenarioName, options?: ScenarioOptions): void;
  /** Drops every queued scenario and fault. */
  clearScenarios(): void;
  /** Where webhooks go (settable), and what was sent. */
  webhooks: WebhookLog;
  /** Stops the server, webhook deliveries and timers, and releases the data file. */
  stop(): Promise<void>;
}

const WORKFLOW_IDS: Record<string, string> = { 'individual-kyc': DEMO.individualKycId, 'company-kyb': DEMO.companyKybId };

/** Listens on 127.0.0.1:`port`; resolves with the server once it listens, rejects with a readable message. */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        const next = port === 65535 ? 4011 : port + 1;
        reject(new Error(`Port ${port} on 127.0.0.1 is already in use (another sandbox, or another program). Start on another port: --port ${next} (PORT=${next} npm run sandbox), or --port 0 for a free one.`));
      } else if (error.code === 'EACCES') reject(new Error(`Port ${port} needs privileges this user lacks. Pick a port above 1023: --port 4010.`));
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** One Node listener: the sandbox under `prefix` (prefix stripped), the rest forwarded to `proxy` (or 404 without one). */
function routeRequests(sandbox: Sandbox, prefix: string, proxy: string | undefined): Parameters<typeof createServer>[1] {
  const toSandbox = getRequestListener((request) => sandbox.fetch(request), { overrideGlobalObjects: false });
  const toApp = proxy ? forwardTo(proxy) : undefined;
  return (req, res) => {
    const url = req.url ?? '/';
    if (underPrefix(url, prefix)) {
      req.url = url.slice(prefix.length) || '/';
      if (!req.url.startsWith('/')) req.url = `/${req.url}`;
      void toSandbox(req, res);
    } else if (toApp) toApp(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`tl-workflow-sandbox answers under ${prefix}/`);
    }
  };
}

/** Starts a sandbox on 127.0.0.1 (see `StartSandboxOptions`); resolves once it answers. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { port = 4010, proxy, ...rest } = options;
  const prefix = (options.prefix ?? (proxy ? '/tl-api' : '')).replace(/\/+$/, '');
  if (prefix !== '' && !/^\/[\w\-./]+$/.test(prefix)) throw new TypeError(`prefix must be a path such as /tl-api (got ${prefix}).`);
  if (proxy !== undefined && !/^https?:\/\//.test(proxy)) throw new TypeError(`proxy must be an http(s) URL (got ${proxy}).`);
  const { prefix: _prefix, ...sandboxOptions } = rest;
  const sandbox = createSandbox({ ...sandboxOptions, basePath: prefix });
  try {
    await sandbox.ready;
  } catch (error) {
    sandbox.close();
    throw error;
  }
  const server = createServer(routeRequests(sandbox, prefix, proxy));
  if (proxy) server.on('upgrade', forwardUpgrade(proxy));
  let actualPort: number;
  try {
    actualPort = await listen(server, port);
  } catch (error) {
    sandbox.close();
    throw error;
  }
  const origin = `http://127.0.0.1:${actualPort}`;
  const url = `${origin}${prefix}`;
  const webhooks = createWebhookLog(sandbox);

  let access: Promise<string> | undefined;
  const call = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await sandbox.fetch(new Request(`http://127.0.0.1${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const accessToken = () => {
    access ??= call<{ accessToken: string }>('/auth/authorize', { key: sandbox.options.key, secret: sandbox.options.secret }).then((r) => r.accessToken);
    access.catch(() => (access = undefined));
    return access;
  };

  return {
    url,
    origin,
    key: sandbox.options.key,
    secret: sandbox.options.secret,
    widgetSrc: `${url}/widget/transactionlink-widget.umd.js`,
    workflows: { individualKyc: DEMO.individualKycId, companyKyb: DEMO.companyKybId },
    async widgetToken(tokenOptions = {}) {
      const access = await accessToken();
      const caseId = tokenOptions.caseId ?? (await call<{ caseId: string }>('/cases', { firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' }, access)).caseId;
      const workflow = tokenOptions.workflow ?? 'individual-kyc';
      const body: Record<string, unknown> = { caseId, workflowDefinitionId: WORKFLOW_IDS[workflow] ?? workflow };
      if (tokenOptions.lang !== undefined) body.lang = tokenOptions.lang;
      if (tokenOptions.ttlSeconds !== undefined) body.ttlSeconds = tokenOptions.ttlSeconds;
      const { token } = await call<{ token: string }>('/token', body, access);
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { executionId: string; exp: number };
      return { token, workflowId: claims.executionId, caseId, expiresAt: new Date(claims.exp * 1000) };
    },
    scenario: (name, scenarioOptions) => queueScenario(sandbox.context, name, scenarioOptions),
    clearScenarios: () => clearScenarios(sandbox.context),
    webhooks,
    async stop() {
      webhooks.stop();
      sandbox.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
