/**
 * The demo's backend: what a client's server does, with `tl-workflow/server`, against the
 * in-process sandbox. The key and secret stay here (read from the sandbox's options); the page
 * only ever receives widget tokens. Mounted under `/demo-api` by `npm start` (Vite) and by the test
 * runner (see backend-mount.ts), and run by the static site's service worker (site/worker/).
 *
 * - `POST /start {kind: "kyc" | "kyb", lang?, ttlSeconds?}`: creates a case, remembers it in a
 *   session (an HttpOnly cookie, or the service worker's one session) and answers `{caseId}`.
 * - `POST /token {lang?}`: `widgetTokenHandler`: a fresh widget token for the session's case
 *   (401 without a session). The page calls it to start and again on `tl-token-expiring`.
 */
import type { Sandbox } from '../sandbox/core.ts';
import { DEMO } from '../sandbox/config.ts';
import { createTransactionLink, widgetTokenHandler, type WidgetTokenRequest } from '../src/server/index.ts';

/** The session cookie's name. */
const COOKIE = 'tl-demo-session';
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What the demo remembers per browser: the case and how its tokens are asked for. */
export type DemoSession = WidgetTokenRequest & { caseId: string };

/** Where the demo's backend keeps each browser's session. */
export interface DemoSessions {
  /** The session of the browser that sent `request`, if any. */
  get(request: Request): Promise<DemoSession | undefined>;
  /** Starts a new session for that browser; answers the headers of the answer that tie the browser to it. */
  start(session: DemoSession): Promise<Record<string, string>>;
  /** Keeps a change to a session got from `get`. */
  changed(request: Request, session: DemoSession): Promise<void>;
}

/** Sessions in memory, each tied to its browser by an HttpOnly cookie (a server's way). */
export function cookieSessions(): DemoSessions {
  const sessions = new Map<string, DemoSession>();
  return {
    async get(request) {
      const id = new RegExp(`(?:^|;\\s*)${COOKIE}=([\\w-]+)`).exec(request.headers.get('cookie') ?? '')?.[1];
      return id ? sessions.get(id) : undefined;
    },
    async start(session) {
      const id = crypto.randomUUID();
      sessions.set(id, session);
      return { 'set-cookie': `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict` };
    },
    changed: async () => undefined,
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** Reads an optional JSON object body (`{}` when empty or not an object). */
async function bodyOf(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text.trim()) return {};
  const value = JSON.parse(text) as unknown;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The demo backend as a fetch handler; paths are relative to its mount point. */
export function createDemoBackend(sandbox: Sandbox, sessions: DemoSessions = cookieSessions()): (request: Request) => Promise<Response> {
  const transactionLink = createTransactionLink({
    baseUrl: 'http://127.0.0.1',
    key: sandbox.options.key,
    secret: sandbox.options.secret,
    // The sandbox runs in this process: hand it the request directly.
    fetch: (input, init) => sandbox.fetch(new Request(input, init)),
  });
  const token = widgetTokenHandler({
    transactionLink,
    resolve: async (request) => {
      const session = await sessions.get(request);
      if (!session) throw new Error('no demo session');
      const { lang } = await bodyOf(request);
      if (typeof lang === 'string' && LANG.test(lang) && lang !== session.lang) {
        session.lang = lang;
        await sessions.changed(request, session);
      }
      return session;
    },
  });

  async function start(request: Request): Promise<Response> {
    const { kind, lang, ttlSeconds } = await bodyOf(request).catch(() => ({}) as Record<string, unknown>);
    if (kind !== 'kyc' && kind !== 'kyb') return json(400, { errors: [{ code: 'invalid-request', message: 'kind must be kyc or kyb.' }] });
    const { caseId } = await transactionLink.createCase(
      kind === 'kyc'
        ? { firstName: 'Anna', lastName: 'Kowalska', email: 'anna@example.com', phone: { countryCode: '+48', number: '600000000' } }
        : { companyName: 'Acme Sp. z o.o.', email: 'office@example.com' },
    );
    const session: DemoSession = { caseId, workflowDefinitionId: kind === 'kyc' ? DEMO.individualKycId : DEMO.companyKybId };
    if (typeof lang === 'string' && LANG.test(lang)) session.lang = lang;
    if (typeof ttlSeconds === 'number' && Number.isInteger(ttlSeconds) && ttlSeconds > 0) session.ttlSeconds = ttlSeconds;
    return json(201, { caseId }, await sessions.start(session));
  }

  return async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/token') return token(request);
    if (path === '/start' && request.method === 'POST') return start(request);
    return json(404, { errors: [{ code: 'not-found', message: `No demo route ${request.method} ${path}.` }] });
  };
}
