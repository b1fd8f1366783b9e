import type { ReactiveControllerHost } from 'lit';
import { loadPart } from '../../on-demand/load-part.js';
import type { EnginePhase, WorkflowEngine } from '../engine.js';
import type { OfficialEngine, OfficialEngineOptions } from './official-engine.js';
import { renderOfficial } from './official-view.js';

/** Options of `new OfficialOnDemand(host, options)`. */
export interface OfficialOnDemandOptions extends OfficialEngineOptions {
  /** The language our own status screens are shown in. */
  locale: () => string;
}

/**
 * The official engine as the element holds it: `OfficialEngine` itself ships as a part of its own
 * (`tl-workflow.official.js`), loaded the first time a token is set with `engine` resolving to
 * `official`. Until it is here this shows the loading screen (phase `loading`); then every call
 * goes to it. A part that cannot be loaded is a `tl-error` `network` (recoverable) with a Retry
 * button, as a TransactionLink script that cannot be loaded is.
 */
export class OfficialOnDemand implements WorkflowEngine {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: OfficialOnDemandOptions;
  private engine?: OfficialEngine;
  private part: 'idle' | 'loading' | 'failed' = 'idle';
  /** The token to hand to the engine once it is here: empty when there is none, or it expired. */
  private token = '';
  private disposed = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: OfficialOnDemandOptions) {
    this.host = host;
    this.options = options;
  }

  get phase(): EnginePhase {
    if (this.engine) return this.engine.phase;
    if (this.part === 'failed') return 'error';
    return this.token ? 'loading' : 'idle';
  }

  get showing(): boolean {
    return this.engine?.showing ?? false;
  }

  setToken(token: string): void {
    if (this.engine) return this.engine.setToken(token);
    this.token = token;
    this.load();
  }

  tokenExpired(): void {
    if (this.engine) return this.engine.tokenExpired();
    this.hold('');
  }

  stop(): void {
    this.engine?.stop();
    this.hold('');
  }

  dispose(): void {
    this.disposed = true;
    this.engine?.dispose();
  }

  render(): unknown {
    const phase = this.phase;
    // Until the engine is here, its phase says which of our screens to show.
    const screen = this.engine ? this.engine.screen : phase === 'error' ? 'failed' : phase === 'loading' ? phase : null;
    return renderOfficial({ locale: this.options.locale(), screen, frame: this.engine?.frame ?? null, retry: () => this.retry() });
  }

  private retry(): void {
    if (this.engine) this.engine.retry();
    else if (this.part === 'failed') this.load();
  }

  /** Keeps `token` for the engine (none: `''`) and draws again. */
  private hold(token: string): void {
    this.token = token;
    this.host.requestUpdate();
  }

  private load(): void {
    if (this.part === 'loading' || !this.token) return;
    this.part = 'loading';
    this.host.requestUpdate();
    loadPart('official', () => import('./official-engine.js')).then(
      ({ OfficialEngine }) => {
        if (this.disposed) return;
        this.part = 'idle';
        this.engine = new OfficialEngine(this.host, this.options);
        // The engine holds the token from here on: hand it over, keep no copy.
        if (this.token) this.engine.setToken(this.token);
        this.hold('');
      },
      () => {
        if (this.disposed) return;
        this.part = 'failed';
        this.host.requestUpdate();
        const message = 'The official engine (tl-workflow.official.js, next to the widget\'s script) could not be loaded.';
        this.options.emit('tl-error', { code: 'network', message, recoverable: true });
      },
    );
  }
}
