import { LitElement, html, type PropertyValues } from 'lit';
import { emit, type TlEventDetailMap, type TlEventName } from '../events/events.js';
import { isLanguageLoaded, loadLanguage, resolveLocale } from '../i18n/localize.js';
import { decodeToken, type DecodedToken, type TokenClaims } from '../token/decode-token.js';
import { ExpiryWatch } from '../token/expiry-watch.js';
import { endpointFetcher, TokenSource, type FetchToken, type TokenSourceError } from '../token/token-source.js';
import { resolveEngineKind, type WorkflowEngine } from '../engines/engine.js';
import { NativeEngine } from '../engines/native-engine.js';
import { OfficialOnDemand } from '../engines/official/official-on-demand.js';
import { resolveEnvironment } from '../engines/official/environment.js';
import type { TokenRefusal } from '../client/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../client/widget-client.js';
import { runnerStyles } from '../views/styles.js';
import { renderStatusScreen } from '../views/status-screens.js';
import { elementStyles } from './styles.js';
import { VERSION } from './version.js';

/** What the element is doing, as `el.state` reports it. */
export type TlWorkflowState = 'idle' | 'loading' | 'running' | 'expired' | 'complete' | 'cancelled' | 'error';

/** Where the token stands. */
type TokenStatus = 'none' | 'invalid' | 'valid' | 'expired';

/** The API base the native engine uses when `api-base` is not set. */
export const DEFAULT_API_BASE = 'https://api.transactionlink.io';

/** Properties that decide which engine runs (and, for the official one, which script it loads). */
const ENGINE_PROPERTIES = ['engine', 'apiBase', 'environment', 'widgetSrc', 'modal', 'placement'] as const;

/**
 * `<tl-workflow>` runs a TransactionLink onboarding workflow for the end user, given a one-time
 * widget token from the host page's backend, with one of two engines: `official` drives
 * TransactionLink's own hosted widget; `native` renders the workflow itself against an API that
 * implements sandbox/API.md. The token lifecycle and the `tl-` events are the same for both.
 *
 * @slot transactionlink - (internal) with `placement="light-dom"`, the official engine places TransactionLink's `<transactionlink-widget>` here.
 *
 * @tag tl-workflow
 * @fires {CustomEvent<{ expiresAt: Date; secondsLeft: number }>} tl-token-expiring - `expiryWarning` seconds before the token expires, once per token.
 * @fires {CustomEvent<{ expiresAt: Date }>} tl-token-expired - when the token expires (or at once for an expired token), once per token.
 * @fires {CustomEvent<{ code: TlErrorCode; message: string; recoverable: boolean }>} tl-error - a failure the host should know about.
 * @fires {CustomEvent<{ workflowId: string }>} tl-ready - the workflow has loaded and its first screen is shown.
 * @fires {CustomEvent<{ workflowId: string; stepId: string; index: number; total: number }>} tl-step-change - the user reached another step.
 * @fires {CustomEvent<{ workflowId: string; status: string }>} tl-complete - the user's part is done, exactly once.
 * @fires {CustomEvent<{ workflowId: string }>} tl-cancel - the user left the workflow, exactly once.
 *
 * @csspart base - the wrapper of everything the element shows.
 * @csspart status - the element's own status screens (waiting, invalid token, expired).
 * @csspart header - workflow name, progress, step list and step heading.
 * @csspart step - the displayed step (a form) or a phase screen (loading, awaiting, complete, cancelled, error).
 * @csspart field - one field: label, hint, control, error.
 * @csspart error - a field's error message.
 * @csspart group-entry - one entry of a repeatable group (e.g. a beneficial owner).
 * @csspart button - every button.
 * @csspart footer - Back, Continue / Submit and Cancel.
 * @csspart banner - the failure banner and the session-timed-out notice.
 *
 * @cssprop [--tl-color-accent=#1d4ed8] - primary buttons, focus ring, progress, selected states. Text in the accent colour (links, secondary buttons) is darkened or lightened as needed to reach 4.5:1.
 * @cssprop --tl-color-accent-contrast - text on the accent colour. Default: black or white, whichever contrasts more with the accent (computed in CSS, so any accent stays readable).
 * @cssprop [--tl-color-text=#1f2328] - body text.
 * @cssprop [--tl-color-muted=#4b5563] - hints and secondary text.
 * @cssprop [--tl-color-bg=#ffffff] - widget background.
 * @cssprop [--tl-color-surface=#f4f5f7] - cards, drop zone, review sections.
 * @cssprop [--tl-color-border=#6b7280] - control and card borders.
 * @cssprop [--tl-color-danger=#b42318] - errors.
 * @cssprop [--tl-color-success=#1a7f37] - found / uploaded states.
 * @cssprop [--tl-radius=6px] - corner radius of controls and cards.
 * @cssprop [--tl-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - font stack.
 * @cssprop [--tl-font-size=1rem] - base font size.
 * @cssprop [--tl-space=1rem] - base spacing unit.
 * @cssprop [--tl-color-scheme=light dark] - the `color-scheme` of native controls.
 */
export class TlWorkflow extends LitElement {
  static override styles = [elementStyles, runnerStyles];

  /** The version of this copy of the widget (package.json's); `define()` names it when another version holds the tag. */
  static readonly version: string = VERSION;

  /**
   * Registers the element as `tagName` in `registry` and returns the tag. The element renders no
   * inner element of its own, so this is all there is to register. Guarded: when the tag is already
   * taken (the widget loaded twice) nothing is registered, with a console warning naming both
   * versions when the tag is held by another version of the widget (or another element). Does
   * nothing where there is no registry (server-side rendering). Importing `tl-workflow` calls
   * `TlWorkflow.define()` for you; call it yourself to use another tag (two versions on one page) or
   * a scoped registry.
   *
   * @example TlWorkflow.define('acme-onboarding'); // <acme-onboarding token="..."></acme-onboarding>
   */
  static define(tagName = 'tl-workflow', registry: CustomElementRegistry | undefined = globalThis.customElements): string {
    if (!registry) return tagName;
    const held = registry.get(tagName) as (CustomElementConstructor & { version?: unknown }) | undefined;
    if (!held) {
      try {
        registry.define(tagName, this);
      } catch {
        // A class is defined once per registry: a second tag gets a subclass of its own. (Trying is
        // the one test that works everywhere: `registry.getName` is missing before Chrome/Edge 117.)
        registry.define(tagName, class extends this {});
      }
    } else if (held.version !== this.version) {
      const other = typeof held.version === 'string' ? `tl-workflow ${held.version}` : 'another element';
      console.warn(
        `<${tagName}> is already defined by ${other}: this tl-workflow ${this.version} is not registered under it. ` +
          `Load one copy of the widget, or give this one a tag of its own: TlWorkflow.define('acme-workflow').`,
      );
    }
    return tagName;
  }

  /** Lit's reactive properties (a static table rather than decorators: a smaller script-tag file). */
  static override properties = {
    token: {},
    apiBase: { attribute: 'api-base' },
    engine: {},
    environment: {},
    widgetSrc: { attribute: 'widget-src' },
    modal: { type: Boolean },
    placement: {},
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    locale: {},
    expiryWarning: { type: Number, attribute: 'expiry-warning' },
    requestTimeout: { type: Number, attribute: 'request-timeout' },
    tokenEndpoint: { attribute: 'token-endpoint' },
    fetchToken: { attribute: false },
    /** @private Internal state, not public API (`private` below; this tag keeps it private in the manifest). */
    tokenStatus: { state: true, attribute: false },
    /** @private Getting a token from `token-endpoint` / `fetchToken` failed (`recoverable` for Try again). */
    tokenFailure: { state: true, attribute: false },
  };

  // ---- Public properties ----------------------------------------------------------------

  /**
   * The one-time widget token (a JWT from `POST /token`). Setting it starts the workflow, or
   * resumes it when it is a fresh token for the same workflow. Not reflected to the attribute.
   */
  token = '';

  /**
   * Base URL of an API that implements the widget API of sandbox/API.md, for the native engine
   * (our sandbox, or your own server). Setting it makes `native` the default engine.
   */
  apiBase: string = '';

  /**
   * `official` (TransactionLink's hosted widget) or `native` (our renderer). When absent:
   * `native` if `api-base` is set, else `official`.
   */
  engine: 'official' | 'native' | '' = '';

  /**
   * Official engine: TransactionLink's environment, `production`, `sandbox` or `staging`; picks the
   * script URL. When absent: the token's `environment` claim, else `production`.
   */
  environment: 'production' | 'sandbox' | 'staging' | '' = '';

  /** Official engine: the widget script's URL, instead of TransactionLink's (self-hosting, our sandbox's replica, tests). */
  widgetSrc = '';

  /** Official engine: TransactionLink shows its widget over the page (`inline: false`) instead of inside the element. */
  modal = false;

  /**
   * Official engine: `light-dom` runs TransactionLink's script in the page with its
   * `<transactionlink-widget>` in the element's light DOM (one element at a time; not inside a
   * shadow root), instead of in a frame of the element's own (`frame`, the default).
   */
  placement: 'frame' | 'light-dom' = 'frame';

  /** Official engine: seconds to wait for TransactionLink's script to be ready before `tl-error` `network`. */
  loadTimeout = 20;

  /**
   * UI language (BCP 47): `en` is built in; `pl` and `de` come as language files next to the
   * script, loaded the first time they are asked for (English is shown until one arrives, and
   * stays when it cannot be loaded); any other language falls back to English. Defaults to the
   * nearest `lang` attribute (followed when it changes), then English.
   */
  locale = '';

  /** Seconds before expiry at which `tl-token-expiring` fires (0 to one year; anything else means 60). */
  expiryWarning = 60;

  /**
   * Native engine: deadline of one API request attempt, in milliseconds (default 20000): a request
   * with no whole answer by then fails as a `network` error and is retried or offered again. Read
   * when a token is set.
   */
  requestTimeout = DEFAULT_TIMEOUT_MS;

  /**
   * URL of the host's token endpoint (a `widgetTokenHandler` of `tl-workflow/server`). The element
   * `POST`s to it (same-origin credentials, no body) for its first token and before each one
   * expires, and reads `{ token }` from the answer: no page code, and the token is never in the
   * HTML. A `token` the page sets itself wins.
   */
  tokenEndpoint = '';

  /**
   * The host's own way to get a token, instead of `token-endpoint`: `async (reason, { signal }) =>
   * token`, called for the first token (`initial`), before expiry (`expiring`) and at expiry
   * (`expired`). Rejections are retried with backoff, then reported as `tl-error` `token-endpoint`.
   */
  fetchToken?: FetchToken;

  // ---- Internal state -------------------------------------------------------------------

  /** Where the token stands (reactive state: a change redraws; Lit needs a property name, so not #private). */
  // eslint-disable-next-line no-restricted-syntax
  private tokenStatus: TokenStatus = 'none';
  // eslint-disable-next-line no-restricted-syntax
  private tokenFailure?: { recoverable: boolean };
  #decoded?: DecodedToken;
  /** Gets tokens from `fetchToken` or `token-endpoint` (nothing without either). */
  readonly #source = new TokenSource({
    fetcher: () => this.fetchToken ?? (this.tokenEndpoint ? endpointFetcher(this.tokenEndpoint, () => this.requestTimeout) : undefined),
    deliver: (token) => this.#applyToken(token, true),
    failed: (error) => this.#tokenSourceFailed(error),
  });
  #expiry?: ExpiryWatch;
  /** Re-renders when a `lang` attribute of the page changes (the widget's language may follow it). */
  #langObserver?: MutationObserver;
  /** The language whose file was last asked for (loaded once; the answer is acted on once). */
  #languageAsked = 'en';

  /** Runs the workflow (created with the first valid token; replaced when the engine choice changes). */
  #workflowEngine?: WorkflowEngine;
  #engineKey?: string;

  // ---- Read-only public state -----------------------------------------------------------

  /** The token's expiry, from its `exp` claim; `null` without a readable token. */
  get expiresAt(): Date | null {
    return this.#decoded ? new Date(this.#decoded.expiresAt) : null;
  }

  /** The decoded token payload (`customerId`, `partyId`, `workspaceId`, `iat`, `exp`, ...), or `null`. */
  get claims(): Readonly<TokenClaims> | null {
    return this.#decoded ? { ...this.#decoded.claims } : null;
  }

  /** What the element is doing: `idle`, `loading`, `running`, `expired`, `complete`, `cancelled` or `error`. */
  get state(): TlWorkflowState {
    if (this.tokenStatus === 'invalid' || this.tokenFailure) return 'error';
    const phase = this.#workflowEngine?.phase;
    if (this.#finished) return phase === 'cancelled' ? phase : 'complete';
    if (this.tokenStatus === 'expired') return 'expired';
    if (this.tokenStatus === 'none') return 'idle';
    if (phase === 'running' || phase === 'error') return phase;
    return 'loading';
  }

  // ---- Lifecycle ------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.#armExpiry();
    this.#askSource();
    this.#langObserver ??= new MutationObserver(() => {
      if (!this.locale) this.requestUpdate();
    });
    this.#langObserver.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#expiry?.stop();
    this.#source.abort();
    this.#langObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#askLanguage();
    if (changed.has('token') && (changed.get('token') ?? '') !== this.token) {
      // A token the page sets itself wins over one on its way from the token source.
      this.#source.abort();
      this.#applyToken(this.token, false);
    } else {
      if (changed.has('tokenEndpoint') || changed.has('fetchToken')) this.#askSource();
      if (changed.has('expiryWarning')) this.#armExpiry();
      if (ENGINE_PROPERTIES.some((name) => changed.has(name)) && this.tokenStatus === 'valid') this.#engineChanged();
    }
  }

  protected override updated(): void {
    // Once the user's part is over, the token no longer matters: no more expiry events.
    if (this.#finished) this.#expiry?.stop();
  }

  /** The user's part is over: the workflow awaits review, is complete, or was cancelled. */
  get #finished(): boolean {
    const phase = this.#workflowEngine?.phase;
    return phase === 'awaiting' || phase === 'complete' || phase === 'cancelled';
  }

  // ---- Token lifecycle ------------------------------------------------------------------

  /** Takes a token in use: set by the page, or delivered by the token source (`own`). */
  #applyToken(token: string, own: boolean): void {
    if (own && this.#decoded && token === this.#decoded.token) return;
    this.#expiry?.stop();
    this.#expiry = this.#decoded = this.tokenFailure = undefined;
    if (!token) {
      this.tokenStatus = 'none';
      this.#workflowEngine?.stop();
      return;
    }
    let decoded: DecodedToken;
    try {
      decoded = decodeToken(token);
    } catch (error) {
      this.tokenStatus = 'invalid';
      this.#workflowEngine?.stop();
      // decodeToken throws an Error whose message says why the token cannot be used.
      this.#fire('tl-error', { code: 'invalid-token', message: (error as Error).message, recoverable: false });
      return;
    }
    this.#decoded = decoded;
    this.tokenStatus = 'valid';
    if (!this.#source.tokenInUse(decoded.expiresAt, own)) {
      const message = 'The token source gave a token that has already expired (is the server\'s clock right?).';
      this.#fire('tl-error', { code: 'token-endpoint', message, recoverable: false });
    }
    this.#expiry = new ExpiryWatch(decoded.expiresAt, {
      onExpiring: (secondsLeft) => {
        this.#fire('tl-token-expiring', { expiresAt: this.expiresAt!, secondsLeft });
        this.#source.request('expiring');
      },
      onExpired: () => this.#expire(),
    });
    // The request leaves first (the watch's listeners and timer can wait that long); an
    // already-expired token makes none, and the watch says at once that it has expired.
    if (!this.#pastExpiry) this.#engineFor().setToken(decoded.token);
    this.#armExpiry();
  }

  /** Asks the token source for a first token, when connected and there is none (nor a page's). */
  #askSource(): void {
    if (this.isConnected && this.tokenStatus === 'none' && !this.token) this.#source.request('initial');
  }

  /** No token could be had from the token source: `tl-error` `token-endpoint`, and the screen says so when none is in use. */
  #tokenSourceFailed(error: TokenSourceError): void {
    if (this.tokenStatus === 'none') this.tokenFailure = { recoverable: !error.final };
    // An expired token's screen said a new one was coming: it no longer is.
    this.requestUpdate();
    this.#fire('tl-error', { code: 'token-endpoint', message: error.message, recoverable: !error.final });
  }

  /** "Try again" after a token could not be had. */
  #retrySource(): void {
    this.tokenFailure = undefined;
    this.#askSource();
  }

  /**
   * The one place that decides the token has expired (its `exp` passed, or the API refused it as
   * expired): stops the watch, tells the engine, fires `tl-token-expired`. Once per token.
   */
  #expire(): void {
    const expiresAt = this.expiresAt;
    if (this.tokenStatus !== 'valid' || !expiresAt) return;
    this.#expiry?.stop();
    this.#expiry = undefined;
    this.tokenStatus = 'expired';
    this.#workflowEngine?.tokenExpired();
    this.#fire('tl-token-expired', { expiresAt });
    // The renewal did not arrive in time (or the API refused the token): one more request.
    if (this.isConnected) this.#source.request('expired');
  }

  /**
   * The API refused the token. It has expired when the server says so, or when its `exp` has
   * passed by our clock (the watch's timer may not have fired yet); else the engine reports an
   * `unauthorized` error.
   */
  #tokenRefused(refusal: TokenRefusal): void {
    if (refusal === 'expired' || this.#pastExpiry) this.#expire();
  }

  /** Whether the current token's `exp` has passed by our clock (the watch's timer may not have fired yet). */
  get #pastExpiry(): boolean {
    return !!this.#decoded && this.#decoded.expiresAt.getTime() <= Date.now();
  }

  /** (Re)starts the expiry watch of the current token, when connected. */
  #armExpiry(): void {
    if (!this.isConnected || !this.#expiry || this.#finished) return;
    this.#expiry.watch(this.expiryWarning);
  }

  // ---- Engines --------------------------------------------------------------------------

  /** The engine the current attributes ask for: the running one, or a new one replacing it. */
  #engineFor(): WorkflowEngine {
    const kind = resolveEngineKind(this.engine, this.apiBase);
    const src = this.widgetSrc;
    const environment = resolveEnvironment(this.environment, this.#decoded?.claims);
    const lightDom = this.placement === 'light-dom';
    // The official engine's script: `widget-src`, else TransactionLink's of the environment.
    const key = kind === 'official' ? `official ${src ? `src ${src}` : environment} ${this.modal} ${lightDom}` : kind;
    if (this.#workflowEngine && this.#engineKey === key) return this.#workflowEngine;
    this.#workflowEngine?.dispose();
    this.#engineKey = key;
    const emit = this.#fire.bind(this);
    const locale = () => this.#shownLocale;
    this.#workflowEngine =
      kind === 'official'
        ? new OfficialOnDemand(this, { emit, locale, src, environment, lightDom, inline: !this.modal, loadTimeout: () => this.loadTimeout })
        : new NativeEngine(this, {
            emit,
            locale,
            apiBase: () => this.apiBase || DEFAULT_API_BASE,
            tokenRefused: (refusal) => this.#tokenRefused(refusal),
            timeoutMs: () => this.requestTimeout,
          });
    return this.#workflowEngine;
  }

  /** An engine attribute changed while a token is valid: the same token, on the engine now asked for. */
  #engineChanged(): void {
    const before = this.#workflowEngine;
    const engine = this.#engineFor();
    if (engine !== before) engine.setToken(this.#decoded!.token);
    else engine.settingsChanged();
  }

  #fire<K extends TlEventName>(name: K, detail: TlEventDetailMap[K]): void {
    emit(this, name, detail);
  }

  // ---- Rendering ------------------------------------------------------------------------

  /** The language asked for: `locale`, else the nearest `lang` attribute, else English. */
  get #requestedLocale(): string {
    return this.locale || this.closest('[lang]')?.getAttribute('lang') || 'en';
  }

  /** The language shown: the one asked for once its texts are at hand, English until then. */
  get #shownLocale(): string {
    const requested = this.#requestedLocale;
    return isLanguageLoaded(requested) ? requested : 'en';
  }

  /**
   * Loads the language file of the language asked for, when it has one and it is not loaded yet,
   * and draws again when it lands. One that cannot be loaded leaves the texts in English and is
   * reported once as `tl-error` `network` (not recoverable: nothing to retry, the widget goes on).
   */
  #askLanguage(): void {
    const wanted = resolveLocale(this.#requestedLocale);
    if (wanted === this.#languageAsked) return;
    this.#languageAsked = wanted;
    if (isLanguageLoaded(wanted)) return;
    void loadLanguage(wanted).then((loaded) => {
      if (loaded) this.requestUpdate();
      else {
        const message = `The texts in "${wanted}" (tl-workflow.${wanted}.js, next to the widget's script) could not be loaded; they are shown in English.`;
        this.#fire('tl-error', { code: 'network', message, recoverable: false });
      }
    });
  }

  override render() {
    const locale = resolveLocale(this.#shownLocale);
    // The widget's own texts are in `lang`; server texts that differ carry their own `lang`.
    return html`<div part="base" class="base" lang=${locale}>${this.#renderContent(locale)}</div>`;
  }

  #renderContent(locale: string) {
    if (this.tokenStatus === 'none') {
      const failure = this.tokenFailure;
      if (!failure) return renderStatusScreen('idle', locale);
      return renderStatusScreen('unavailable', locale, failure.recoverable ? () => this.#retrySource() : undefined);
    }
    if (this.tokenStatus === 'invalid') return renderStatusScreen('invalid', locale);
    // A workflow on screen stays on screen when the token expires: the user's input is kept.
    if (this.#workflowEngine?.showing) return this.#workflowEngine.render();
    // Expired: a new token is on its way from the token source, or the page must hand one over.
    if (this.tokenStatus === 'expired') return renderStatusScreen(this.#source.pending ? 'renewing' : 'expired', locale);
    if (!this.#workflowEngine) return renderStatusScreen('expired', locale);
    return this.#workflowEngine.render();
  }
}
