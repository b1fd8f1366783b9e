/**
 * `tl-workflow/server`: the client backend's half of a TransactionLink integration, for Node 20+
 * and every fetch-based runtime (no DOM, no Node built-ins: `fetch`, `Request`, `Response` and
 * WebCrypto through jose).
 *
 * ```ts
 * import { createTransactionLink, widgetTokenHandler } from 'tl-workflow/server';
 * const transactionLink = createTransactionLink({ key: process.env.TL_KEY, secret: process.env.TL_SECRET });
 * export const POST = widgetTokenHandler({ transactionLink, resolve: async (request) => caseOfSignedInUser(request) });
 * ```
 */
export { createTransactionLink, DEFAULT_BASE_URL, type TransactionLink, type TransactionLinkOptions, type WebhookOptions } from './client.js';
export type { WebhookSeenStore } from './seen-store.js';
export { widgetTokenHandler, type WidgetTokenHandlerOptions, type WidgetTokenResolver } from './handler.js';
export { FINAL_STATUSES, type WaitOptions } from './wait.js';
export {
  BadRequestError,
  NotFoundError,
  TransactionLinkError,
  UnauthorizedError,
  WaitForCompletionError,
  WebhookVerificationError,
  type WebhookProblem,
} from './errors.js';
export type { FetchLike } from './http.js';
export type {
  ApiErrorEntry,
  CaseInput,
  CreatedCase,
  StartedWorkflow,
  StartWorkflowInput,
  WebhookEvent,
  WidgetToken,
  WidgetTokenRequest,
  Workflow,
  WorkflowStatus,
} from './types.js';
