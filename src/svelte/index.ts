/**
 * `tl-workflow/svelte`: registers `<tl-workflow>` (through `tl-workflow`) and declares it for
 * Svelte 5's type-checker (`svelte-check`): every documented attribute, the properties Svelte sets
 * (`token`, `fetchToken`), and the `ontl-*` event attributes with their typed `e.detail`.
 *
 * ```svelte
 * <script lang="ts">
 *   import 'tl-workflow/svelte';
 * </script>
 * <tl-workflow token-endpoint="/api/tl-token" ontl-complete={(e) => done(e.detail.status)}></tl-workflow>
 * ```
 */
import type { HTMLAttributes } from 'svelte/elements';
import 'tl-workflow';
import type { FetchToken, TlEvent, TlWorkflow } from 'tl-workflow';

/** What a Svelte template may write on `<tl-workflow>`. Svelte sets what the element has as properties. */
export interface TlWorkflowSvelteAttributes extends HTMLAttributes<TlWorkflow> {
  /** The host's token endpoint (`widgetTokenHandler`): the element gets its tokens itself, none is in the HTML. */
  'token-endpoint'?: string;
  /** The host's own way to get a token, instead of `token-endpoint` (a property). */
  fetchToken?: FetchToken;
  /** The one-time widget token. Svelte sets it as a property in the browser, but server-side rendering writes it into the HTML: prefer `token-endpoint`. */
  token?: string;
  'api-base'?: string;
  locale?: string;
  'expiry-warning'?: number | string;
  'request-timeout'?: number | string;
  engine?: 'official' | 'native' | '';
  environment?: 'production' | 'sandbox';
  'widget-src'?: string;
  modal?: boolean;
  'load-timeout'?: number | string;
  'ontl-ready'?: (e: TlEvent<'tl-ready'>) => void;
  'ontl-step-change'?: (e: TlEvent<'tl-step-change'>) => void;
  'ontl-complete'?: (e: TlEvent<'tl-complete'>) => void;
  'ontl-cancel'?: (e: TlEvent<'tl-cancel'>) => void;
  'ontl-error'?: (e: TlEvent<'tl-error'>) => void;
  'ontl-token-expiring'?: (e: TlEvent<'tl-token-expiring'>) => void;
  'ontl-token-expired'?: (e: TlEvent<'tl-token-expired'>) => void;
}

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'tl-workflow': TlWorkflowSvelteAttributes;
  }
}
