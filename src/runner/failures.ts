import { ApiError, type TokenRefusal } from '../client/errors.js';
import type { Emit } from '../events/events.js';
import { asApiError } from './messages.js';
import type { PendingAction } from './pending-action.js';
import { resync } from './recovery.js';
import type { FailureReporting } from './runner-core.js';
import type { RunnerPort } from './runner-port.js';

/** `error` as `unexpected` when it is a refusal of values (`validation`) to anything but a save. */
function unusableUnlessSave(error: ApiError, action: PendingAction): ApiError {
  if (error.code !== 'validation' || action.kind === 'save') return error;
  return new ApiError('unexpected', error.status, error.message, { fingerprint: error.fingerprint });
}

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

  /**
   * A request failed: a refused token, field errors, or a banner with "Try again". Field errors
   * belong to a save: any other request the server refuses with them (a 400 or 422 to loading the
   * execution) is an answer the widget cannot use, `unexpected`, so a failed first load always ends
   * on the error screen.
   */
  fail(error: unknown, action: PendingAction): void {
    const apiError = unusableUnlessSave(asApiError(error), action);
    const { state } = this.#port;
    if (this.refused(apiError)) {
      state.failed = action;
      return;
    }
    state.failedWith(apiError, action);
    this.report(apiError);
    // The server may have done the work, or the workflow changed elsewhere: re-read it (never in a
    // loop of failing loads; not after a refusal at the fields).
    if (action.kind !== 'load' && action.kind !== 'part' && state.execution && apiError.code !== 'validation' && apiError.code !== 'unauthorized') {
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
