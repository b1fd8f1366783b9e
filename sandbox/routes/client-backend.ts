/**
 * Client-backend endpoints (Bearer access token from `/auth/authorize`): workflow definitions,
 * cases, widget tokens (v1 and v2) and workflow executions.
 */
import { Hono, type Context } from 'hono';
import { DEMO } from '../config.ts';
import type { SandboxContext } from '../context.ts';
import { fail, readJsonObject } from '../errors.ts';
import { createExecution, currentStatus, toWorkflowResource, type NewExecution } from '../execution.ts';
import { tokenTtl } from '../scenarios.ts';
import type { CaseRecord, ExecutionRecord } from '../store.ts';
import { signWidgetToken, TOKEN_ENVIRONMENTS, type WidgetClaims } from '../tokens.ts';
import type { WorkflowData } from '../workflows/loader.ts';
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

/** The workflow definition a request names and, when `caseId` is given, its case; or the 404 answer. */
function findWorkflowAndCase(
  ctx: SandboxContext,
  c: Context,
  workflowId: string,
  caseId: string | undefined,
  caseField: string,
): { workflow: WorkflowData; record?: CaseRecord } | Response {
  const workflow = ctx.workflows.get(workflowId);
  if (!workflow) return fail(c, 404, 'not-found', 'No such workflow definition.', 'workflowDefinitionId');
  const record = caseId === undefined ? undefined : ctx.store.getCase(caseId);
  if (caseId !== undefined && !record) return fail(c, 404, 'not-found', `No case with this ${caseField}.`, caseField);
  return { workflow, record };
}

/** The case part of a new execution: the case's ids and data, or a fresh party without a case. */
function caseOf(record: CaseRecord | undefined): Pick<NewExecution, 'caseId' | 'partyId' | 'caseData'> {
  return { caseId: record?.caseId ?? null, partyId: record?.partyId ?? crypto.randomUUID(), caseData: record?.data };
}

/** `POST /cases`: stores a case (a person, or a company when `companyName` is set) and answers its ids. */
async function postCase(ctx: SandboxContext, c: Context): Promise<Response> {
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
}

/**
 * The execution a `POST /token` is for: the case's execution of this workflow while the user is in it
 * (RUNNING) or it is being checked (AWAITING), in the requested language; once completed, cancelled or
 * expired (or without a case), a new one.
 */
function executionForToken(ctx: SandboxContext, workflow: WorkflowData, record: CaseRecord | undefined, data: Record<string, unknown>): ExecutionRecord {
  const lang = data.lang as string | undefined;
  const execution = record
    ? ctx.store.executionsFor(record.caseId, workflow.id).find((e) => ['RUNNING', 'AWAITING'].includes(currentStatus(ctx, e)))
    : undefined;
  if (execution && lang && lang !== execution.locale) {
    execution.locale = lang;
    ctx.store.putExecution(execution);
  }
  return (
    execution ??
    createExecution(ctx, {
      workflow,
      ...caseOf(record),
      locale: lang ?? 'en',
      parametersId: (data.parametersId as string | undefined) ?? null,
      expiresAt: new Date(Date.now() + 30 * DAY),
    })
  );
}

/** `POST /token`: a widget token for a case's execution (v1 `caseId`, or v2 `recordId` with `Accept: ...version=2`). */
async function postToken(ctx: SandboxContext, c: Context): Promise<Response> {
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
  const found = findWorkflowAndCase(ctx, c, data.workflowDefinitionId as string, data[caseField] as string | undefined, caseField);
  if (found instanceof Response) return found;
  const execution = executionForToken(ctx, found.workflow, found.record, data);
  const ttl = tokenTtl(ctx, data.ttlSeconds);
  const token = await widgetToken(ctx, execution, ttl, data.environment as WidgetClaims['environment']);
  return c.json({ token, expiryDuration: ttl, tokenType: 'Bearer' }, 201);
}

/** The first problem of a `POST /workflows` body, its `parameters` and its `expiresAt` (checked against `now`). */
function workflowProblem(data: Record<string, unknown>, parameters: unknown, expiresAt: Date, now: number): FieldProblem | null {
  const problem = firstProblem(
    checkString(data, 'workflowDefinitionId', true),
    checkString(data, 'locale', true, LOCALE, 'a language tag such as en or pl-PL'),
    checkString(data, 'expiresAt', false),
    checkString(data, 'recordId', false, UUID, 'a UUID'),
    checkTtl(data),
  );
  if (problem) return problem;
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) {
    return { field: 'parameters', message: 'parameters must be an object.' };
  }
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() < now + 30 * MINUTE || expiresAt.getTime() > now + 30 * DAY) {
    return { field: 'expiresAt', message: 'expiresAt must be an ISO date-time between 30 minutes and 30 days ahead.' };
  }
  return null;
}

/** `POST /workflows`: starts an execution (optionally for a case) and answers it with a widget token and a link. */
async function postWorkflow(ctx: SandboxContext, c: Context): Promise<Response> {
  const body = await readJsonObject(c);
  if (!body.ok) return body.response;
  const data = body.value;
  const parameters = data.parameters ?? {};
  const now = Date.now();
  const expiresAt = data.expiresAt === undefined ? new Date(now + 7 * DAY) : new Date(data.expiresAt as string);
  const problem = workflowProblem(data, parameters, expiresAt, now);
  if (problem) return badRequest(c, problem);
  const found = findWorkflowAndCase(ctx, c, data.workflowDefinitionId as string, data.recordId as string | undefined, 'recordId');
  if (found instanceof Response) return found;

  const execution = createExecution(ctx, {
    workflow: found.workflow,
    ...caseOf(found.record),
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
}

/** Routes mounted at `/`. */
export function clientBackendRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  for (const path of ['/workflow-definitions', '/cases', '/token', '/workflows', '/workflows/*']) {
    app.use(path, requireAccessToken(ctx));
  }
  app.get('/workflow-definitions', (c) => c.json(ctx.workflows.summaries()));
  app.post('/cases', (c) => postCase(ctx, c));
  app.post('/token', (c) => postToken(ctx, c));
  app.post('/workflows', (c) => postWorkflow(ctx, c));
  app.get('/workflows/:id', (c) => {
    const execution = ctx.store.getExecution(c.req.param('id'));
    if (!execution) return fail(c, 404, 'not-found', 'No workflow execution with this id.');
    return c.json(toWorkflowResource(ctx, execution));
  });
  return app;
}
