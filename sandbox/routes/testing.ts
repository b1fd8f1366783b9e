/**
 * Sandbox-only test endpoints under `/sandbox/` (no auth): the save audit of an execution, the
 * webhook deliveries, deterministic fault injection for widget requests, and scenarios (scenarios.ts). Also the widget-request middleware that
 * applies faults, `FAULT_RATE` and `LATENCY_MS`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { Fault, SandboxContext } from '../context.ts';
import { errorResponse, fail, readJsonObject } from '../errors.ts';
import { currentStatus } from '../execution.ts';
import { clearScenarios, queueScenario, ScenarioError, type ScenarioOptions } from '../scenarios.ts';

/** The error code sent with an injected status. */
function codeFor(status: number): string {
  if (status === 503) return 'unavailable';
  if (status === 429) return 'rate-limited';
  if (status === 401) return 'token-invalid';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'internal';
  return 'fault';
}

/** Routes mounted at `/sandbox`. */
export function testingRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();

  app.get('/audit/:executionId', (c) => {
    const execution = ctx.store.getExecution(c.req.param('executionId'));
    if (!execution) return fail(c, 404, 'not-found', 'No workflow execution with this id.');
    return c.json({ saves: { ...execution.saves }, status: currentStatus(ctx, execution) });
  });

  app.get('/webhooks', (c) => c.json(ctx.webhooks.deliveries));

  app.get('/faults', (c) => c.json(ctx.faults));

  app.post('/faults', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const { method, pathContains, status, count = 1, code } = body.value;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      return fail(c, 400, 'invalid-request', 'status must be an HTTP error status (400..599).', 'status');
    }
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
      return fail(c, 400, 'invalid-request', 'count must be a positive integer.', 'count');
    }
    for (const [name, value] of [['method', method], ['pathContains', pathContains], ['code', code]] as const) {
      if (value !== undefined && typeof value !== 'string') {
        return fail(c, 400, 'invalid-request', `${name} must be a string.`, name);
      }
    }
    const fault: Fault = { status, remaining: count };
    if (typeof method === 'string') fault.method = method.toUpperCase();
    if (typeof pathContains === 'string') fault.pathContains = pathContains;
    if (typeof code === 'string') fault.code = code;
    ctx.faults.push(fault);
    return c.json(ctx.faults, 201);
  });

  app.delete('/faults', (c) => {
    ctx.faults.length = 0;
    return c.body(null, 204);
  });

  app.get('/scenarios', (c) => c.json({ ...ctx.scenarios, faults: ctx.faults }));

  app.post('/scenarios', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const { name, ...options } = body.value;
    try {
      queueScenario(ctx, name, options as ScenarioOptions);
    } catch (error) {
      if (error instanceof ScenarioError) return fail(c, 400, 'invalid-request', error.message, error.field);
      throw error;
    }
    return c.json({ ...ctx.scenarios, faults: ctx.faults }, 201);
  });

  app.delete('/scenarios', (c) => {
    clearScenarios(ctx);
    return c.body(null, 204);
  });

  return app;
}

/** Takes one use of the first queued fault matching the request, if any. */
function takeFault(ctx: SandboxContext, method: string, path: string): Fault | undefined {
  const index = ctx.faults.findIndex(
    (fault) => (!fault.method || fault.method === method) && (!fault.pathContains || path.includes(fault.pathContains)),
  );
  if (index < 0) return undefined;
  const fault = ctx.faults[index];
  fault.remaining -= 1;
  if (fault.remaining <= 0) ctx.faults.splice(index, 1);
  return fault;
}

/** Middleware for `/widget/*`: `LATENCY_MS`, then queued faults, then `FAULT_RATE`. */
export function widgetFaults(ctx: SandboxContext): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const { latencyMs, faultRate, random } = ctx.options;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const fault = takeFault(ctx, c.req.method, c.req.path);
    if (fault?.respond) return fault.respond();
    if (fault) {
      return errorResponse(fault.status, fault.code ?? codeFor(fault.status), `Fault injected by the sandbox (${fault.status}).`);
    }
    if (faultRate > 0 && random() < faultRate) {
      return errorResponse(503, 'unavailable', 'The sandbox is simulating an outage (FAULT_RATE).');
    }
    await next();
    return undefined;
  };
}
