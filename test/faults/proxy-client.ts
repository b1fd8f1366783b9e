/**
 * Browser side of the fault proxy (see proxy.ts). Every test gets a proxy of its own (a scope):
 * its API base, its queued faults, its offline switch and its log. Dropping the scope after the
 * test closes what it left hanging and forgets what it left queued, so a test that fails or times
 * out halfway cannot change what the next one sees.
 *
 * ```ts
 * const proxy = useFaultProxy(); // in a describe: a fresh scope before each test, dropped after it
 * it('...', async () => {
 *   await proxy().add({ fault: 'hang', method: 'GET' });
 *   const client = new WidgetClient({ apiBase: proxy().apiBase, token });
 * });
 * ```
 */
import type { FaultRule } from './proxy.js';

export type { FaultKind, FaultRule } from './proxy.js';

const PROXIED = `${location.origin}/tl-faulty`;
const CONTROL = `${location.origin}/tl-faulty-control`;

/** What the proxy did in one scope. */
export interface ProxyLog {
  /** The faults applied so far, in order (`offline` for each request dropped while offline). */
  applied: Array<{ fault: string; method: string; path: string }>;
  /** The rules still queued. */
  pending: FaultRule[];
  /** Requests that reached this scope. */
  requests: number;
  /** Faulted requests that reached the sandbox, which acted on them (whatever the browser then got). */
  reached: number;
}

async function send(method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fault proxy ${method} ${url}: ${response.status}`);
  return response.json();
}

/** One test's fault proxy, in front of the same sandbox as `/tl-api`. */
export class FaultProxy {
  /** The widget's `api-base` through this proxy. */
  readonly apiBase: string;
  readonly #control: string;

  constructor(readonly scope: string = crypto.randomUUID()) {
    this.apiBase = `${PROXIED}/${scope}`;
    this.#control = `${CONTROL}/${scope}`;
  }

  /** Queues a rule: the next `count` (default 1) matching requests misbehave. */
  async add(rule: FaultRule): Promise<void> {
    await send('POST', `${this.#control}/rules`, rule);
  }

  /** Drops the rules still queued (what was applied stays in the log). */
  async clearRules(): Promise<void> {
    await send('DELETE', `${this.#control}/rules`);
  }

  /** Every request is dropped while offline. */
  async setOffline(offline: boolean): Promise<void> {
    await send('POST', `${this.#control}/offline`, { offline });
  }

  /** The faults applied so far, the rules still queued, and the request counts. */
  async log(): Promise<ProxyLog> {
    return (await send('GET', `${this.#control}/log`)) as ProxyLog;
  }

  /**
   * Waits (on the server, no polling) until `applied` faults were applied and `reached` of them
   * reached the sandbox, which acted on the request, in this scope: the positive signal that a
   * request got where a test needs it (a save applied while its answer hangs, say).
   */
  async waitFor({ applied = 0, reached = 0 }: { applied?: number; reached?: number }): Promise<void> {
    const response = await fetch(`${this.#control}/wait?applied=${applied}&reached=${reached}`);
    if (!response.ok) throw new Error(`fault proxy: still waiting for ${applied} applied / ${reached} reached (${JSON.stringify(await response.json())})`);
  }

  /** Drops the scope: its rules, its offline switch, its log, and the requests it holds hanging. */
  async drop(): Promise<void> {
    await send('DELETE', `${this.#control}/`);
  }
}

/**
 * A fresh `FaultProxy` before each test of the calling `describe`, dropped after it (pass or
 * fail). Returns the accessor of the current test's proxy.
 */
export function useFaultProxy(): () => FaultProxy {
  let current: FaultProxy | undefined;
  beforeEach(() => {
    current = new FaultProxy();
  });
  afterEach(async () => {
    const proxy = current;
    current = undefined;
    await proxy?.drop();
  });
  return () => {
    if (!current) throw new Error('useFaultProxy(): no test is running');
    return current;
  };
}
