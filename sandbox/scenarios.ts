/**
 * Scenarios: outcomes a test asks the sandbox for, deterministically (the table is in
 * sandbox/README.md, "Scenarios"). Each one is queued and applies to the next matching event(s)
 * only, then is used up: the next widget token(s) issued, the next workflow(s) submitted, the next
 * widget request(s), the next save(s) of a step holding a field, the next load(s) of the replica's
 * script. `POST /sandbox/scenarios` and `startSandbox().scenario()` both call `queueScenario`.
 */
import type { Fault, SandboxContext } from './context.ts';
import type { ExecutionRecord } from './store.ts';

/** The scenarios, by name. A workflow that completes and one the user cancels need none (see the README). */
export const SCENARIOS = ['token-expires', 'awaiting', 'requests-fail', 'script-fails', 'script-never-ready', 'field-refused'] as const;

export type ScenarioName = (typeof SCENARIOS)[number];

/** What each scenario takes. `count` (default 1): how many tokens, submissions, requests or saves it applies to. */
export interface ScenarioOptions {
  /** `token-expires`: the token's lifetime; `awaiting`: how long the workflow stays `AWAITING`. */
  seconds?: number;
  count?: number;
  /** `requests-fail`, `script-fails`: the HTTP status answered (default 503). */
  status?: number;
  /** `requests-fail`: only requests whose path contains this (default `/widget/execution`: the widget API). */
  path?: string;
  /** `field-refused`: the field (top-level name, as in the workflow) the server refuses. */
  field?: string;
  /** `field-refused`: the message shown next to the field. */
  message?: string;
}

/** Scenarios waiting for their event (faults live in `ctx.faults`). */
export interface ScenarioQueue {
  tokenTtl: Array<{ seconds: number; remaining: number }>;
  awaiting: Array<{ seconds: number; remaining: number }>;
  refusals: Array<{ field: string; message: string; remaining: number }>;
}

/** A request to queue a scenario that cannot be honoured: `field` names the culprit. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** An empty queue. */
export function scenarioQueue(): ScenarioQueue {
  return { tokenTtl: [], awaiting: [], refusals: [] };
}

/** The replica script route, as faults see its path. */
const SCRIPT_PATH = 'transactionlink-widget.umd.js';

/** A script that loads fine and does nothing: it never defines `transactionlink`, never calls `transactionlink_ready`. */
const INERT_SCRIPT = '/* tl-workflow-sandbox, scenario script-never-ready: this script defines nothing and never calls back. */\n';

function integer(value: unknown, name: string, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ScenarioError(`${name} must be an integer from ${min} to ${max}.`, name);
  }
  return value;
}

function seconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 2_592_000) {
    throw new ScenarioError('seconds must be a number above 0 (up to 2592000).', 'seconds');
  }
  return value;
}

/** Checks `name` and `options` and queues the scenario; throws `ScenarioError` for a bad request. */
export function queueScenario(ctx: SandboxContext, name: unknown, options: ScenarioOptions = {}): void {
  if (!(SCENARIOS as readonly unknown[]).includes(name)) {
    throw new ScenarioError(`Unknown scenario ${JSON.stringify(name)} (scenarios: ${SCENARIOS.join(', ')}).`, 'name');
  }
  const count = integer(options.count, 'count', 1, 1000, 1);
  const queue = ctx.scenarios;
  switch (name as ScenarioName) {
    case 'token-expires':
      // Token lifetimes are whole seconds (exp is in seconds).
      queue.tokenTtl.push({ seconds: integer(options.seconds, 'seconds', 1, 2_592_000), remaining: count });
      return;
    case 'awaiting':
      queue.awaiting.push({ seconds: seconds(options.seconds ?? 5), remaining: count });
      return;
    case 'requests-fail': {
      const fault: Fault = { status: integer(options.status, 'status', 400, 599, 503), remaining: count, pathContains: options.path ?? '/widget/execution' };
      if (typeof fault.pathContains !== 'string') throw new ScenarioError('path must be a string.', 'path');
      ctx.faults.push(fault);
      return;
    }
    case 'script-fails':
      ctx.faults.push({ method: 'GET', pathContains: SCRIPT_PATH, status: integer(options.status, 'status', 400, 599, 503), remaining: count });
      return;
    case 'script-never-ready':
      ctx.faults.push({
        method: 'GET',
        pathContains: SCRIPT_PATH,
        status: 200,
        remaining: count,
        respond: () => new Response(INERT_SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' } }),
      });
      return;
    case 'field-refused': {
      const field = options.field;
      const known = ctx.workflows.workflows.some((w) => w.steps.some((step) => fieldsOf(step).includes(String(field))));
      if (typeof field !== 'string' || !known) throw new ScenarioError('field must name a field of a workflow (firstName, email, ...).', 'field');
      const message = options.message ?? `The server refused this ${field}.`;
      if (typeof message !== 'string' || message === '') throw new ScenarioError('message must be a non-empty string.', 'message');
      queue.refusals.push({ field, message, remaining: count });
      return;
    }
  }
}

/** Drops every queued scenario and fault. */
export function clearScenarios(ctx: SandboxContext): void {
  Object.assign(ctx.scenarios, scenarioQueue());
  ctx.faults.length = 0;
}

/** Takes one use of the first entry of `list`. */
function take<T extends { remaining: number }>(list: T[], matches: (entry: T) => boolean = () => true): T | undefined {
  const index = list.findIndex(matches);
  if (index < 0) return undefined;
  const entry = list[index]!;
  entry.remaining -= 1;
  if (entry.remaining <= 0) list.splice(index, 1);
  return entry;
}

/** The lifetime of a widget token about to be issued: asked for in the request, else `token-expires`, else the default. */
export function tokenTtl(ctx: SandboxContext, requested: unknown): number {
  if (typeof requested === 'number') return requested;
  return take(ctx.scenarios.tokenTtl)?.seconds ?? ctx.options.tokenTtlSeconds;
}

/** After a submission: `awaiting` makes it `AWAITING` for its seconds, then `COMPLETED`. */
export function applySubmitScenario(ctx: SandboxContext, execution: ExecutionRecord): void {
  const awaiting = take(ctx.scenarios.awaiting);
  if (!awaiting) return;
  execution.status = 'AWAITING';
  execution.awaitingSeconds = awaiting.seconds;
}

/** The top-level field names of a step definition. */
function fieldsOf(step: Record<string, unknown>): string[] {
  const fields = step.fields;
  return Array.isArray(fields) ? fields.map((field) => String((field as { name?: unknown }).name)) : [];
}

/** `field-refused`: the validation error a save of this step gets, if one is queued for a field of it. */
export function refusalFor(ctx: SandboxContext, step: { fields?: unknown }): { field: string; message: string } | undefined {
  const names = fieldsOf(step as Record<string, unknown>);
  const refusal = take(ctx.scenarios.refusals, (entry) => names.includes(entry.field));
  return refusal && { field: refusal.field, message: refusal.message };
}
