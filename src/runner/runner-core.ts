import type { ApiError } from '../client/errors.js';
import type { WidgetClient } from '../client/widget-client.js';
import type { PendingAction } from './pending-action.js';
import type { RunnerState } from './runner-state.js';

/** How the parts of the runner report failures (the controller's `Failures`). */
export interface FailureReporting {
  /** A request failed: a refused token, field errors, or a banner with "Try again". */
  fail(error: unknown, action: PendingAction): void;
  /** Fires `tl-error` for a failure the user is shown. */
  report(error: ApiError): void;
  /** Fires `tl-error` for a problem the widget found itself before sending anything. */
  reportLocal(code: 'validation' | 'upload-failed', message: string): void;
  /** An upload failed for good; returns whether the token expired (the file then waits for the next one). */
  uploadFailed(error: ApiError): boolean;
}

/**
 * What every part of the runner is lent by `WorkflowController` (see `RunnerPort`, which adds the
 * parts to each other): the state, the client, the session's signal, re-rendering and failure reporting.
 */
export interface RunnerCore {
  readonly state: RunnerState;
  /** The client, unless there is no token, it expired, or the element is not in the document. */
  client(): WidgetClient | null;
  /** Aborted when the token changes or expires, or the host goes away. */
  signal(): AbortSignal;
  /** Something changed: re-render, then fire the pending events and move focus. */
  changed(): void;
  failures(): FailureReporting;
}
