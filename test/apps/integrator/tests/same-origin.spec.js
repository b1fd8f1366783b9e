// The same-origin mode Cypress needs (it cannot reach into a frame of another origin): the
// sandbox's command line forwards our app, so our page, the sandbox's API and the replica's frame
// share one origin. Cypress cannot be installed here (its install downloads a binary), so this
// test does with Playwright what a Cypress test does: it reaches into the frame from the page.
import { fileURLToPath } from 'node:url';
import { completeWorkflow, waitForEvent } from 'tl-workflow-sandbox/playwright';
import { expect, freePort, startApp, startProcess, test } from './fixtures.js';

const CLI = fileURLToPath(new URL('../node_modules/.bin/tl-workflow-sandbox', import.meta.url));

test('npx tl-workflow-sandbox --proxy: the page reaches the replica frame\'s document, as Cypress would, and completes', async ({ page }) => {
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const sandbox = await startProcess(CLI, ['--port', '0', '--proxy', appUrl, '--webhook-url', `${appUrl}/hooks/transactionlink`], {}, 'listening on');
  const origin = new URL(sandbox.url).origin;
  expect(sandbox.url).toBe(`${origin}/tl-api`);
  const key = /key: +(\S+)/.exec(sandbox.output())[1];
  const secret = /secret: +(\S+)/.exec(sandbox.output())[1];
  const app = await startApp({ apiBase: sandbox.url, key, secret, widgetSrc: '/tl-api/widget/transactionlink-widget.umd.js', port: appPort });
  try {
    await page.goto(`${origin}/`);
    const ready = waitForEvent(page, 'tl-ready');
    await page.getByRole('button', { name: 'Start verification' }).click();
    const { workflowId } = await ready;

    // What `cy.get('iframe').its('0.contentDocument')` does: from the page into the replica's
    // frame (wherever the element put it), down to the step on screen.
    const stepInFrame = await page.evaluate(() => {
      const frames = (root) =>
        [...root.querySelectorAll('*')].flatMap((node) => [
          ...(node.shadowRoot ? frames(node.shadowRoot) : []),
          ...(node.localName === 'iframe' ? [node, ...(node.contentDocument ? frames(node.contentDocument) : [])] : []),
        ]);
      const replica = frames(document).find((frame) => frame.src.endsWith('/tl-api/widget/frame'));
      return replica.contentDocument.querySelector('tl-workflow').shadowRoot.querySelector('form[data-step-id]').dataset.stepId;
    });
    expect(stepInFrame).toBe('personal');

    const complete = waitForEvent(page, 'tl-complete');
    await completeWorkflow(page);
    expect(await complete).toEqual({ workflowId, status: 'COMPLETED' });
    await expect(page.locator('#status')).toHaveText('Verified by our backend: COMPLETED.');
  } finally {
    await app.stop();
    await sandbox.stop();
  }
});
