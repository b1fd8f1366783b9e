// Our integration with TransactionLink, tested offline against tl-workflow-sandbox: our page (the
// official engine, its widget-src on the sandbox's replica), our backend (tl-workflow/server), and
// every outcome the sandbox's scenarios make happen on purpose.
import { completeWorkflow, waitForEvent, WorkflowRefusedError } from 'tl-workflow-sandbox/playwright';
import { expect, test } from './fixtures.js';

/** Opens our page and presses Start: our backend creates a case and hands the element a token. */
async function start(page, app) {
  await page.goto(app.url);
  const ready = waitForEvent(page, 'tl-ready');
  await page.getByRole('button', { name: 'Start verification' }).click();
  return ready;
}

/** What our backend knows of a workflow (a verified webhook's status, and TransactionLink's). */
async function backendView(page, app, workflowId) {
  return (await page.request.get(`${app.url}/api/workflows/${workflowId}`)).json();
}

test('a user completes the verification; our backend confirms it through a verified webhook', async ({ page, app, sandbox }) => {
  const { workflowId } = await start(page, app);
  const complete = waitForEvent(page, 'tl-complete');
  const result = await completeWorkflow(page);
  expect(result.steps).toEqual(['personal', 'identity-document', 'proof-of-address', 'bank', 'consents', 'review']);
  expect(await complete).toEqual({ workflowId, status: 'COMPLETED' });
  await expect(page.locator('#status')).toHaveText('Verified by our backend: COMPLETED.');
  const delivery = await sandbox.webhooks.waitFor({ workflowId, status: 'COMPLETED' });
  expect(delivery.attempts).toBe(1);
  expect(await backendView(page, app, workflowId)).toEqual({ verified: 'COMPLETED', status: 'COMPLETED' });
});

test('the token is about to expire: the page renews it from our backend and the user finishes on the new one', async ({ page, app, sandbox }) => {
  // The first token lives two minutes; the page's clock is Playwright's, so "about to expire" comes when the
  // test says, however busy the machine (the sandbox keeps real time: the token stays good there meanwhile).
  sandbox.scenario('token-expires', { seconds: 120 });
  await page.clock.install();
  // The widget's API requests (in TransactionLink's frame), with the token each carried.
  const requests = [];
  page.on('request', (request) => {
    const authorization = request.headers().authorization;
    if (request.url().includes('/widget/execution') && authorization) requests.push({ method: request.method(), token: authorization.slice('Bearer '.length) });
  });
  const { workflowId } = await start(page, app);
  expect((await (await page.request.get(`${app.url}/api/session`)).json()).tokens).toBe(1);
  const expiring = waitForEvent(page, 'tl-token-expiring');
  // Into the element's warning (60 s before exp by default).
  await page.clock.fastForward(61_000);
  const { secondsLeft } = await expiring;
  expect(secondsLeft).toBeLessThanOrEqual(60);
  await expect(page.locator('#status')).toHaveText('Session renewed.');
  const session = await (await page.request.get(`${app.url}/api/session`)).json();
  expect(session.tokens).toBe(2);
  // Past the first token's exp on the page's clock: nothing expires, the user goes on with the renewed token.
  await page.clock.fastForward(120_000);
  const complete = waitForEvent(page, 'tl-complete');
  await completeWorkflow(page);
  expect(await complete).toEqual({ workflowId, status: 'COMPLETED' });
  await expect(page.locator('#status')).toHaveText('Verified by our backend: COMPLETED.');
  const first = requests[0].token;
  const saves = requests.filter((request) => request.method === 'PUT');
  expect(saves.length).toBeGreaterThan(0);
  expect(new Set(saves.map((save) => save.token)).size, 'every save with one token').toBe(1);
  expect(saves[0].token, 'the renewed one').not.toBe(first);
});

test("TransactionLink's script fails to load: the user sees Try again, and it works the second time", async ({ page, app, sandbox }) => {
  sandbox.scenario('script-fails', { status: 503 });
  await page.goto(app.url);
  const error = waitForEvent(page, 'tl-error');
  await page.getByRole('button', { name: 'Start verification' }).click();
  expect(await error).toMatchObject({ code: 'network', recoverable: true });
  await expect(page.locator('#status')).toHaveText('Something went wrong (network).');
  const ready = waitForEvent(page, 'tl-ready');
  await page.locator('tl-workflow').getByRole('button', { name: 'Try again' }).click();
  const { workflowId } = await ready;
  expect((await backendView(page, app, workflowId)).status).toBe('RUNNING');
});

test("TransactionLink's script never calls ready: the element gives up after load-timeout with Try again", async ({ page, app, sandbox }) => {
  sandbox.scenario('script-never-ready');
  await page.goto(app.url);
  const error = waitForEvent(page, 'tl-error', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Start verification' }).click();
  expect(await error).toMatchObject({ code: 'network', recoverable: true });
  await expect(page.locator('tl-workflow').getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('the user cancels: the page hears tl-cancel, our backend reads CANCELLED', async ({ page, app }) => {
  const { workflowId } = await start(page, app);
  const cancel = waitForEvent(page, 'tl-cancel');
  expect((await completeWorkflow(page, { end: 'cancel' })).screen).toBe('cancelled');
  expect(await cancel).toEqual({ workflowId });
  await expect(page.locator('#status')).toHaveText('You left the verification.');
  expect(await backendView(page, app, workflowId)).toEqual({ verified: null, status: 'CANCELLED' });
});

test('the workflow ends AWAITING, then COMPLETED 1 s later, each with its webhook', async ({ page, app, sandbox }) => {
  sandbox.scenario('awaiting', { seconds: 1 });
  const { workflowId } = await start(page, app);
  const complete = waitForEvent(page, 'tl-complete');
  await completeWorkflow(page);
  expect(await complete).toEqual({ workflowId, status: 'AWAITING' });
  await sandbox.webhooks.waitFor({ workflowId, status: 'AWAITING' });
  await sandbox.webhooks.waitFor({ workflowId, status: 'COMPLETED' });
  await expect(page.locator('#status')).toHaveText('Verified by our backend: COMPLETED.');
});

test('the server refuses a field: the user sees why, corrects nothing else, and goes on', async ({ page, app, sandbox }) => {
  sandbox.scenario('field-refused', { field: 'email', message: 'This email address is blocked.' });
  const { workflowId } = await start(page, app);
  const error = waitForEvent(page, 'tl-error');
  const refused = await completeWorkflow(page).catch((e) => e);
  expect(refused).toBeInstanceOf(WorkflowRefusedError);
  expect(refused.stepId).toBe('personal');
  expect(refused.errors).toEqual([{ path: 'email', message: expect.stringContaining('This email address is blocked.') }]);
  expect(await error).toMatchObject({ code: 'unexpected' });
  const complete = waitForEvent(page, 'tl-complete');
  await completeWorkflow(page);
  expect(await complete).toEqual({ workflowId, status: 'COMPLETED' });
});

test('the next widget requests fail with 500: the page hears tl-error, the user sees Try again, and it works once the outage is over', async ({ page, app, sandbox }) => {
  await page.goto(app.url);
  sandbox.scenario('requests-fail', { status: 500, count: 20 });
  const error = waitForEvent(page, 'tl-error');
  await page.getByRole('button', { name: 'Start verification' }).click();
  expect(await error).toMatchObject({ code: 'unexpected' });
  await expect(page.locator('#status')).toHaveText('Something went wrong (unexpected).');
  const retry = page.locator('tl-workflow').getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible();
  sandbox.clearScenarios(); // the outage is over
  const ready = waitForEvent(page, 'tl-ready');
  await retry.click();
  const { workflowId } = await ready;
  expect((await backendView(page, app, workflowId)).status).toBe('RUNNING');
});
