import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Emit } from '../../events/events.js';
import type { EnginePhase, WorkflowEngine } from '../engine.js';
import type { TransactionLinkEnvironment } from './environment.js';
import { FrameRealm } from './frame-realm.js';
import { stopWaiting } from './global-lock.js';
import type { OfficialScreen } from './official-screen.js';
import { renderOfficial } from './official-view.js';
import { PageRealm } from './page-realm.js';
import { MessageRateLimit } from './rate-limit.js';
import type { WidgetRealm } from './realm.js';
import { redactDetail } from './redact.js';
import { ScriptLoadError } from './script-loader.js';
import {
  payloadMessage,
  payloadStatus,
  payloadWorkflowId,
  type TransactionLinkApi,
  type TransactionLinkEventName,
} from './transactionlink-api.js';
import { WidgetRun } from './widget-run.js';

/** Options of `new OfficialEngine(host, options)`. */
export interface OfficialEngineOptions {
  emit: Emit;
  /** `widget-src`: the widget script's URL; empty for TransactionLink's own, by `environment`. */
  src: string;
  /** Whose script to load when `src` is empty: the `environment` attribute, else the token's claim. */
  environment: TransactionLinkEnvironment;
  /** Inside the element (`true`), or over the page as TransactionLink's modal. */
  inline: boolean;
  /** `placement="light-dom"`: TransactionLink's script runs in the page (one at a time), not in a frame of the element's own. */
  lightDom: boolean;
  /** `load-timeout`: how long to wait for `transactionlink_ready`, in seconds; not a positive number means 20. */
  loadTimeout: () => number;
  /** The clock of the `tl-error` rate limit (ms, monotonic); `performance.now()` by default. */
  now?: () => number;
  /** The language our own status screens are shown in. */
  locale: () => string;
}

type Host = ReactiveControllerHost & HTMLElement;

/** TransactionLink's widget script, by environment (transactionlink-js picks them by the token's claim). */
const TRANSACTIONLINK_SCRIPTS: Record<TransactionLinkEnvironment, string> = {
  production: 'https://widget.transactionlink.io/transactionlink-widget.umd.js',
  sandbox: 'https://widget.sandbox.transactionlink.io/transactionlink-widget.umd.js',
  staging: 'https://widget.staging.transactionlink.io/transactionlink-widget.umd.js',
};

/**
 * The official engine: drives TransactionLink's own hosted widget through its embed API
 * (`<transactionlink-widget>`, `transactionlink_ready`, `window.transactionlink`, either
 * generation). The element keeps the token lifecycle; this controller runs TransactionLink's script
 * in a frame of the element's own (frame-realm.ts; `placement="light-dom"`: in the page,
 * page-realm.ts), maps its events to `tl-` events once each and in order, turns whatever the script
 * throws or reports into a screen with Try again, and on removal leaves nothing behind.
 *
 * It ships as a part of its own (`tl-workflow.official.js`, with its view and texts), which
 * `OfficialOnDemand` in the main file loads the first time it is asked for.
 */
export class OfficialEngine implements Omit<WorkflowEngine, 'settingsChanged'>, ReactiveController {
  readonly #host: Host;
  readonly #options: OfficialEngineOptions;
  #current: EnginePhase = 'idle';
  #failure: 'failed' | 'busy' | null = null;
  #token = '';
  #expired = false;
  #connected = false;
  /** Bumped by every start and teardown: a load that answers late for an older attempt is ignored. */
  #attempt = 0;
  #realm: WidgetRealm | null = null;
  #run: WidgetRun | null = null;
  #workflowId = '';
  /** `tl-ready` fired for the current workflow. */
  #ready = false;
  /** Workflows whose end this element announced: never announced again. */
  readonly #ended = new Set<string>();
  readonly #errors: MessageRateLimit;

  constructor(host: Host, options: OfficialEngineOptions) {
    this.#host = host;
    this.#options = options;
    this.#errors = new MessageRateLimit(options.now);
    host.addController(this);
  }

  get phase(): EnginePhase {
    return this.#current;
  }

  /** TransactionLink's widget, or our end screen after it: stays on screen when the token expires. */
  get showing(): boolean {
    return this.#run !== null || this.#finished;
  }

  /** The frame TransactionLink's script runs in, for the element to draw in its shadow root. */
  get frame(): HTMLIFrameElement | null {
    return this.#realm?.frame ?? null;
  }

  setToken(token: string): void {
    if (token === this.#token && !this.#expired) return;
    this.#token = token;
    this.#expired = false;
    if (this.#finished) {
      // A token after the end is for a new workflow: start afresh.
      this.#teardown();
      this.#reset();
    }
    const run = this.#run;
    if (run?.live && !run.failed) {
      // TransactionLink's way to pass a token (setOptions, or setContext); the widget uses it for what follows.
      this.#call(run, () => run.pass(token, this.#options.inline));
    } else if (run || this.#current !== 'loading') {
      // After an error the widget's state is unknown: restart it cleanly (a loading widget takes the token when it opens).
      this.#teardown();
      this.#start();
    }
  }

  tokenExpired(): void {
    this.#expired = true;
    // A widget on screen stays (TransactionLink shows what it shows); a load still waiting is dropped.
    if (!this.#run && this.#current === 'loading') {
      this.#teardown();
      this.#setPhase('idle');
    }
  }

  stop(): void {
    this.#teardown();
    this.#token = '';
    this.#reset();
  }

  dispose(): void {
    this.stop();
    this.#host.removeController(this);
  }

  /** Tries again after a failure, or once the other element has let go of the page's global. */
  retry(): void {
    if (this.#current === 'error' && !this.#run) this.#start();
  }

  hostConnected(): void {
    this.#connected = true;
    if (!this.#run && !this.#finished) this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#teardown();
    if (!this.#finished) this.#current = 'idle';
  }

  render(): unknown {
    return renderOfficial({ locale: this.#options.locale(), screen: this.screen, frame: this.frame, retry: () => this.retry() });
  }

  /** Which of our status screens to show above TransactionLink's widget, if any. */
  get screen(): OfficialScreen {
    if (this.#current === 'loading') return 'loading';
    if (this.#current === 'error' && !this.#run) return this.#failure;
    if (this.#current === 'cancelled' || (this.#current === 'complete' && !this.#run)) return this.#current;
    return null;
  }

  // ---- Internals ------------------------------------------------------------------------

  get #finished(): boolean {
    return this.#current === 'complete' || this.#current === 'cancelled';
  }

  /** Every event goes out with its strings redacted of the token (and shortened). */
  readonly #emit: Emit = (name, detail) => this.#options.emit(name, redactDetail(detail, this.#token));

  #start(): void {
    if (!this.#connected || !this.#token || this.#expired) return;
    const attempt = ++this.#attempt;
    const { inline, lightDom, src, environment } = this.#options;
    const realm = lightDom
      ? PageRealm.claim(this.#host, this, () => this.#freed())
      : new FrameRealm(inline, () => this.#host.updateComplete);
    if (!realm) {
      this.#fail('busy', 'busy', 'Another <tl-workflow placement="light-dom"> on this page is running TransactionLink\'s widget (window.transactionlink is one global). This one starts when it is gone.');
      return;
    }
    this.#realm = realm;
    this.#failure = null;
    this.#setPhase('loading');
    const seconds = this.#options.loadTimeout();
    const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 20_000;
    realm.load(src || TRANSACTIONLINK_SCRIPTS[environment], timeoutMs).then(
      (api) => {
        if (attempt === this.#attempt) this.#open(api);
      },
      (error: unknown) => {
        if (attempt !== this.#attempt) return;
        this.#teardown();
        const message = error instanceof ScriptLoadError ? error.message : 'TransactionLink\'s widget script could not be loaded.';
        this.#fail('failed', 'network', message);
      },
    );
  }

  /** The page's global this element waited for is free: it starts, if it still waits. */
  #freed(): boolean {
    if (this.#failure !== 'busy' || this.#run) return false;
    this.#start();
    return this.#realm !== null;
  }

  #open(api: TransactionLinkApi): void {
    const run = new WidgetRun(api, (name, payload) => this.#onWidgetEvent(run, name, payload));
    this.#run = run;
    // Running before open() is called: what the widget reports from inside open() stands.
    this.#setPhase('running');
    if (this.#call(run, () => run.pass(this.#token, this.#options.inline)) && this.#call(run, () => run.open()) && run.live) {
      this.#realm?.show();
    }
  }

  #onWidgetEvent(run: WidgetRun, name: TransactionLinkEventName, payload: unknown): void {
    this.#workflowId = payloadWorkflowId(payload) ?? this.#workflowId;
    if (name === 'widget-opened') {
      run.opened = true;
      if (!this.#finished) this.#announceReady();
    } else if (name === 'workflow-finished') {
      this.#finish('complete', payloadStatus(payload) ?? 'COMPLETED');
    } else if (name === 'widget-closed') {
      this.#finish('cancelled');
      // The widget is gone: so is its frame, once TransactionLink's call has returned.
      this.#endLater(run);
    } else {
      this.#widgetError(run, payloadMessage(payload) ?? 'TransactionLink\'s widget reported an error.');
    }
  }

  #widgetError(run: WidgetRun, message: string): void {
    // Nothing after tl-complete / tl-cancel.
    if (this.#finished) return;
    if (!run.opened) {
      // Nothing on screen yet: our error screen, with Try again.
      this.#failRun(run, message);
      return;
    }
    run.failed = true;
    if (this.#errors.allow(message)) this.#emit('tl-error', { code: 'unexpected', message, recoverable: false });
  }

  /** `tl-ready`, once per workflow: also just before `tl-complete` if the widget never said `widget-opened`. */
  #announceReady(): void {
    if (this.#ready || this.#ended.has(this.#workflowId)) return;
    this.#ready = true;
    this.#emit('tl-ready', { workflowId: this.#workflowId });
  }

  /** `tl-complete` / `tl-cancel`, once per workflow; never again for a workflow this element saw end. */
  #finish(phase: 'complete' | 'cancelled', status = ''): void {
    if (this.#finished) return;
    this.#setPhase(phase);
    const workflowId = this.#workflowId;
    if (this.#ended.has(workflowId)) return;
    if (phase === 'complete') this.#announceReady();
    if (workflowId) this.#ended.add(workflowId);
    if (phase === 'complete') this.#emit('tl-complete', { workflowId, status });
    else this.#emit('tl-cancel', { workflowId });
  }

  /** Calls into TransactionLink's script; a throw ends the run on our error screen, with Try again. */
  #call(run: WidgetRun, action: () => void): boolean {
    try {
      action();
      return true;
    } catch (error) {
      this.#failRun(run, `TransactionLink's widget failed: ${thrownMessage(error)}`);
      return false;
    }
  }

  /** The run failed before (or instead of) showing anything: the error screen, `tl-error` recoverable. */
  #failRun(run: WidgetRun, message: string): void {
    if (this.#run !== run || !run.live) return;
    this.#endLater(run);
    this.#fail('failed', 'unexpected', message);
  }

  /** Cuts the run's listeners now; ends it and removes its frame once the current call into TransactionLink's script has returned. */
  #endLater(run: WidgetRun): void {
    run.cut();
    queueMicrotask(() => {
      if (this.#run === run) this.#teardown();
    });
  }

  #fail(failure: 'failed' | 'busy', code: 'network' | 'busy' | 'unexpected', message: string): void {
    this.#failure = failure;
    this.#setPhase('error');
    this.#emit('tl-error', { code, message, recoverable: true });
  }

  /** Ends the run (listeners cut and dropped, widget unmounted), removes the realm, stops waiting for the global. */
  #teardown(): void {
    this.#attempt++;
    const run = this.#run;
    this.#run = null;
    run?.end();
    this.#realm?.dispose();
    this.#realm = null;
    stopWaiting(this);
    this.#host.requestUpdate();
  }

  #reset(): void {
    this.#failure = null;
    this.#workflowId = '';
    this.#ready = false;
    this.#setPhase('idle');
  }

  #setPhase(phase: EnginePhase): void {
    this.#current = phase;
    this.#host.requestUpdate();
  }
}

/** The message of whatever TransactionLink's script threw (an Error of its realm, or anything); emit() redacts and shortens it. */
function thrownMessage(error: unknown): string {
  try {
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message : String(error);
  } catch {
    return 'an unreadable error';
  }
}
