import type { RegistryRecord, WidgetExecution } from '../schema/api-types.js';
import type { PendingAction, UserAction } from './pending-action.js';
import type { RunnerCore } from './runner-core.js';
import type { PartsPort, Uploads } from './part-contract.js';

/**
 * What `WorkflowController` lends the parts that work for it (the user's actions, uploads, the
 * registry lookup, the poller, the re-read after a lost answer): its state, its other parts, and
 * the few operations that do I/O or fire events. The controller builds it once; the parts never
 * see the controller itself.
 */
export interface RunnerPort extends RunnerCore {
  /** The uploads, once the upload part is here (only a step with a file field needs it). */
  uploads(): Uploads | null;
  /** The step parts (src/runner/step-parts.ts). */
  parts(): PartsPort;
  /** Loads (or reloads) the execution. */
  load(): void;
  /** Sends a request of the user (save, back, cancel): one at a time, but a cancel overrides. */
  run(action: UserAction): void;
  /** Looks a company up in the registry; `found` receives it (one search at a time). */
  lookup(registryNumber: string, found: (record: RegistryRecord) => void): void;
  /** A request of the user succeeded (or, its answer lost, is known to have been applied). */
  succeeded(action: PendingAction, execution: WidgetExecution): void;
  /** Makes `execution` the one shown. `keepDisplay`: stay on the displayed step if it is still there. */
  show(execution: WidgetExecution, keepDisplay: boolean): void;
}
