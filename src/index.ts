/**
 * tl-workflow: the public API. Importing this module registers `<tl-workflow>` (guarded).
 * To import the class without registering it, use `TlWorkflow` from `./element/tl-workflow.js`.
 */
import './define.js';

export { TlWorkflow, DEFAULT_API_BASE, type TlWorkflowState } from './element/tl-workflow.js';
export type {
  CamelCase,
  KebabCase,
  TlEventHandler,
  TlWorkflowAttributeProperty,
  TlWorkflowAttributes,
  TlWorkflowEventAttributes,
  TlWorkflowEventProps,
  TlWorkflowProperties,
  TlWorkflowProperty,
  TlWorkflowPropertyOnly,
} from './element/typings.js';
export type { TokenClaims } from './token/decode-token.js';
export type { FetchToken, TokenRequestReason } from './token/token-source.js';
export { ERROR_CODES, type TlErrorCode } from './events/error-codes.js';
export type {
  TlEvent,
  TlEventName,
  TlEventDetailMap,
  TlTokenExpiringDetail,
  TlTokenExpiredDetail,
  TlErrorDetail,
  TlReadyDetail,
  TlStepChangeDetail,
  TlCompleteDetail,
  TlCancelDetail,
} from './events/events.js';
