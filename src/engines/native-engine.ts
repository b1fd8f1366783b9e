import type { ReactiveControllerHost } from 'lit';
import { WorkflowController, type WorkflowControllerOptions } from '../runner/workflow-controller.js';
import { renderRunner } from '../views/runner-view.js';
import type { EnginePhase, WorkflowEngine } from './engine.js';
import { loadedStepPart, loadStepPart } from './step-parts.js';

/** Options of `new NativeEngine(host, options)`. */
export interface NativeEngineOptions extends Omit<WorkflowControllerOptions, 'loadPart' | 'loadedPart'> {
  /** Base URL of an API that implements sandbox/API.md. */
  apiBase: () => string;
}

/**
 * The native engine: our own renderer (`src/runner` + `src/views`) against a backend that speaks
 * the widget API of sandbox/API.md. A thin adapter from `WorkflowEngine` to `WorkflowController`.
 */
export class NativeEngine implements WorkflowEngine {
  readonly #host: ReactiveControllerHost;
  readonly #runner: WorkflowController;
  readonly #apiBase: () => string;

  constructor(host: ReactiveControllerHost & HTMLElement, options: NativeEngineOptions) {
    this.#host = host;
    this.#apiBase = options.apiBase;
    // The runner registers itself with the host as a controller (connect / disconnect).
    this.#runner = new WorkflowController(host, { ...options, loadPart: loadStepPart, loadedPart: loadedStepPart });
  }

  get phase(): EnginePhase {
    return this.#runner.phase;
  }

  get showing(): boolean {
    return this.#runner.execution !== null;
  }

  setToken(token: string): void {
    this.#runner.setToken(token, this.#apiBase());
  }

  tokenExpired(): void {
    this.#runner.tokenExpired();
  }

  stop(): void {
    this.#runner.stop();
  }

  /** `api-base` may have changed: the same token against the new base (the runner ignores a no-change). */
  settingsChanged(): void {
    this.#runner.setApiBase(this.#apiBase());
  }

  /** Disconnects the runner from the host for good (the element switched engines). */
  dispose(): void {
    this.stop();
    this.#runner.hostDisconnected();
    this.#host.removeController(this.#runner);
  }

  render(): unknown {
    try {
      return renderRunner(this.#runner.view, this.#runner.actions);
    } catch (error) {
      // Never a blank widget: what cannot be drawn ends on the error screen, with "Try again".
      this.#runner.renderFailed(error);
      return renderRunner(this.#runner.view, this.#runner.actions);
    }
  }
}
