/**
 * Browser side of the fault proxy (see proxy.ts): the API base that goes through it, and the
 * controls to queue faults, go offline and read what was applied.
 */
import type { FaultRule } from './proxy.js';

export type { FaultKind, FaultRule } from './proxy.js';

/** The widget's `api-base` through the fault proxy (the same sandbox as `/tl-api`). */
export const FAULTY_API_BASE = `${location.origin}/tl-faulty`;

const CONTROL = `${location.origin}/tl-faulty-control`;

async function send(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${CONTROL}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fault proxy ${method} ${path}: ${response.status}`);
  return response.json();
}

/** Queues a rule: the next `count` (default 1) matching requests misbehave. */
export async function addFault(rule: FaultRule): Promise<void> {
  await send('POST', '/rules', rule);
}

/** Drops every queued rule and goes back online. */
export async function clearProxy(): Promise<void> {
  await send('DELETE', '/rules');
}

/** Every request is dropped while offline. */
export async function setOffline(offline: boolean): Promise<void> {
  await send('POST', '/offline', { offline });
}

/** The faults applied so far (in order) and the rules still queued. */
export interface ProxyLog {
  applied: Array<{ fault: string; method: string; path: string }>;
  pending: FaultRule[];
  /** Requests that reached the proxy since the test server started. */
  requests: number;
}

/** The faults applied so far (in order), the rules still queued, and the number of proxied requests. */
export async function proxyLog(): Promise<ProxyLog> {
  return (await send('GET', '/log')) as ProxyLog;
}
