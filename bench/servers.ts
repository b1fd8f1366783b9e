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

/** Serves bench/*.html, bench/*.js and dist/*.js; the URL of the server is returned. */
export function pageServer(): Promise<{ url: string; close: () => void }> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '');
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

/** `count` fresh widget tokens for a workflow, each for its own new case (the client backend's calls). */
export async function widgetTokens(apiBase: string, workflowDefinitionId: string, count: number): Promise<string[]> {
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
