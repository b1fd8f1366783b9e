/**
 * Loads TransactionLink's widget script into a window (the engine's own frame, or the page) and
 * waits a bounded time for its API.
 *
 * - Ready when the script calls `transactionlink_ready()` (the current generation), or once it has
 *   run and left a usable `window.transactionlink` with `setContext` (the older one has no ready callback).
 * - A script that fails to load, or is not ready within `timeoutMs`, rejects with a
 *   `ScriptLoadError`; its `<script>` element is removed. Never an endless wait.
 * - `transactionlink_ready` is ours only while a load waits: afterwards the window's previous
 *   value is put back. No timer outlives the load; an aborted load (its frame removed) leaves none.
 * - Under Trusted Types the URL goes through a `tl-workflow` policy of that window's realm that
 *   accepts only http(s) URLs (the host's CSP lists it: `trusted-types lit-html tl-workflow`; an
 *   about:blank frame inherits the page's policy).
 * - In the page (`placement="light-dom"`) one load per script URL serves every element: the cache
 *   lives on `window` (registered symbol), so two copies of this package on a page share it too.
 */
import { isTransactionLinkApi, type TransactionLinkApi, type TransactionLinkGlobals } from './transactionlink-api.js';

/** Why the script is not usable. */
export type ScriptLoadFailure = 'failed' | 'timeout' | 'no-api' | 'blocked';

/** A load of TransactionLink's script that did not end with a usable `window.transactionlink`. */
export class ScriptLoadError extends Error {
  constructor(
    readonly reason: ScriptLoadFailure,
    src: string,
    timeoutMs: number,
  ) {
    super(
      reason === 'timeout'
        ? `TransactionLink's widget script (${src}) did not call transactionlink_ready within ${timeoutMs / 1000} s.`
        : reason === 'no-api'
          ? `TransactionLink's widget script (${src}) called transactionlink_ready without defining window.transactionlink (open, and setOptions or setContext).`
          : reason === 'blocked'
            ? `The page's Trusted Types policy does not allow loading ${src} (add "tl-workflow" to trusted-types).`
            : `TransactionLink's widget script (${src}) could not be loaded.`,
    );
    this.name = 'ScriptLoadError';
  }
}

const LOADS = Symbol.for('tl-workflow.transactionlink-loads');
const POLICY = Symbol.for('tl-workflow.trusted-types-policy');

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}
type Realm = Window & TransactionLinkGlobals & Record<symbol, unknown> & { trustedTypes?: TrustedTypesLike };

/** Loads (once per page) the script at `src` into the page and resolves with its API. */
export function loadTransactionLink(src: string, timeoutMs: number): Promise<TransactionLinkApi> {
  const page = window as unknown as Realm;
  page[LOADS] ??= new Map<string, Promise<TransactionLinkApi>>();
  const cache = page[LOADS] as Map<string, Promise<TransactionLinkApi>>;
  const url = new URL(src, document.baseURI).href;
  const known = cache.get(url);
  if (known) return known;
  const load = injectScript(window, url, timeoutMs);
  cache.set(url, load);
  load.catch(() => cache.delete(url));
  return load;
}

/**
 * The URL as `target`'s `script.src` sink accepts it under Trusted Types (through that realm's
 * `tl-workflow` policy), or as is where the policy cannot be made (the sink then decides).
 */
function scriptUrl(target: Realm, url: string): string {
  try {
    target[POLICY] ??= target.trustedTypes?.createPolicy('tl-workflow', {
      createScriptURL(candidate: string) {
        const parsed = new URL(candidate, target.document.baseURI);
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError(`Not a script URL: ${candidate}`);
        return parsed.href;
      },
    });
  } catch {
    // The page's CSP names no `tl-workflow` policy: a plain URL, which only a page without Trusted Types takes.
  }
  const policy = target[POLICY] as ScriptUrlPolicy | undefined;
  // A TrustedScriptURL is what the sink wants; TypeScript's DOM types call the sink a string.
  return (policy ? policy.createScriptURL(url) : url) as string;
}

/**
 * Adds `<script src>` to `target`'s document and resolves with `target.transactionlink` once
 * it is ready. `signal` aborts the wait (the frame is going away): nothing settles, nothing stays.
 */
export function injectScript(target: Window, src: string, timeoutMs: number, signal?: AbortSignal): Promise<TransactionLinkApi> {
  return new Promise((resolve, reject) => {
    const url = new URL(src, target.document.baseURI).href;
    const globals = target as unknown as Realm;
    const hadPrevious = 'transactionlink_ready' in globals;
    const previous = globals.transactionlink_ready;
    const script = target.document.createElement('script');
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (failure?: ScriptLoadFailure | 'aborted'): void => {
      clearTimeout(timer);
      script.removeEventListener('error', onError);
      script.removeEventListener('load', onLoad);
      signal?.removeEventListener('abort', onAbort);
      if (globals.transactionlink_ready === onReady) {
        if (hadPrevious) globals.transactionlink_ready = previous;
        else delete globals.transactionlink_ready;
      }
      if (failure === 'aborted') return;
      const api = globals.transactionlink;
      const reason = failure ?? (isTransactionLinkApi(api) ? undefined : 'no-api');
      if (reason === undefined) {
        resolve(api as TransactionLinkApi);
        return;
      }
      script.remove();
      reject(new ScriptLoadError(reason, url, timeoutMs));
    };
    const onReady = (): void => finish();
    const onError = (): void => finish('failed');
    // The older generation (setContext) calls no ready callback: its API, once the script has run,
    // is enough. The current one (setOptions) is ready when it says so.
    const onLoad = (): void => {
      const api = globals.transactionlink;
      if (isTransactionLinkApi(api) && !api.setOptions) finish();
    };
    const onAbort = (): void => finish('aborted');

    try {
      script.src = scriptUrl(globals, url);
    } catch {
      reject(new ScriptLoadError('blocked', url, timeoutMs));
      return;
    }
    globals.transactionlink_ready = onReady;
    script.async = true;
    script.addEventListener('error', onError);
    script.addEventListener('load', onLoad);
    signal?.addEventListener('abort', onAbort);
    timer = setTimeout(() => finish('timeout'), timeoutMs);
    target.document.head.append(script);
  });
}
