/**
 * Loads TransactionLink's widget script once per page, however many elements ask and however
 * often they mount, and waits for `window.transactionlink_ready` for a bounded time.
 *
 * - One load per script URL per page: concurrent and later callers share it. The cache lives on
 *   `window` (registered symbol), so two copies of this package on a page share it too.
 * - A script that fails to load, or never calls `transactionlink_ready` within `timeoutMs`, rejects
 *   with a `ScriptLoadError`; its `<script>` element is removed and the URL forgotten, so the next
 *   call (a retry) loads it afresh. Never an endless wait.
 * - `transactionlink_ready` is ours only while a load waits: once it is called (or the load
 *   fails), the page's previous value is put back. No timer outlives the load.
 * - Under Trusted Types the script URL goes through a `tl-workflow` policy that accepts only
 *   http(s) URLs (the host's CSP lists it: `trusted-types lit-html tl-workflow`).
 */
import { isTransactionLinkApi, transactionLinkGlobals, type TransactionLinkApi } from './transactionlink-api.js';

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
          ? `TransactionLink's widget script (${src}) called transactionlink_ready without defining window.transactionlink.`
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
type Shared = Record<symbol, unknown> & { trustedTypes?: TrustedTypesLike };

const shared = (): Shared => window as unknown as Shared;

function loads(): Map<string, Promise<TransactionLinkApi>> {
  const page = shared();
  page[LOADS] ??= new Map<string, Promise<TransactionLinkApi>>();
  return page[LOADS] as Map<string, Promise<TransactionLinkApi>>;
}

/** Loads (once) the script at `src` and resolves with `window.transactionlink` once it is ready. */
export function loadTransactionLink(src: string, timeoutMs: number): Promise<TransactionLinkApi> {
  const url = new URL(src, document.baseURI).href;
  const cache = loads();
  const known = cache.get(url);
  if (known) return known;
  const load = inject(url, timeoutMs);
  cache.set(url, load);
  load.catch(() => cache.delete(url));
  return load;
}

/** The URL as the `script.src` sink accepts it under Trusted Types (or as is without them). */
function scriptUrl(url: string): string {
  const page = shared();
  if (!page.trustedTypes) return url;
  page[POLICY] ??= page.trustedTypes.createPolicy('tl-workflow', {
    createScriptURL(candidate: string) {
      const parsed = new URL(candidate, document.baseURI);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError(`Not a script URL: ${candidate}`);
      return parsed.href;
    },
  });
  // A TrustedScriptURL is what the sink wants; TypeScript's DOM types call the sink a string.
  return (page[POLICY] as ScriptUrlPolicy).createScriptURL(url) as string;
}

function inject(url: string, timeoutMs: number): Promise<TransactionLinkApi> {
  return new Promise((resolve, reject) => {
    const globals = transactionLinkGlobals();
    const hadPrevious = 'transactionlink_ready' in globals;
    const previous = globals.transactionlink_ready;
    const script = document.createElement('script');
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (failure?: ScriptLoadFailure): void => {
      clearTimeout(timer);
      script.removeEventListener('error', onError);
      if (globals.transactionlink_ready === onReady) {
        if (hadPrevious) globals.transactionlink_ready = previous;
        else delete globals.transactionlink_ready;
      }
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

    try {
      script.src = scriptUrl(url);
    } catch {
      reject(new ScriptLoadError('blocked', url, timeoutMs));
      return;
    }
    globals.transactionlink_ready = onReady;
    script.async = true;
    script.addEventListener('error', onError);
    timer = setTimeout(() => finish('timeout'), timeoutMs);
    document.head.append(script);
  });
}
