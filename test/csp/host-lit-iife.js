// The host page uses Lit itself (its own "lit-html" Trusted Types policy) next to the script-tag
// build, which the page loaded twice (the second copy must stop quietly); then runs a workflow.
import { html, render } from 'lit';
import { report, runWorkflow } from './workflow-run.js';

async function main() {
  render(html`<p id="host-lit">Rendered by the host's ${'Lit'}</p>`, document.querySelector('#host'));
  const result = await runWorkflow(document.querySelector('tl-workflow'));
  render(html`<p id="host-lit">Rendered again by the host's ${'Lit'}</p>`, document.querySelector('#host'));
  const first = window.firstTlWorkflowClass;
  return {
    ...result,
    hostLit: document.querySelector('#host-lit')?.textContent ?? null,
    defined: customElements.get('tl-workflow') !== undefined,
    sameClass: first !== undefined && customElements.get('tl-workflow') === first,
  };
}

report(main());
