import type { StepValues } from '../schema/api-types.js';

/** A request of the user that `retry()` repeats as it was (a save keeps its Idempotency-Key). */
export type PendingAction =
  | { kind: 'load' }
  | { kind: 'save'; stepId: string; values: StepValues; key: string }
  | { kind: 'back'; stepId?: string }
  | { kind: 'cancel' };
