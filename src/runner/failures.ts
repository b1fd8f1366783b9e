import type { ApiError, TokenRefusal } from '../client/errors.js';
import type { Emit } from '../events/events.js';
import { asApiError } from './messages.js';
import type { PendingAction } from './pending-action.js';
import { resync } from './recovery.js';
import type { FailureReporting } from './runner-core.js';
import type { RunnerPort } from './runner-port.js';

/** What failure handling needs besides the port: the element's event and its token owner. */
export interface FailureOptions {
  emit: Emit;
  /** See `WorkflowControllerOptions.tokenRefused`. */
  tokenRefused: (refusal: TokenRefusal) => void;
}

/**
 * What the runner does when something fails, and the one rule of reporting it: every error the
 * user is shown fires one `tl-error`. A refused token is no error of its own: it goes to the
 * token's owner (the element), which decides whether the token expired.
 */
export class Failures implements FailureReporting {
  readonly #port: RunnerPort;
  readonly #options: FailureOptions;

  constructor(port: RunnerPort, options: FailureOptions) {
    this.#port = port;
    this.#options = options;
  }

  /** A request failed: a refused token, field errors, or a banner with "Try again". */
  fail(error: unknown, action: PendingAction): void {
    const apiError = asApiError(error);
    const { state } = this.#port;
    if (this.refused(apiError)) {
      state.failed = action;
      return;
    }
    state.failedWith(apiError, action);
    this.report(apiError);
    // The server may have done the work, or the workflow changed elsewhere: re-read it (never in a
    // loop of failing loads; not after a refusal at the fields).
    if (action.kind !== 'load' && state.execution && apiError.code !== 'validation' && apiError.code !== 'unauthorized') {
      void resync(this.#port, action, apiError.code === 'conflict');
    }
    this.#port.changed();
  }

  /** An upload failed for good: a refused token goes to its owner, anything else is a `tl-error`. Returns whether the token expired. */
  uploadFailed(error: ApiError): boolean {
    if (this.refused(error)) return true;
    this.report(error);
    return false;
  }

  /**
   * A refused token goes to its owner, who decides whether it has expired (and then calls the
   * controller's `tokenExpired()`). Returns whether it has: the failure is then no error, the work waits.
   */
  refused(error: ApiError): boolean {
    if (!error.tokenRefused) return false;
    this.#options.tokenRefused(error.tokenRefused);
    return this.#port.state.tokenExpired;
  }

  report(error: ApiError): void {
    this.#options.emit('tl-error', { code: error.code, message: error.message, recoverable: error.recoverable });
  }

  /**
   * Fires `tl-error` for a problem the widget found itself before sending anything: answers its
   * own validation refused (`validation`) or a file it refused by type or size (`upload-failed`).
   */
  reportLocal(code: 'validation' | 'upload-failed', message: string): void {
    this.#options.emit('tl-error', { code, message, recoverable: true });
  }
}
