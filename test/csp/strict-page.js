// Runs inside strict-page.html, under a strict CSP with Trusted Types: loads a real workflow
// from the sandbox into the script-tag build of <tl-workflow>, then switches it to Polish (a
// language file next to the script, loaded with import()), and reports back to the test.
import { report, runWorkflow } from './workflow-run.js';

const el = document.querySelector('tl-workflow');

async function untilPolish() {
  const primary = () => el.shadowRoot.querySelector('[data-primary]')?.textContent.trim();
  const until = performance.now() + 10000;
  while (primary() !== 'Dalej') {
    if (performance.now() > until) throw new Error(`no Polish: the primary button says "${primary()}"`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return primary();
}

report(
  runWorkflow(el).then(async (result) => {
    el.locale = 'pl';
    const polishText = await untilPolish();
    const partFiles = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /\/tl-workflow\.\w+\.js$/.test(path) && !path.endsWith('.iife.js'));
    return { ...result, polishText, partFiles };
  }),
);
