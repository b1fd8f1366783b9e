/**
 * Workflow executions: creating them, their status over time, moving between steps, and their
 * two outward views (the widget's `WidgetExecution` and the client backend's workflow resource).
 */
import type { ExecutionStatus, StepDefinition, StepSummary, WidgetExecution } from '../src/schema/api-types.ts';
import type { SandboxContext } from './context.ts';
import { languageOf } from './i18n.ts';
import { prefillFromCase } from './prefill.ts';
import { dict, type ExecutionRecord } from './store.ts';
import type { WorkflowData } from './workflows/loader.ts';

/** What a new execution needs. */
export interface NewExecution {
  workflow: WorkflowData;
  caseId: string | null;
  partyId: string;
  locale: string;
  parametersId?: string | null;
  parameters?: Record<string, unknown>;
  expiresAt: Date;
  /** The case's data (`firstName`, `lastName`, `email`, `phone`, ...): the matching fields start filled. */
  caseData?: Record<string, unknown>;
}

/** Creates, stores and returns a RUNNING execution positioned on its first step. */
export function createExecution(ctx: SandboxContext, input: NewExecution): ExecutionRecord {
  const execution: ExecutionRecord = {
    id: crypto.randomUUID(),
    workflowDefinitionId: input.workflow.id,
    caseId: input.caseId,
    partyId: input.partyId,
    locale: input.locale,
    parametersId: input.parametersId ?? null,
    parameters: input.parameters ?? {},
    status: 'RUNNING',
    createdAt: new Date().toISOString(),
    expiresAt: input.expiresAt.toISOString(),
    submittedAt: null,
    cancelledAt: null,
    currentStepId: String(input.workflow.steps[0]?.id ?? null),
    done: [],
    values: Object.assign(dict(), prefillFromCase(input.workflow, input.caseData)),
    saves: dict(),
    idempotency: dict(),
    files: dict(),
  };
  ctx.store.putExecution(execution);
  return execution;
}

/**
 * The status as of now: a RUNNING execution past `expiresAt` is EXPIRED; an AWAITING one turns
 * COMPLETED `awaitingSeconds` after submission (stored when noticed).
 */
export function currentStatus(ctx: SandboxContext, execution: ExecutionRecord, now = Date.now()): ExecutionStatus {
  if (execution.status === 'AWAITING' && execution.submittedAt) {
    const doneAt = Date.parse(execution.submittedAt) + (execution.awaitingSeconds ?? ctx.options.awaitingSeconds) * 1000;
    if (now >= doneAt) {
      execution.status = 'COMPLETED';
      ctx.store.putExecution(execution);
      ctx.webhooks.statusChanged(execution);
    }
  }
  if (execution.status === 'RUNNING' && now > Date.parse(execution.expiresAt)) return 'EXPIRED';
  return execution.status;
}

/** The ids of the workflow's steps, in order. */
export function stepIds(workflow: WorkflowData): string[] {
  return workflow.steps.map((step) => String(step.id));
}

/** Marks a step saved and moves to the next step after it not yet done (the review step at the latest). */
export function markDoneAndAdvance(execution: ExecutionRecord, workflow: WorkflowData, stepId: string): void {
  if (!execution.done.includes(stepId)) execution.done.push(stepId);
  execution.saves[stepId] = (execution.saves[stepId] ?? 0) + 1;
  const ids = stepIds(workflow);
  const after = ids.slice(ids.indexOf(stepId) + 1);
  execution.currentStepId = after.find((id) => !execution.done.includes(id)) ?? ids[ids.length - 1];
}

/** True when the user may save this step now: it is the current step or one already done. */
export function isReached(execution: ExecutionRecord, stepId: string): boolean {
  return execution.currentStepId === stepId || execution.done.includes(stepId);
}

/** Ends the user's part: COMPLETED or AWAITING depending on the workflow. */
export function submit(execution: ExecutionRecord, workflow: WorkflowData, reviewStepId: string): void {
  if (!execution.done.includes(reviewStepId)) execution.done.push(reviewStepId);
  execution.saves[reviewStepId] = (execution.saves[reviewStepId] ?? 0) + 1;
  execution.status = workflow.onSubmit;
  execution.submittedAt = new Date().toISOString();
  execution.currentStepId = null;
}

/** The step definitions in the execution's language, links made absolute against `baseUrl` (read-only). */
export function definitionsFor(ctx: SandboxContext, execution: ExecutionRecord, baseUrl: string): StepDefinition[] {
  const workflow = ctx.workflows.get(execution.workflowDefinitionId);
  if (!workflow) throw new Error(`Unknown workflow definition ${execution.workflowDefinitionId}`);
  return ctx.workflows.steps(workflow, languageOf(execution.locale), baseUrl);
}

/** `GET /widget/execution`: the execution as the widget sees it. */
export function toWidgetExecution(ctx: SandboxContext, execution: ExecutionRecord, baseUrl: string): WidgetExecution {
  const workflow = ctx.workflows.get(execution.workflowDefinitionId)!;
  const status = currentStatus(ctx, execution);
  const definitions = definitionsFor(ctx, execution, baseUrl);
  const currentStepId = status === 'RUNNING' ? execution.currentStepId : null;
  const steps: StepSummary[] = definitions.map((step) => ({
    id: step.id,
    title: step.title,
    type: step.type,
    state: step.id === currentStepId ? 'current' : execution.done.includes(step.id) ? 'done' : 'todo',
  }));
  return {
    id: execution.id,
    workflowDefinitionId: execution.workflowDefinitionId,
    name: ctx.workflows.name(workflow, languageOf(execution.locale)),
    status,
    // The language the texts are in: the requested tag, or English when the workflow lacks its language.
    locale: languageOf(execution.locale) === execution.locale.toLowerCase().split(/[-_]/)[0] ? execution.locale : 'en',
    expiresAt: execution.expiresAt,
    uiOptions: uiOptionsFor(workflow, execution),
    steps,
    currentStepId,
    definitions,
    values: structuredClone(execution.values),
  };
}

/** The workflow's uiOptions, with `defaultLanguage` set to the execution's language. */
function uiOptionsFor(workflow: WorkflowData, execution: ExecutionRecord): WidgetExecution['uiOptions'] {
  return { ...structuredClone(workflow.uiOptions), defaultLanguage: languageOf(execution.locale) };
}

/** `GET /workflows/{id}` (and `POST /workflows` without the token): the client backend's view. */
export function toWorkflowResource(ctx: SandboxContext, execution: ExecutionRecord): Record<string, unknown> {
  const workflow = ctx.workflows.get(execution.workflowDefinitionId)!;
  const status = currentStatus(ctx, execution);
  return {
    id: execution.id,
    workflowDefinitionId: execution.workflowDefinitionId,
    recordId: execution.caseId,
    partyId: execution.partyId,
    status,
    locale: execution.locale,
    parameters: execution.parameters,
    createdAt: execution.createdAt,
    expiresAt: execution.expiresAt,
    submittedAt: execution.submittedAt,
    currentStepId: status === 'RUNNING' ? execution.currentStepId : null,
    uiOptions: uiOptionsFor(workflow, execution),
    values: structuredClone(execution.values),
  };
}
