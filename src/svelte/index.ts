/**
 * `tl-workflow/svelte`: registers `<tl-workflow>` (through `tl-workflow`) and declares it for
 * Svelte 5's type-checker (`svelte-check`): every attribute of the element (typed from the element
 * class), the property Svelte sets that has no attribute (`fetchToken`), and the `ontl-*` event
 * attributes with their typed `e.detail`.
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
import type {
  TlWorkflow,
  TlWorkflowAttributes,
  TlWorkflowEventAttributes,
  TlWorkflowProperties,
  TlWorkflowPropertyOnly,
} from 'tl-workflow';

/**
 * What a Svelte template may write on `<tl-workflow>`. Svelte sets what the element has as
 * properties; `token` too in the browser, but server-side rendering writes it into the HTML: prefer
 * `token-endpoint`.
 */
export interface TlWorkflowSvelteAttributes
  extends HTMLAttributes<TlWorkflow>,
    TlWorkflowAttributes,
    Pick<TlWorkflowProperties, TlWorkflowPropertyOnly>,
    TlWorkflowEventAttributes {}

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'tl-workflow': TlWorkflowSvelteAttributes;
  }
}
