/**
 * Wire types of the client-backend half of the TransactionLink API, as `tl-workflow/server` sends
 * and receives them. `sandbox/API.md` describes the same contract in prose.
 */

/** Status of a workflow execution. `AWAITING`: the user is done, TransactionLink's background checks still run. */
export type WorkflowStatus = 'RUNNING' | 'AWAITING' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED';

/** What a widget token is for: a case (API v1) or a record (API v2), and a workflow definition. */
export type WidgetTokenRequest = (
  | { /** The case (API v1, `POST /token`). */ caseId: string; recordId?: never }
  | { /** The record (API v2, `POST /token` with `Accept: application/json;version=2`); may be omitted in v2. */ recordId?: string; caseId?: never }
) & {
  workflowDefinitionId: string;
  /** Language of the workflow's texts (`en`, `pl`, `pl-PL`). */
  lang?: string;
  /** Parameters set to use with the workflow. */
  parametersId?: string;
  /**
   * Local sandbox only: this token's lifetime in seconds. TransactionLink's own tokens always last
   * 60 minutes and its API does not know this field: leave it out against TransactionLink.
   */
  ttlSeconds?: number;
};

/** A one-time widget token for the browser, and when it expires. */
export interface WidgetToken {
  token: string;
  expiresAt: Date;
}

/** A new case (`POST /cases`): a person (`firstName`, `lastName`) or a company (`companyName`); other fields pass through. */
export interface CaseInput {
  firstName?: string;
  lastName?: string;
  companyName?: string;
  email?: string;
  personalNumber?: string;
  phone?: { countryCode: string; number: string };
  [field: string]: unknown;
}

/** `POST /cases`'s answer. */
export interface CreatedCase {
  caseId: string;
  partyId: string;
  createdDate: string;
}

/** What `POST /workflows` (API v2) needs to start a workflow execution. */
export interface StartWorkflowInput {
  workflowDefinitionId: string;
  /** Language of the workflow (`en`, `pl`). */
  locale: string;
  /** Values the workflow starts with. Default `{}`. */
  parameters?: Record<string, unknown>;
  /** The record (case) the execution belongs to. */
  recordId?: string;
  /** When the execution expires: between 30 minutes and 30 days ahead (TransactionLink's default otherwise). */
  expiresAt?: Date | string;
}

/** A workflow execution as `GET /workflows/{id}` describes it. Fields TransactionLink adds pass through. */
export interface Workflow {
  id: string;
  workflowDefinitionId: string;
  status: WorkflowStatus;
  locale: string;
  expiresAt: string;
  recordId?: string | null;
  uiOptions?: Record<string, unknown>;
  [field: string]: unknown;
}

/** `POST /workflows`'s answer: the workflow plus a widget token for it and a hosted link. */
export interface StartedWorkflow extends Workflow {
  token: string;
  link: string;
}

/** The body of a TransactionLink webhook (as the local sandbox sends it; other fields pass through). */
export interface WebhookEvent {
  /** Unique id of the event: deliveries of the same event repeat it (use it to ignore duplicates). */
  id: string;
  type: string;
  workflowId: string;
  workflowDefinitionId?: string;
  recordId?: string | null;
  status: WorkflowStatus;
  createdAt: string;
  [field: string]: unknown;
}

/** An error body of the TransactionLink API: `{fingerprint, errors: [{code, message}]}`. */
export interface ApiErrorEntry {
  code: string;
  message: string;
  field?: string;
}
