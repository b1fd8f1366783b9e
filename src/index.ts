/**
 * tl-workflow: the public API. Importing this module registers `<tl-workflow>` (guarded: a tag
 * already defined is left alone), as every browser entry of the package does (`/react`, `/vue`,
 * `/svelte`, `/angular`, the script-tag file); none gives the class alone. For another tag or a
 * scoped registry, call `TlWorkflow.define(tagName, registry)` (docs/script-tag.md).
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
