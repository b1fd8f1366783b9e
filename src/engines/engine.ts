/** Which renderer runs the workflow: TransactionLink's own hosted widget, or ours. */
export type EngineKind = 'official' | 'native';

/** Where an engine stands; the element maps it onto its public `state`. */
export type EnginePhase = 'idle' | 'loading' | 'running' | 'awaiting' | 'complete' | 'cancelled' | 'error';

/**
 * What `<tl-workflow>` drives, whichever engine runs the workflow. The element owns the token
 * lifecycle (decode, expiry watch, `tl-token-*` events); an engine only runs the workflow with
 * the token it is handed and fires the other `tl-` events through the element.
 */
export interface WorkflowEngine {
  readonly phase: EnginePhase;
  /** True while a workflow is on screen: it stays on screen when the token expires (input kept). */
  readonly showing: boolean;
  /** Starts with a first token, or hands a fresh one to the running workflow. */
  setToken(token: string): void;
  /**
   * The element's settings changed but still ask for this engine (the element makes a new engine
   * when they ask for another one): pick up those it reads as it goes, e.g. the native engine's
   * `api-base`, the same token against the new base.
   */
  settingsChanged(): void;
  /** The token's `exp` has passed (or the server refused it as expired). No `tl-error`. */
  tokenExpired(): void;
  /** Stops everything the engine runs (requests, timers, frames); a later `setToken` starts again. */
  stop(): void;
  /** Stops for good and detaches from the element (the element switched engines). */
  dispose(): void;
  /** What the element shows inside its `part="base"` wrapper. */
  render(): unknown;
}

/** The engine a `<tl-workflow>` uses: the `engine` attribute if valid, else `native` with an `api-base`, else `official`. */
export function resolveEngineKind(engine: string, apiBase: string): EngineKind {
  if (engine === 'official' || engine === 'native') return engine;
  return apiBase ? 'native' : 'official';
}
