import type { ReactiveControllerHost } from 'lit';
import { addEnglish } from '../../i18n/localize.js';
import { loadPart } from '../../on-demand/load-part.js';
import { renderStatusScreen } from '../../views/status-screens.js';
import type { EnginePhase, WorkflowEngine } from '../engine.js';
import type { OfficialEngine, OfficialEngineOptions } from './official-engine.js';

/**
 * The official engine as the element holds it: `OfficialEngine` itself ships as a part of its own
 * (`tl-workflow.official.js`, with its view and texts), loaded the first time a token is set with
 * `engine` resolving to `official`. Until it is here this shows the loading screen (phase
 * `loading`); then every call goes to it. A part that cannot be loaded is a `tl-error` `network`
 * (recoverable) with a Try again button, as a TransactionLink script that cannot be loaded is.
 */
export class OfficialOnDemand implements WorkflowEngine {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: OfficialEngineOptions;
  #engine?: OfficialEngine;
  #part: 'idle' | 'loading' | 'failed' = 'idle';
  /** The token to hand to the engine once it is here: empty when there is none, or it expired. */
  #token = '';
  #disposed = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: OfficialEngineOptions) {
    this.#host = host;
    this.#options = options;
  }

  get phase(): EnginePhase {
    if (this.#engine) return this.#engine.phase;
    if (this.#part === 'failed') return 'error';
    return this.#token ? 'loading' : 'idle';
  }

  get showing(): boolean {
    return this.#engine?.showing ?? false;
  }

  setToken(token: string): void {
    if (this.#engine) return this.#engine.setToken(token);
    this.#token = token;
    this.#load();
  }

  /** Nothing to pick up: what the official engine reads from the element is read when used (`loadTimeout`) or picks another engine. */
  settingsChanged(): void {}

  tokenExpired(): void {
    if (this.#engine) return this.#engine.tokenExpired();
    this.#hold('');
  }

  stop(): void {
    this.#engine?.stop();
    this.#hold('');
  }

  dispose(): void {
    this.#disposed = true;
    this.#engine?.dispose();
  }

  render(): unknown {
    if (this.#engine) return this.#engine.render();
    const phase = this.phase;
    const locale = this.#options.locale();
    return phase === 'error' ? renderStatusScreen('failed', locale, () => this.#load()) : phase === 'loading' ? renderStatusScreen('loading', locale) : null;
  }

  /** Keeps `token` for the engine (none: `''`) and draws again. */
  #hold(token: string): void {
    this.#token = token;
    this.#host.requestUpdate();
  }

  #load(): void {
    if (this.#part === 'loading' || !this.#token) return;
    this.#part = 'loading';
    this.#host.requestUpdate();
    loadPart('official', () => import('./official-part.js')).then(
      ({ OfficialEngine, strings }) => {
        if (this.#disposed) return;
        addEnglish(strings);
        this.#part = 'idle';
        this.#engine = new OfficialEngine(this.#host, this.#options);
        // The engine holds the token from here on: hand it over, keep no copy.
        if (this.#token) this.#engine.setToken(this.#token);
        this.#hold('');
      },
      () => {
        if (this.#disposed) return;
        this.#part = 'failed';
        this.#host.requestUpdate();
        this.#options.emit('tl-error', { code: 'network', message: 'tl-workflow.official.js could not be loaded.', recoverable: true });
      },
    );
  }
}
