/**
 * The static site's service worker (built by scripts/build-site.ts into dist-site/sw.js, a classic
 * script): the same sandbox app as `npm start` (sandbox/core.ts, Hono, jose on WebCrypto) under
 * `<scope>tl-api/`, and the demo's backend (demo/backend.ts: tl-workflow/server's
 * widgetTokenHandler against that sandbox) under `<scope>demo-api/`. Everything else under the
 * scope goes to the static host as usual. State lives in IndexedDB (indexeddb.ts): a worker the
 * browser stops and starts again goes on where it was. `POST <scope>site-sandbox/reset` empties it.
 */
import { createDemoBackend } from '../../demo/backend.ts';
import { optionsFromEnv } from '../../sandbox/config.ts';
import { createSandboxCore, type Sandbox } from '../../sandbox/core.ts';
import type { ReplicaBundle } from '../../sandbox/replica/bundle.ts';
import { clearDatabase, indexedDbSessions, openDatabase, openIndexedDbStorage, type IndexedDbStorage } from './indexeddb.ts';

/** The parts of a service worker's global scope used here (the DOM types have no worker scope). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = globalThis as unknown as WorkerScope;

/** Where the site's own paths start: the worker's scope, `/<repo>/` on GitHub Pages. */
const SCOPE = new URL(worker.registration.scope);
const API = `${SCOPE.pathname}tl-api`;
const BACKEND = `${SCOPE.pathname}demo-api`;
const RESET = `${SCOPE.pathname}site-sandbox/reset`;

/**
 * The replica's two browser files, prebuilt by the site build as static files where the sandbox
 * serves them (dist-site/tl-api/widget/): the worker answers with them, and so does the static
 * host for a frame the worker does not control (the official engine's about:blank frame in
 * Chromium and WebKit loads the script past the worker).
 */
const REPLICA_FILES: Record<ReplicaBundle, string> = { host: 'tl-api/widget/transactionlink-widget.umd.js', frame: 'tl-api/widget/frame.js' };
const replicaFiles = new Map<ReplicaBundle, Promise<string>>();

function replicaScript(name: ReplicaBundle): Promise<string> {
  let code = replicaFiles.get(name);
  if (!code) {
    code = fetch(new URL(REPLICA_FILES[name], SCOPE)).then((response) => {
      if (!response.ok) throw new Error(`${REPLICA_FILES[name]}: HTTP ${response.status}`);
      return response.text();
    });
    code.catch(() => replicaFiles.delete(name));
    replicaFiles.set(name, code);
  }
  return code;
}

interface Running {
  sandbox: Sandbox;
  backend: (request: Request) => Promise<Response>;
  storage: IndexedDbStorage;
  db: IDBDatabase;
}

/** The sandbox and the demo backend, from what IndexedDB holds. */
async function boot(): Promise<Running> {
  const db = await openDatabase();
  const storage = await openIndexedDbStorage(db);
  const sandbox = createSandboxCore(
    {
      ...optionsFromEnv({}),
      basePath: API,
      // Only pages of this origin reach a service worker: no CORS, and the host name is the site's
      // (and 127.0.0.1: the demo's backend hands its requests over in-process to that address).
      cors: false,
      allowedHosts: [SCOPE.hostname, '127.0.0.1'],
    },
    { storage, replicaScript },
  );
  return { sandbox, backend: createDemoBackend(sandbox, indexedDbSessions(db)), storage, db };
}

let running: Promise<Running> | undefined;
const current = (): Promise<Running> => (running ??= boot());

/** Empties IndexedDB and starts a fresh sandbox (new keys, the demo case only). */
async function reset(): Promise<Response> {
  const { sandbox, storage, db } = await current();
  sandbox.close();
  await storage.flushed();
  await clearDatabase(db);
  running = boot();
  await running;
  return new Response(null, { status: 204 });
}

/** `request` with `prefix` taken off its path, its body read whole (streamed request bodies are not in every browser). */
async function unprefixed(request: Request, prefix: string): Promise<Request> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(prefix.length) || '/';
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, { method: request.method, headers: request.headers, body: hasBody ? await request.arrayBuffer() : null });
}

/** Answers a request for the sandbox or the backend, once every change it made is in IndexedDB. */
async function answer(request: Request, prefix: string, pick: (running: Running) => (request: Request) => Promise<Response>): Promise<Response> {
  const running = await current();
  const response = await pick(running)(await unprefixed(request, prefix));
  await running.storage.flushed();
  return response;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** What a page gets when the worker itself fails: the sandbox's error shape, never a network error. */
function failed(error: unknown): Response {
  console.error('[site sandbox]', error);
  const message = `The sandbox in this browser failed: ${(error as Error).message}`;
  return new Response(JSON.stringify({ errors: [{ code: 'internal', message }] }), { status: 500, headers: { 'Content-Type': 'application/json' } });
}

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== SCOPE.origin) return;
  if (under(url.pathname, API)) event.respondWith(answer(event.request, API, (r) => r.sandbox.fetch).catch(failed));
  else if (under(url.pathname, BACKEND)) event.respondWith(answer(event.request, BACKEND, (r) => r.backend).catch(failed));
  else if (url.pathname === RESET && event.request.method === 'POST') event.respondWith(reset().catch(failed));
});

// A new version takes over at once, and so does the first one: the page that registered it waits for it (site/boot.ts).
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
// A page loaded without a controller (a hard reload) asks to be taken over.
worker.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'tl-site:claim') event.waitUntil(worker.clients.claim());
});
