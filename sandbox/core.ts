/**
 * The sandbox as one Hono app, with nothing of Node in it: what `createSandbox` (app.ts) runs in
 * Node, standalone (server.ts), inside Vite and web-test-runner (middleware.ts) or directly in
 * tests, and what the static site's service worker runs in a browser (site/worker/). The platform's
 * parts come in as `SandboxParts`: where the state is kept and where the replica's files come from.
 */
import { Hono } from 'hono';
import type { JWK } from 'jose';
import { cors } from 'hono/cors';
import { DEMO, type SandboxOptions } from './config.ts';
import type { SandboxContext } from './context.ts';
import { errorBody } from './errors.ts';
import { bodyGuard, hostGuard } from './guards.ts';
import { generateSigningKeys, importSigningKeys, jwks, type SigningKeys } from './keys.ts';
import { authRoutes } from './routes/auth.ts';
import { clientBackendRoutes } from './routes/client-backend.ts';
import { documentRoutes } from './routes/documents.ts';
import { testingRoutes } from './routes/testing.ts';
import { widgetRoutes } from './routes/widget.ts';
import { currentStatus } from './execution.ts';
import { widgetReplicaRoutes } from './routes/widget-replica.ts';
import { scenarioQueue } from './scenarios.ts';
import type { ReplicaBundle } from './replica/bundle.ts';
import type { SandboxStorage } from './storage.ts';
import { Store } from './store.ts';
import { WebhookSender } from './webhooks.ts';
import { WorkflowCatalog } from './workflows/loader.ts';

/** One running sandbox instance. */
export interface Sandbox {
  app: Hono;
  /** The standard fetch handler. */
  fetch: (request: Request) => Promise<Response>;
  /** The effective options (explicit options over environment variables over defaults). */
  options: SandboxOptions;
  store: Store;
  /** The demo workflow definitions and shared data. */
  workflows: WorkflowCatalog;
  /** Resolves once the signing keys are ready (requests wait for it on their own). */
  ready: Promise<SigningKeys>;
  /** Scenarios and faults queued for the next events (scenarios.ts). */
  context: SandboxContext;
  /** Stops webhook deliveries and timers and releases the data file: nothing of this sandbox keeps the process alive. */
  close: () => void;
}

/** What a platform gives a sandbox. */
export interface SandboxParts {
  /** Where the state is kept (storage.ts). */
  storage: SandboxStorage;
  /** The JavaScript of the replica's host script and framed page (replica/bundle.ts, replica/prebuilt.ts, or the site's files). */
  replicaScript: (name: ReplicaBundle) => Promise<string>;
}

/** Origins the standalone sandbox answers CORS for: any port of localhost and 127.0.0.1, over http. */
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/** Creates a sandbox with every option given, on the platform's parts. */
export function createSandboxCore(effective: SandboxOptions, parts: SandboxParts): Sandbox {
  const store = new Store(parts.storage);
  const ready = loadOrCreateKeys(store, effective.signingKey);
  ready.catch(() => undefined); // Reported on first use instead of as an unhandled rejection.
  seed(store);

  const workflows = new WorkflowCatalog();
  const ctx: SandboxContext = {
    options: effective,
    store,
    replicaScript: parts.replicaScript,
    keys: () => ready,
    workflows,
    faults: [],
    scenarios: scenarioQueue(),
    refreshTokens: new Map(),
    webhooks: new WebhookSender(
      () => effective.webhookUrl,
      () => ready,
      (execution) => (execution.awaitingSeconds ?? effective.awaitingSeconds) * 1000,
      (id) => {
        const execution = store.getExecution(id);
        if (execution) currentStatus(ctx, execution);
      },
    ),
  };

  const app = new Hono();
  app.use('*', hostGuard(effective));
  app.use('*', bodyGuard(effective));
  if (effective.cors) {
    const localCors = cors({
      origin: (origin) => origin,
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept'],
      maxAge: 600,
    });
    // Other origins get no CORS headers at all (their preflights fall through to a 404).
    app.use('*', (c, next) => (LOCAL_ORIGIN.test(c.req.header('origin') ?? '') ? localCors(c, next) : next()));
  }
  app.get('/.well-known/jwks.json', async (c) => c.json(jwks(await ctx.keys())));
  app.route('/auth', authRoutes(ctx));
  // The replica of TransactionLink's hosted widget first: its files need no token.
  app.route('/widget', widgetReplicaRoutes(ctx));
  app.route('/widget', widgetRoutes(ctx));
  app.route('/sandbox', testingRoutes(ctx));
  app.route('/', documentRoutes());
  app.route('/', clientBackendRoutes(ctx));
  app.notFound((c) => c.json(errorBody([{ code: 'not-found', message: `No route for ${c.req.method} ${c.req.path}.` }]), 404));
  app.onError((error, c) => {
    console.error('[sandbox]', error);
    return c.json(errorBody([{ code: 'internal', message: 'The sandbox failed; see its console.' }]), 500);
  });

  const close = () => {
    ctx.webhooks.stop();
    store.close();
  };
  return { app, fetch: async (request) => app.fetch(request), options: effective, store, workflows, ready, context: ctx, close };
}

/** Restores the persisted key pair, or uses the given one, or generates one; persists it. */
async function loadOrCreateKeys(store: Store, given: JWK | undefined): Promise<SigningKeys> {
  if (store.data.privateJwk) return importSigningKeys(store.data.privateJwk);
  const keys = given ? await importSigningKeys(given) : await generateSigningKeys();
  store.data.privateJwk = keys.privateJwk;
  store.save();
  return keys;
}

/** Seeds the demo case (fixed id) unless it already exists. */
function seed(store: Store): void {
  if (store.getCase(DEMO.caseId)) return;
  store.putCase({
    caseId: DEMO.caseId,
    partyId: DEMO.partyId,
    createdDate: '2026-01-01T00:00:00.000Z',
    data: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan.kowalski@example.com' },
  });
}
