/** The TransactionLink widget API client: HTTP only, no DOM. */
export { WidgetClient, newIdempotencyKey, type WidgetClientOptions } from './widget-client.js';
export { ApiError, isRetryable, isTokenPastExpiry, type ApiErrorInit } from './errors.js';
export { DEFAULT_RETRY_POLICY, NO_RETRY, isAbortError, type RetryPolicy } from './retry.js';
export type { UploadOptions } from './upload.js';
export type * from './api-types.js';
