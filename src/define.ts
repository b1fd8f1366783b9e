import { TlWorkflow } from './element/tl-workflow.js';

/**
 * Registers `<tl-workflow>` through `TlWorkflow.define()`: guarded (loading the widget twice on a
 * page, two bundles or a script tag plus an npm import, does not throw) and a no-op where there is
 * no custom element registry (server-side rendering). The element has no inner element of its own
 * (the step views are render functions), so this one tag is all the package registers.
 */
TlWorkflow.define();

declare global {
  interface HTMLElementTagNameMap {
    'tl-workflow': TlWorkflow;
  }
}
