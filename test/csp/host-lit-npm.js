// The host page uses Lit itself and the npm build (dist/tl-workflow.js, which imports the same
// `lit`): one Lit, one "lit-html" policy, shared.
import { html, render } from 'lit';
import '/dist/tl-workflow.js';
import { report, runWorkflow } from './workflow-run.js';

async function main() {
  render(html`<p id="host-lit">Rendered by the host's ${'Lit'}</p>`, document.querySelector('#host'));
  const result = await runWorkflow(document.querySelector('tl-workflow'));
  return { ...result, hostLit: document.querySelector('#host-lit')?.textContent ?? null, defined: true };
}

report(main());
