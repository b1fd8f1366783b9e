import { TlWorkflow } from './element/tl-workflow.js';

/**
 * Registers `<tl-workflow>`. Guarded: loading the widget twice on a page (two bundles, a script
 * tag plus an npm import) must not throw. Does nothing where there is no custom element registry
 * (server-side rendering).
 */
if (typeof customElements !== 'undefined' && !customElements.get('tl-workflow')) {
  customElements.define('tl-workflow', TlWorkflow);
}

declare global {
  interface HTMLElementTagNameMap {
    'tl-workflow': TlWorkflow;
  }
}
