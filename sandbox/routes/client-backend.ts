/**
 * Client-backend endpoints (Bearer access token from `/auth/authorize`): workflow definitions,
 * cases, widget tokens (v1 and v2) and workflow executions.
 */
import { Hono, type Context } from 'hono';
import { DEMO } from '../config.ts';
import type { SandboxContext } from '../context.ts';
import { fail, readJsonObject } from '../errors.ts';
import { createExecution, currentStatus, toWorkflowResource } from '../execution.ts';
import { tokenTtl } from '../scenarios.ts';
import type { ExecutionRecord } from '../store.ts';
import { signWidgetToken, TOKEN_ENVIRONMENTS, type WidgetClaims } from '../tokens.ts';
import { requireAccessToken } from './auth.ts';
import { baseUrl } from './widget-auth.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TTL_SECONDS = 2592000;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A problem with one body field: the 400 answer names it. */
type FieldProblem = { field: string; message: string };

/** Checks an optional string field; `required` makes it mandatory, `pattern` constrains it. */
function checkString(body: Record<string, unknown>, field: string, required: boolean, pattern?: RegExp, what = 'a string'): FieldProblem | null {
  const value = body[field];
  if (value === undefined || value === null) return required ? { field, message: `${field} is required.` } : null;
  if (typeof value !== 'string' || value === '' || (pattern && !pattern.test(value))) {
    return { field, message: `${field} must be ${what}.` };
  }
  return null;
}

/** Checks the sandbox extension `ttlSeconds` (integer 1..2592000). */
function checkTtl(body: Record<string, unknown>): FieldProblem | null {
  const ttl = body.ttlSeconds;
  if (ttl === undefined) return null;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) {
    return { field: 'ttlSeconds', message: `ttlSeconds must be an integer from 1 to ${MAX_TTL_SECONDS}.` };
  }
  return null;
}

/** Checks the sandbox extension `environment` (the token's claim): one of TOKEN_ENVIRONMENTS. */
function checkEnvironment(body: Record<string, unknown>): FieldProblem | null {
  const value = body.environment;
  if (value === undefined || (TOKEN_ENVIRONMENTS as readonly unknown[]).includes(value)) return null;
  return { field: 'environment', message: `environment must be one of ${TOKEN_ENVIRONMENTS.join(', ')}.` };
}

/** Checks an optional `phone` of a case: `{countryCode, number}`, both strings. */
function checkPhone(phone: unknown): FieldProblem | null {
  if (phone === undefined || phone === null) return null;
  const value = phone as Record<string, unknown>;
  if (typeof phone !== 'object' || typeof value.countryCode !== 'string' || typeof value.number !== 'string') {
    return { field: 'phone', message: 'phone must be {countryCode, number}, both strings.' };
  }
  return null;
}

function firstProblem(...problems: Array<FieldProblem | null>): FieldProblem | null {
  return problems.find((problem) => problem !== null) ?? null;
}

function badRequest(c: Context, problem: FieldProblem): Response {
  return fail(c, 400, 'invalid-request', problem.message, problem.field);
}

/** Signs a widget token for an execution, with the request's TTL or the configured one. */
async function widgetToken(ctx: SandboxContext, execution: ExecutionRecord, ttlSeconds: number, environment?: WidgetClaims['environment']): Promise<string> {
  const claims = { customerId: DEMO.customerId, workspaceId: DEMO.workspaceId, partyId: execution.partyId, executionId: execution.id };
  return signWidgetToken(await ctx.keys(), environment ? { ...claims, environment } : claims, ttlSeconds);
}

/** Routes mounted at `/`. */
export function clientBackendRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  for (const path of ['/workflow-definitions', '/cases', '/token', '/workflows', '/workflows/*']) {
    app.use(path, requireAccessToken(ctx));
  }

  app.get('/workflow-definitions', (c) => c.json(ctx.workflows.summaries()));

  app.post('/cases', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const data = body.value;
    const isCompany = typeof data.companyName === 'string' && data.companyName !== '';
    const problem = firstProblem(
      checkString(data, 'firstName', !isCompany),
      checkString(data, 'lastName', !isCompany),
      checkString(data, 'email', false, EMAIL, 'an email address'),
      checkString(data, 'companyName', false),
      checkPhone(data.phone),
    );
    if (problem) return badRequest(c, problem);
    const record = { caseId: crypto.randomUUID(), partyId: crypto.randomUUID(), createdDate: new Date().toISOString(), data };
    ctx.store.putCase(record);
    return c.json({ caseId: record.caseId, partyId: record.partyId, createdDate: record.createdDate }, 201);
  });

  app.post('/token', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const data = body.value;
    const v2 = /version\s*=\s*2/.test(c.req.header('accept') ?? '');
    const caseField = v2 ? 'recordId' : 'caseId';
    const problem = firstProblem(
      checkString(data, caseField, !v2, UUID, 'a UUID'),
      checkString(data, 'workflowDefinitionId', true),
      checkString(data, 'parametersId', false),
      checkString(data, 'lang', false, LOCALE, 'a language tag such as en or pl-PL'),
      checkTtl(data),
      checkEnvironment(data),
    );
    if (problem) return badRequest(c, problem);
    const workflow = ctx.workflows.get(data.workflowDefinitionId as string);
    if (!workflow) return fail(c, 404, 'not-found', 'No such workflow definition.', 'workflowDefinitionId');
    const caseId = data[caseField] as string | undefined;
    const record = caseId === undefined ? undefined : ctx.store.getCase(caseId);
    if (caseId !== undefined && !record) return fail(c, 404, 'not-found', `No case with this ${caseField}.`, caseField);

    const lang = data.lang as string | undefined;
    // Resume the case's execution of this workflow while the user is in it (RUNNING) or it is being
    // checked (AWAITING); once completed, cancelled or expired, start a new one.
    let execution = record
      ? ctx.store.executionsFor(record.caseId, workflow.id).find((e) => ['RUNNING', 'AWAITING'].includes(currentStatus(ctx, e)))
      : undefined;
    if (execution && lang && lang !== execution.locale) {
      execution.locale = lang;
      ctx.store.putExecution(execution);
    }
    execution ??= createExecution(ctx, {
      workflow,
      caseId: record?.caseId ?? null,
      partyId: record?.partyId ?? crypto.randomUUID(),
      caseData: record?.data,
      locale: lang ?? 'en',
      parametersId: (data.parametersId as string | undefined) ?? null,
      expiresAt: new Date(Date.now() + 30 * DAY),
    });
    const ttl = tokenTtl(ctx, data.ttlSeconds);
    const token = await widgetToken(ctx, execution, ttl, data.environment as WidgetClaims['environment']);
    return c.json({ token, expiryDuration: ttl, tokenType: 'Bearer' }, 201);
  });

  app.post('/workflows', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const data = body.value;
    let problem = firstProblem(
      checkString(data, 'workflowDefinitionId', true),
      checkString(data, 'locale', true, LOCALE, 'a language tag such as en or pl-PL'),
      checkString(data, 'expiresAt', false),
      checkString(data, 'recordId', false, UUID, 'a UUID'),
      checkTtl(data),
    );
    const parameters = data.parameters ?? {};
    if (!problem && (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))) {
      problem = { field: 'parameters', message: 'parameters must be an object.' };
    }
    const now = Date.now();
    const expiresAt = data.expiresAt === undefined ? new Date(now + 7 * DAY) : new Date(data.expiresAt as string);
    if (!problem && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() < now + 30 * MINUTE || expiresAt.getTime() > now + 30 * DAY)) {
      problem = { field: 'expiresAt', message: 'expiresAt must be an ISO date-time between 30 minutes and 30 days ahead.' };
    }
    if (problem) return badRequest(c, problem);
    const workflow = ctx.workflows.get(data.workflowDefinitionId as string);
    if (!workflow) return fail(c, 404, 'not-found', 'No such workflow definition.', 'workflowDefinitionId');
    const record = data.recordId === undefined ? undefined : ctx.store.getCase(data.recordId as string);
    if (data.recordId !== undefined && !record) return fail(c, 404, 'not-found', 'No case with this recordId.', 'recordId');

    const execution = createExecution(ctx, {
      workflow,
      caseId: record?.caseId ?? null,
      partyId: record?.partyId ?? crypto.randomUUID(),
      caseData: record?.data,
      locale: data.locale as string,
      parameters: parameters as Record<string, unknown>,
      expiresAt,
    });
    const ttl = tokenTtl(ctx, data.ttlSeconds);
    const origin = baseUrl(c, ctx.options);
    return c.json(
      {
        ...toWorkflowResource(ctx, execution),
        token: await widgetToken(ctx, execution, ttl),
        tokenExpiryDuration: ttl,
        link: `${origin}/link/${execution.id}`,
      },
      201,
    );
  });

  app.get('/workflows/:id', (c) => {
    const execution = ctx.store.getExecution(c.req.param('id'));
    if (!execution) return fail(c, 404, 'not-found', 'No workflow execution with this id.');
    return c.json(toWorkflowResource(ctx, execution));
  });

  return app;
}
