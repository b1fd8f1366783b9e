/**
 * What the benchmark runs against: a page server (bench pages and the built dist/ files) on one
 * origin, real sandboxes on others (real CORS, as a host page meets the API), and the client-backend
 * calls that give widget tokens.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandbox } from '../sandbox/app.ts';
import { DEMO } from '../sandbox/config.ts';

const root = new URL('../', import.meta.url);
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript' };

/** The two demo workflows the speed goals are measured on. */
export const WORKFLOWS = [
  { name: 'individual KYC', id: DEMO.individualKycId },
  { name: 'company KYB', id: DEMO.companyKybId },
] as const;

/**
 * Serves bench/*.html, bench/*.js and dist/*.js, and the pages of `generated` (path -> HTML) from
 * memory; the URL of the server is returned.
 */
export function pageServer(generated: Record<string, string> = {}): Promise<{ url: string; close: () => void }> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '');
    if (generated[path] !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }).end(generated[path]);
      return;
    }
    if (!/^(bench\/[\w-]+\.(html|js)|dist\/[\w.-]+\.js)$/.test(path)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(new URL(path, root));
      res.writeHead(200, { 'Content-Type': TYPES[path.split('.').pop() ?? ''] ?? 'text/plain', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

/** A standalone sandbox with `latencyMs` added to every /widget/* request. */
export function sandboxServer(latencyMs: number): Promise<{ url: string; close: () => void }> {
  const sandbox = createSandbox({ latencyMs, tokenTtlSeconds: 3600 });
  return new Promise((resolve) => {
    const server = serve({ fetch: sandbox.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

async function post<T>(url: string, body: unknown, accessToken?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Fresh widget tokens for a workflow, fetched 25 at a time as they are used up. */
export function tokenPool(apiBase: string, workflowDefinitionId: string): { next: () => Promise<string> } {
  const tokens: string[] = [];
  return {
    async next() {
      if (tokens.length === 0) tokens.push(...(await widgetTokens(apiBase, workflowDefinitionId, 25)));
      return tokens.pop()!;
    },
  };
}

/** A fresh execution of a workflow as `GET /widget/execution` answers it (the JSON text). */
export async function executionBody(apiBase: string, workflowDefinitionId: string): Promise<string> {
  const [token] = await widgetTokens(apiBase, workflowDefinitionId, 1);
  const response = await fetch(`${apiBase}/widget/execution`, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /widget/execution: ${response.status}`);
  return response.text();
}

/**
 * A page that times the answer checker `source` (an IIFE that sets `window.benchCheck`) on a cold
 * page: its code inline (no network in the timing), then one check of each execution in
 * `window.benchBodies` (set by an init script), parsed beforehand. The time is `window.benchCheckMs`.
 */
export function checkerPage(source: string): string {
  const safe = source.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tl-workflow benchmark: the answer checker</title></head><body>
<script>window.benchBodiesParsed = window.benchBodies.map((text) => JSON.parse(text)); window.benchT0 = performance.now();</script>
<script>${safe}</script>
<script>for (const body of window.benchBodiesParsed) window.benchCheck(body); window.benchCheckMs = performance.now() - window.benchT0;</script>
</body></html>`;
}

/** `count` fresh widget tokens for a workflow, each for its own new case (the client backend's calls). */
async function widgetTokens(apiBase: string, workflowDefinitionId: string, count: number): Promise<string[]> {
  const { accessToken } = await post<{ accessToken: string }>(`${apiBase}/auth/authorize`, { key: 'sandbox-key', secret: 'sandbox-secret' });
  const one = async (i: number) => {
    const { caseId } = await post<{ caseId: string }>(`${apiBase}/cases`, { firstName: 'Bench', lastName: `Run ${i}`, email: 'bench@example.com' }, accessToken);
    const { token } = await post<{ token: string }>(`${apiBase}/token`, { caseId, workflowDefinitionId }, accessToken);
    return token;
  };
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 25) {
    tokens.push(...(await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, j) => one(i + j)))));
  }
  return tokens;
}
