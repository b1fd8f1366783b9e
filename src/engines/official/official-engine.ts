import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Emit } from '../../events/events.js';
import type { EnginePhase, WorkflowEngine } from '../engine.js';
import { claimTransactionLink, releaseTransactionLink } from './global-lock.js';
import type { OfficialScreen } from './official-screen.js';
import { loadTransactionLink, ScriptLoadError } from './script-loader.js';
import {
  payloadMessage,
  payloadStatus,
  payloadWorkflowId,
  TRANSACTIONLINK_EVENTS,
  type TransactionLinkApi,
  type TransactionLinkEventName,
} from './transactionlink-api.js';

/** Options of `new OfficialEngine(host, options)`. */
export interface OfficialEngineOptions {
  emit: Emit;
  /** `widget-src`: the widget script's URL; empty for TransactionLink's own, by `sandbox`. */
  src: string;
  /** `environment="sandbox"`: TransactionLink's sandbox script instead of production's (when `src` is empty). */
  sandbox: boolean;
  /** Inside the element (`true`), or over the page as TransactionLink's modal. */
  inline: boolean;
  /** `load-timeout`: how long to wait for `transactionlink_ready`, in seconds; not a positive number means 20. */
  loadTimeout: () => number;
}

type Host = ReactiveControllerHost & HTMLElement;

/** One opened widget: TransactionLink's API, and the relay its listeners call (cut at teardown). */
interface Run {
  api: TransactionLinkApi;
  relay: { engine: OfficialEngine | null };
  /** TransactionLink reported an error: a fresh token restarts the widget instead of resuming it. */
  failed: boolean;
}

/** TransactionLink's widget script, by environment. */
const TRANSACTIONLINK_SCRIPTS = {
  production: 'https://widget.transactionlink.io/transactionlink-widget.umd.js',
  sandbox: 'https://widget.sandbox.transactionlink.io/transactionlink-widget.umd.js',
} as const;

/** The slot TransactionLink's `<transactionlink-widget>` is assigned to (it lives in the element's light DOM). */
const WIDGET_SLOT = 'transactionlink';

/**
 * The official engine: drives TransactionLink's own hosted widget through its published embed API
 * (`<transactionlink-widget>`, `transactionlink_ready`, `window.transactionlink`). The element keeps
 * the token lifecycle; this controller loads the script (once per page), holds the one global
 * while it runs, places the widget inline, maps TransactionLink's events to `tl-` events exactly
 * once each, and on removal unmounts the widget and leaves nothing behind.
 *
 * It ships as a part of its own (`tl-workflow.official.js`, see src/on-demand/parts.ts) with no
 * imports at run time: `OfficialOnDemand` in the main file loads it and draws its `screen`.
 */
export class OfficialEngine implements Omit<WorkflowEngine, 'render'>, ReactiveController {
  private readonly host: Host;
  private readonly options: OfficialEngineOptions;
  private current: EnginePhase = 'idle';
  private failure: 'failed' | 'busy' | null = null;
  private token = '';
  private expired = false;
  private connected = false;
  /** Bumped by every start and teardown: a load that answers late for an older attempt is ignored. */
  private attempt = 0;
  private mount: HTMLElement | null = null;
  private run: Run | null = null;
  private workflowId = '';
  private readyFired = false;

  constructor(host: Host, options: OfficialEngineOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get phase(): EnginePhase {
    return this.current;
  }

  get showing(): boolean {
    return this.run !== null;
  }

  setToken(token: string): void {
    if (token === this.token && !this.expired) return;
    this.token = token;
    this.expired = false;
    if (this.finished) {
      // A token after the end is for a new workflow: start afresh.
      this.teardown();
      this.reset();
    }
    const run = this.run;
    if (run && !run.failed) {
      // TransactionLink's documented way to pass a token; the widget uses it for what follows.
      this.call(() => run.api.setOptions(this.widgetOptions()));
    } else if (run) {
      // After an error the widget's state is unknown: restart it cleanly with the fresh token.
      this.call(() => run.api.unmountWidget());
      run.failed = false;
      this.openWidget(run);
    } else {
      this.start();
    }
  }

  tokenExpired(): void {
    this.expired = true;
    // A widget on screen stays (TransactionLink shows what it shows); a load still waiting is dropped.
    if (!this.run && this.current === 'loading') {
      this.teardown();
      this.setPhase('idle');
    }
  }

  stop(): void {
    this.teardown();
    this.token = '';
    this.reset();
  }

  dispose(): void {
    this.stop();
    this.host.removeController(this);
  }

  /** Tries again after a failed load, or once the other element has let go of the global. */
  retry(): void {
    if (this.current === 'error' && !this.run) this.start();
  }

  hostConnected(): void {
    this.connected = true;
    if (!this.run && !this.finished) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.teardown();
    if (!this.finished) this.current = 'idle';
  }

  /** Which of our status screens to show above TransactionLink's widget, if any. */
  get screen(): OfficialScreen {
    if (this.current === 'loading') return 'loading';
    if (this.current === 'error' && !this.run) return this.failure;
    if (this.current === 'cancelled' || (this.current === 'complete' && !this.run)) return this.current;
    return null;
  }

  // ---- Internals ------------------------------------------------------------------------

  private get finished(): boolean {
    return this.current === 'complete' || this.current === 'cancelled';
  }

  private widgetOptions() {
    const inline = this.options.inline;
    return { token: this.token, inline, autoHeight: inline };
  }

  private start(): void {
    if (!this.connected || !this.token || this.expired) return;
    if (!claimTransactionLink(this)) {
      this.fail('busy', 'busy', 'Another <tl-workflow> on this page is running TransactionLink\'s widget (window.transactionlink is one global). Remove it or let it finish, then retry.');
      return;
    }
    const attempt = ++this.attempt;
    this.failure = null;
    // Where TransactionLink's script looks for it: in the document (our light DOM), shown through our slot.
    if (!this.mount) {
      this.mount = document.createElement('transactionlink-widget');
      this.mount.slot = WIDGET_SLOT;
      this.host.append(this.mount);
    }
    this.setPhase('loading');
    const { src, sandbox } = this.options;
    const seconds = this.options.loadTimeout();
    const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 20_000;
    loadTransactionLink(src || TRANSACTIONLINK_SCRIPTS[sandbox ? 'sandbox' : 'production'], timeoutMs).then(
      (api) => {
        if (attempt !== this.attempt) return;
        this.openWidget({ api, relay: { engine: this }, failed: false });
      },
      (error: unknown) => {
        if (attempt !== this.attempt) return;
        this.teardown();
        const message = error instanceof ScriptLoadError ? error.message : 'TransactionLink\'s widget script could not be loaded.';
        this.fail('failed', 'network', message);
      },
    );
  }

  private openWidget(run: Run): void {
    this.run = run;
    const relay = run.relay;
    for (const name of TRANSACTIONLINK_EVENTS) {
      // TransactionLink has no way to unsubscribe: after teardown the relay is cut and holds nothing.
      const listener = (payload?: unknown): void => {
        const engine = relay.engine;
        if (engine) engine.onWidgetEvent(name, payload);
      };
      this.call(() => run.api.on(name, listener));
    }
    const opened = this.call(() => {
      run.api.setOptions(this.widgetOptions());
      run.api.open();
    });
    if (opened) this.setPhase('running');
  }

  private onWidgetEvent(name: TransactionLinkEventName, payload: unknown): void {
    this.workflowId = payloadWorkflowId(payload) ?? this.workflowId;
    const workflowId = this.workflowId;
    if (name === 'widget-opened' && !this.readyFired && !this.finished) {
      this.readyFired = true;
      this.options.emit('tl-ready', { workflowId });
    } else if (name === 'workflow-finished' && !this.finished) {
      this.setPhase('complete');
      this.options.emit('tl-complete', { workflowId, status: payloadStatus(payload) ?? 'COMPLETED' });
    } else if (name === 'widget-closed' && !this.finished) {
      this.setPhase('cancelled');
      this.options.emit('tl-cancel', { workflowId });
    } else if (name === 'error') {
      if (this.run) this.run.failed = true;
      const message = payloadMessage(payload, this.token) ?? 'TransactionLink\'s widget reported an error.';
      this.options.emit('tl-error', { code: 'unexpected', message, recoverable: false });
    }
  }

  /** Calls into TransactionLink's script; a throw becomes `tl-error` instead of breaking the element. */
  private call(action: () => void): boolean {
    try {
      action();
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.emit('tl-error', { code: 'unexpected', message: `TransactionLink's widget failed: ${message}`, recoverable: false });
      return false;
    }
  }

  private fail(failure: 'failed' | 'busy', code: 'network' | 'busy', message: string): void {
    this.failure = failure;
    this.setPhase('error');
    this.options.emit('tl-error', { code, message, recoverable: true });
  }

  /** Unmounts the widget, cuts its listeners, removes our `<transactionlink-widget>`, frees the global. */
  private teardown(): void {
    this.attempt++;
    const run = this.run;
    this.run = null;
    if (run) {
      run.relay.engine = null;
      this.call(() => run.api.unmountWidget());
    }
    this.mount?.remove();
    this.mount = null;
    releaseTransactionLink(this);
  }

  private reset(): void {
    this.failure = null;
    this.workflowId = '';
    this.readyFired = false;
    this.setPhase('idle');
  }

  private setPhase(phase: EnginePhase): void {
    this.current = phase;
    this.host.requestUpdate();
  }
}
