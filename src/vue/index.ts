/**
 * `tl-workflow/vue`: registers `<tl-workflow>` (through `tl-workflow`) and declares it for Vue's
 * template type-checker (`vue-tsc`, `strictTemplates`): `token-endpoint`, `:token`, `api-base`, `locale`,
 * `expiry-warning`, `request-timeout`, every documented attribute, and every `@tl-*` event with its typed `e.detail`.
 *
 * Tell Vue's compiler the tag is a custom element
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('tl-')`), then import this module once
 * (`import 'tl-workflow/vue'` in `main.ts`).
 */
import type { DefineComponent } from 'vue';
import 'tl-workflow';
import type { FetchToken, TlEvent } from 'tl-workflow';

/** What a Vue template may bind on `<tl-workflow>`. Properties are set as DOM properties. */
export interface TlWorkflowVueProps {
  /** The host's token endpoint (`widgetTokenHandler`): the element gets its tokens itself, none is in the HTML. */
  tokenEndpoint?: string;
  /** The host's own way to get a token, instead of `token-endpoint` (`:fetch-token`, a property). */
  fetchToken?: FetchToken;
  /**
   * The one-time widget token. Bind it (`:token`): Vue sets it as a property on the client, but
   * server-side rendering writes it into the HTML: prefer `token-endpoint`.
   */
  token?: string;
  apiBase?: string;
  locale?: string;
  expiryWarning?: number;
  requestTimeout?: number;
  engine?: 'official' | 'native' | '';
  environment?: 'production' | 'sandbox';
  widgetSrc?: string;
  modal?: boolean;
  loadTimeout?: number;
  onTlReady?: (e: TlEvent<'tl-ready'>) => void;
  onTlStepChange?: (e: TlEvent<'tl-step-change'>) => void;
  onTlComplete?: (e: TlEvent<'tl-complete'>) => void;
  onTlCancel?: (e: TlEvent<'tl-cancel'>) => void;
  onTlError?: (e: TlEvent<'tl-error'>) => void;
  onTlTokenExpiring?: (e: TlEvent<'tl-token-expiring'>) => void;
  onTlTokenExpired?: (e: TlEvent<'tl-token-expired'>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'tl-workflow': DefineComponent<TlWorkflowVueProps>;
  }
}
