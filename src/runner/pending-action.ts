import type { StepValues } from '../schema/api-types.js';

/** A request of the user that `retry()` repeats as it was (a save keeps its Idempotency-Key). */
export type PendingAction =
  | { kind: 'load' }
  | { kind: 'save'; stepId: string; values: StepValues; key: string }
  | { kind: 'back'; stepId?: string }
  | { kind: 'cancel' };

/** A request of the user sent as it is (save, back, cancel); a `load` is the runner's own. */
export type UserAction = Exclude<PendingAction, { kind: 'load' }>;
