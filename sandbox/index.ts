/**
 * `tl-workflow-sandbox`: a local TransactionLink for testing a `<tl-workflow>` integration offline.
 * - `startSandbox(options)`: the sandbox on a real port, for test set-up (start.ts);
 * - `sandboxFetchHandler({ prefix })`: the sandbox inside your own server, same-origin (mount.ts);
 * - `createSandbox(options)`: the sandbox in-process, `sandbox.fetch(request)` with no HTTP at all;
 * - `SCENARIOS`: the outcomes a test can ask for (sandbox/README.md, "Scenarios").
 * The command line is `npx tl-workflow-sandbox`; the Playwright helper `tl-workflow-sandbox/playwright`;
 * the Vite plugin `tl-workflow-sandbox/vite`.
 */
export { startSandbox } from './start.ts';
export type { RunningSandbox, StartSandboxOptions, WidgetToken, WidgetTokenOptions, WorkflowChoice, ScenarioName, ScenarioOptions, WebhookDelivery, WebhookLog, WebhookMatch } from './start.ts';
export { sandboxFetchHandler } from './mount.ts';
export { createSandbox, type Sandbox, type SandboxOptions } from './app.ts';
export { SCENARIOS, ScenarioError } from './scenarios.ts';
export { DEMO } from './config.ts';
