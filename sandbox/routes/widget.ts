/**
 * Widget-facing endpoints (Bearer widget token): read the execution, save a step (idempotent),
 * go back, cancel. Uploads and registry lookups are in widget-files.ts.
 */
import { Hono, type Context } from 'hono';
import type { StepDefinition } from '../../src/schema/api-types.ts';
import type { SandboxContext } from '../context.ts';
import { fail, failMany, isJsonRequest, notJson, parseJson, readJsonObject } from '../errors.ts';
import { currentStatus, definitionsFor, isReached, markDoneAndAdvance, stepIds, submit, toWidgetExecution } from '../execution.ts';
import { applySubmitScenario, refusalFor } from '../scenarios.ts';
import { checkStep } from '../steps.ts';
import type { ExecutionRecord } from '../store.ts';
import { widgetFaults } from './testing.ts';
import { baseUrl, requireWidgetToken, type WidgetEnv } from './widget-auth.ts';
import { widgetFileRoutes } from './widget-files.ts';

/** JSON with object keys sorted, so equal bodies compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** 409 `conflict` unless the execution is RUNNING. */
function notRunning(ctx: SandboxContext, c: Context, execution: ExecutionRecord): Response | null {
  const status = currentStatus(ctx, execution);
  if (status === 'RUNNING') return null;
  return fail(c, 409, 'conflict', `The workflow is ${status}; it can no longer be changed.`);
}

/**
 * Answers a save with an Idempotency-Key already used: the first save's answer again (with today's
 * definitions), or 409 `idempotency-key-reused` for another step or body; null for a new key.
 */
function replaySave(ctx: SandboxContext, c: Context<WidgetEnv>, key: string, stepId: string, fingerprint: string): Response | null {
  const execution = c.var.execution;
  const previous = execution.idempotency[key];
  if (!previous) return null;
  if (previous.stepId !== stepId || previous.body !== fingerprint) {
    return fail(c, 409, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request.');
  }
  return c.json({ ...previous.response, definitions: definitionsFor(ctx, execution, baseUrl(c, ctx.options)) }, 200);
}

/** Submits the workflow from its review step once every other step is done; else 409 `steps-incomplete`. */
function submitReview(ctx: SandboxContext, c: Context<WidgetEnv>, stepId: string): Response | null {
  const execution = c.var.execution;
  const workflow = ctx.workflows.get(execution.workflowDefinitionId)!;
  const missing = stepIds(workflow).filter((id) => id !== stepId && !execution.done.includes(id));
  if (missing.length > 0) return fail(c, 409, 'steps-incomplete', `Complete these steps first: ${missing.join(', ')}.`);
  submit(execution, workflow, stepId);
  applySubmitScenario(ctx, execution);
  return null;
}

/** Checks and stores a step's values (and what they prefill), then moves on; else 422 with each field's error. */
async function saveValues(
  ctx: SandboxContext,
  c: Context<WidgetEnv>,
  step: StepDefinition,
  values: Record<string, unknown>,
  definitions: StepDefinition[],
): Promise<Response | null> {
  const execution = c.var.execution;
  const stepId = step.id;
  const result = await checkStep(step, values, { stepId, files: execution.files }, ctx.workflows, definitions);
  const refused = refusalFor(ctx, step);
  if (refused) result.errors.push(refused);
  if (result.errors.length > 0) {
    return failMany(c, 422, result.errors.map((error) => ({ code: 'validation', ...error })));
  }
  execution.values[stepId] = result.values;
  if (result.prefill) execution.values[result.prefill.stepId] = result.prefill.values;
  markDoneAndAdvance(execution, ctx.workflows.get(execution.workflowDefinitionId)!, stepId);
  return null;
}

/** `PUT /widget/execution/steps/{stepId}`: saves a step (or submits from the review step), once per Idempotency-Key. */
async function putStep(ctx: SandboxContext, c: Context<WidgetEnv, '/execution/steps/:stepId'>): Promise<Response> {
  const execution = c.var.execution;
  const stepId = c.req.param('stepId');
  const key = c.req.header('idempotency-key')?.trim();
  if (!key) return fail(c, 400, 'idempotency-key-required', 'The Idempotency-Key header is required.');
  const body = await readJsonObject(c);
  if (!body.ok) return body.response;
  const values = body.value.values;
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return fail(c, 400, 'invalid-request', 'values is required and must be an object.', 'values');
  }
  const fingerprint = canonicalJson(body.value);
  const replayed = replaySave(ctx, c, key, stepId, fingerprint);
  if (replayed) return replayed;

  const blocked = notRunning(ctx, c, execution);
  if (blocked) return blocked;
  const definitions = definitionsFor(ctx, execution, baseUrl(c, ctx.options));
  const step = definitions.find((definition) => definition.id === stepId);
  if (!step) return fail(c, 404, 'not-found', `No step ${stepId} in this workflow.`);
  if (!isReached(execution, stepId)) return fail(c, 409, 'step-not-reached', `Step ${stepId} has not been reached yet.`);
  const refused =
    step.type === 'review' ? submitReview(ctx, c, stepId) : await saveValues(ctx, c, step, values as Record<string, unknown>, definitions);
  if (refused) return refused;

  const response = toWidgetExecution(ctx, execution, baseUrl(c, ctx.options));
  const { definitions: _static, ...stored } = response;
  execution.idempotency[key] = { stepId, body: fingerprint, status: 200, response: stored };
  ctx.store.putExecution(execution);
  if (step.type === 'review') ctx.webhooks.statusChanged(execution);
  return c.json(response, 200);
}

/** `POST /widget/execution/back`: moves back to the previous step, or to the completed earlier step the body names. */
async function postBack(ctx: SandboxContext, c: Context<WidgetEnv>): Promise<Response> {
  const execution = c.var.execution;
  const text = await c.req.text();
  let target: unknown;
  if (text.trim() !== '') {
    if (!isJsonRequest(c)) return notJson(c);
    const parsed = parseJson(c, text);
    if (!parsed.ok) return parsed.response;
    target = (parsed.value as { stepId?: unknown } | null)?.stepId;
  }
  if (target !== undefined && typeof target !== 'string') {
    return fail(c, 400, 'invalid-request', 'stepId must be a string.', 'stepId');
  }
  const blocked = notRunning(ctx, c, execution);
  if (blocked) return blocked;
  const ids = stepIds(ctx.workflows.get(execution.workflowDefinitionId)!);
  const currentIndex = ids.indexOf(execution.currentStepId ?? '');
  if (target !== undefined && !ids.includes(target)) return fail(c, 404, 'not-found', `No step ${target} in this workflow.`);
  const targetIndex = target === undefined ? currentIndex - 1 : ids.indexOf(target);
  if (targetIndex < 0 || targetIndex >= currentIndex || !execution.done.includes(ids[targetIndex])) {
    return fail(c, 409, 'back-not-allowed', 'You can only go back to an earlier step you have completed.');
  }
  execution.currentStepId = ids[targetIndex];
  ctx.store.putExecution(execution);
  return c.json(toWidgetExecution(ctx, execution, baseUrl(c, ctx.options)));
}

/** `POST /widget/execution/cancel`: cancels a RUNNING execution; again for a cancelled one; else 409 `conflict`. */
function postCancel(ctx: SandboxContext, c: Context<WidgetEnv>): Response {
  const execution = c.var.execution;
  const status = currentStatus(ctx, execution);
  if (status === 'RUNNING') {
    execution.status = 'CANCELLED';
    execution.cancelledAt = new Date().toISOString();
    execution.currentStepId = null;
    ctx.store.putExecution(execution);
  } else if (status !== 'CANCELLED') {
    return fail(c, 409, 'conflict', `The workflow is ${status}; it can no longer be cancelled.`);
  }
  return c.json(toWidgetExecution(ctx, execution, baseUrl(c, ctx.options)));
}

/** Routes mounted at `/widget`. */
export function widgetRoutes(ctx: SandboxContext): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.use('*', widgetFaults(ctx));
  app.use('*', requireWidgetToken(ctx));
  app.get('/execution', (c) => c.json(toWidgetExecution(ctx, c.var.execution, baseUrl(c, ctx.options))));
  app.put('/execution/steps/:stepId', (c) => putStep(ctx, c));
  app.post('/execution/back', (c) => postBack(ctx, c));
  app.post('/execution/cancel', (c) => postCancel(ctx, c));
  app.route('/', widgetFileRoutes(ctx));
  return app;
}
