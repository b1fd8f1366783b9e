import type { WidgetExecution } from '../schema/api-types.js';
import type { Emit } from '../events/events.js';
import type { RunnerPhase } from './view-model.js';

/**
 * Decides which workflow events to fire after a render, and guarantees the "at most once" ones:
 * `tl-ready` once per execution, `tl-complete` once per execution (AWAITING or COMPLETED, whichever
 * comes first), `tl-cancel` once per execution, `tl-step-change` on every later change of the
 * displayed step. The guards are per execution id, so token swaps never re-fire them.
 */
export class Announcer {
  readonly #emit: Emit;
  readonly #ready = new Set<string>();
  readonly #completed = new Set<string>();
  readonly #cancelled = new Set<string>();
  #announcedStepId: string | null = null;

  constructor(emit: Emit) {
    this.#emit = emit;
  }

  /** Forget the displayed step (another execution is shown). */
  reset(): void {
    this.#announcedStepId = null;
  }

  /**
   * Fires what the rendered state calls for. Returns true when the displayed step changed after
   * `tl-ready` (the caller moves focus to the step heading).
   */
  flush(execution: WidgetExecution, phase: RunnerPhase | 'idle', displayedStepId: string | null): boolean {
    const id = execution.id;
    let stepChanged = false;
    if (!this.#ready.has(id)) {
      if (phase !== 'error' && phase !== 'loading' && phase !== 'idle') {
        this.#ready.add(id);
        this.#announcedStepId = displayedStepId;
        this.#emit('tl-ready', { workflowId: id });
      }
    } else if (displayedStepId !== null && displayedStepId !== this.#announcedStepId) {
      this.#announcedStepId = displayedStepId;
      const index = execution.definitions.findIndex((d) => d.id === displayedStepId);
      this.#emit('tl-step-change', { workflowId: id, stepId: displayedStepId, index, total: execution.definitions.length });
      stepChanged = true;
    }
    if ((execution.status === 'AWAITING' || execution.status === 'COMPLETED') && !this.#completed.has(id)) {
      this.#completed.add(id);
      this.#emit('tl-complete', { workflowId: id, status: execution.status });
    }
    return stepChanged;
  }

  /** Fires `tl-cancel` for a confirmed cancellation, once per execution. */
  cancelled(workflowId: string): void {
    if (this.#cancelled.has(workflowId)) return;
    this.#cancelled.add(workflowId);
    this.#emit('tl-cancel', { workflowId });
  }
}
