import type { TlErrorCode } from './error-codes.js';

/** Detail of `tl-token-expiring`: fired `expiryWarning` seconds before the token's `exp`, once per token. */
export interface TlTokenExpiringDetail {
  expiresAt: Date;
  secondsLeft: number;
}

/** Detail of `tl-token-expired`: fired at `exp` (or at once for a token that is already expired), once per token. */
export interface TlTokenExpiredDetail {
  expiresAt: Date;
}

/** Detail of `tl-error`: a failure the host page should know about. */
export interface TlErrorDetail {
  code: TlErrorCode;
  message: string;
  recoverable: boolean;
}

/** Detail of `tl-ready`: the workflow has loaded and its first screen is shown. */
export interface TlReadyDetail {
  workflowId: string;
}

/** Detail of `tl-step-change`: the user reached another step. `index` is 0-based. */
export interface TlStepChangeDetail {
  workflowId: string;
  stepId: string;
  index: number;
  total: number;
}

/** Detail of `tl-complete`: the user's part is done (status `AWAITING` or `COMPLETED`). Fired exactly once. */
export interface TlCompleteDetail {
  workflowId: string;
  status: string;
}

/** Detail of `tl-cancel`: the user left the workflow. Fired exactly once. */
export interface TlCancelDetail {
  workflowId: string;
}

/** Every event `<tl-workflow>` fires, by name, with its detail type. */
export interface TlEventDetailMap {
  'tl-token-expiring': TlTokenExpiringDetail;
  'tl-token-expired': TlTokenExpiredDetail;
  'tl-error': TlErrorDetail;
  'tl-ready': TlReadyDetail;
  'tl-step-change': TlStepChangeDetail;
  'tl-complete': TlCompleteDetail;
  'tl-cancel': TlCancelDetail;
}

export type TlEventName = keyof TlEventDetailMap;

/** A `tl-` event: a `CustomEvent` that bubbles and crosses shadow roots. */
export type TlEvent<K extends TlEventName> = CustomEvent<TlEventDetailMap[K]>;

/** Fires a typed `tl-` event from `target`: `bubbles: true, composed: true`, not cancelable. */
export function emit<K extends TlEventName>(target: EventTarget, name: K, detail: TlEventDetailMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

/** Signature of an `emit` bound to one element, handed to the parts that fire events on its behalf. */
export type Emit = <K extends TlEventName>(name: K, detail: TlEventDetailMap[K]) => void;

declare global {
  interface GlobalEventHandlersEventMap {
    'tl-token-expiring': TlEvent<'tl-token-expiring'>;
    'tl-token-expired': TlEvent<'tl-token-expired'>;
    'tl-error': TlEvent<'tl-error'>;
    'tl-ready': TlEvent<'tl-ready'>;
    'tl-step-change': TlEvent<'tl-step-change'>;
    'tl-complete': TlEvent<'tl-complete'>;
    'tl-cancel': TlEvent<'tl-cancel'>;
  }
}
