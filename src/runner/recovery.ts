import type { WidgetExecution } from '../schema/api-types.js';
import { isAbortError } from '../client/retry.js';
import { sameValue } from './drafts.js';
import type { PendingAction } from './pending-action.js';
import type { RunnerPort } from './runner-port.js';

/**
 * Whether the server's execution shows that a request whose answer never arrived (a dropped
 * connection, a deadline, an unreadable 2xx) was applied all the same: `before` is the execution
 * the widget had when it sent the request, `after` the one it has just re-read.
 */
function actionLanded(action: PendingAction, before: WidgetExecution, after: WidgetExecution): boolean {
  if (before.id !== after.id) return false;
  switch (action.kind) {
    case 'save':
      return (
        (before.currentStepId === action.stepId && after.currentStepId !== action.stepId) ||
        before.status !== after.status ||
        !sameValue(before.values[action.stepId], after.values[action.stepId])
      );
    case 'back':
      return after.currentStepId !== before.currentStepId && (action.stepId === undefined || after.currentStepId === action.stepId);
    case 'cancel':
      return after.status === 'CANCELLED';
    default:
      return false;
  }
}

/**
 * After a request of the user whose answer was lost or unusable (a dropped connection, a deadline,
 * a 409, an unreadable 2xx): re-reads the execution and continues from the server's truth. Applied
 * after all: as if it had answered. Otherwise the banner stays and "Try again" repeats the request
 * (a save under its key); `follow` moves the display to the server's current step (a 409).
 */
export async function resync(c: RunnerPort, action: PendingAction, follow: boolean): Promise<void> {
  const { state } = c;
  const client = c.client();
  const before = state.execution;
  if (!client || !before || state.loading) return;
  const signal = c.signal();
  state.loading = true;
  try {
    const execution = await client.getExecution(signal);
    if (signal.aborted) return;
    state.loading = false;
    if (state.busy) return;
    if (actionLanded(action, before, execution)) c.succeeded(action, execution);
    else c.show(execution, !follow);
  } catch {
    if (!signal.aborted) state.loading = false;
  } finally {
    c.changed();
  }
}

/**
 * Loads (or reloads) the execution. A save cut off in flight (token swap, removal) that the server
 * applied counts as answered; interrupted uploads resume.
 */
export async function load(c: RunnerPort): Promise<void> {
  const { state } = c;
  const client = c.client();
  if (!client || state.loading) return;
  const signal = c.signal();
  state.loading = true;
  if (!state.execution) state.phase = 'loading';
  try {
    const execution = await client.getExecution(signal);
    if (signal.aborted) return;
    state.loading = false;
    const { failed, execution: before } = state;
    if (failed?.kind === 'save' && before && actionLanded(failed, before, execution)) c.succeeded(failed, execution);
    else c.show(execution, true);
    c.uploads()?.resume();
  } catch (error) {
    if (signal.aborted || isAbortError(error)) return;
    state.loading = false;
    c.failures().fail(error, { kind: 'load' });
  }
}
