// Runs inside strict-page.html, under a strict CSP with Trusted Types: loads a real workflow
// from the sandbox into the script-tag build of <tl-workflow> and reports back to the test.
import { report, runWorkflow } from './workflow-run.js';

report(runWorkflow(document.querySelector('tl-workflow')));
