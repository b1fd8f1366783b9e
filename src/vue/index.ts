/**
 * `tl-workflow/vue`: registers `<tl-workflow>` (through `tl-workflow`) and declares it for Vue's
 * template type-checker (`vue-tsc`, `strictTemplates`): every property of the element (`token-endpoint`,
 * `:token`, `api-base`, `placement`, ..., typed from the element class) and every `@tl-*` event with its
 * typed `e.detail`.
 *
 * Tell Vue's compiler the tag is a custom element
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('tl-')`), then import this module once
 * (`import 'tl-workflow/vue'` in `main.ts`).
 */
import type { DefineComponent } from 'vue';
import 'tl-workflow';
import type { TlWorkflowEventProps, TlWorkflowProperties } from 'tl-workflow';

/**
 * What a Vue template may bind on `<tl-workflow>`: the element's properties, set as DOM properties
 * (`token` too: bind it, `:token`; Vue sets it as a property on the client, but server-side
 * rendering writes it into the HTML, so prefer `token-endpoint`), and an `onTl*` prop per event.
 */
export interface TlWorkflowVueProps extends TlWorkflowProperties, TlWorkflowEventProps {}

declare module 'vue' {
  interface GlobalComponents {
    'tl-workflow': DefineComponent<TlWorkflowVueProps>;
  }
}
