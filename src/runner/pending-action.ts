import type { StepValues } from '../schema/api-types.js';
import type { StepPartName } from './part-contract.js';

/** A request of the user that `retry()` repeats as it was (a save keeps its Idempotency-Key), or a part to load again. */
export type PendingAction =
  | { kind: 'load' }
  | { kind: 'part'; name: StepPartName }
  | { kind: 'save'; stepId: string; values: StepValues; key: string }
  | { kind: 'back'; stepId?: string }
  | { kind: 'cancel' };

/** A request of the user sent as it is (save, back, cancel); a `load` and a `part` are the runner's own. */
export type UserAction = Exclude<PendingAction, { kind: 'load' | 'part' }>;
