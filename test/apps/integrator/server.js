// The integrator's backend, as a TransactionLink client writes it: tl-workflow/server holds the key
// and secret, creates a case per signed-in user, hands the page widget tokens (widgetTokenHandler)
// and learns that a workflow is done from a verified webhook (verifyWebhook), confirmed with
// getWorkflow. Configured by the environment, so tests point it at tl-workflow-sandbox.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTransactionLink, WebhookVerificationError, widgetTokenHandler } from 'tl-workflow/server';

const env = process.env;
const config = {
  baseUrl: env.TL_API_BASE || 'https://api.transactionlink.io',
  key: env.TL_KEY,
  secret: env.TL_SECRET,
  workflowDefinitionId: env.TL_WORKFLOW_ID || '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c',
  widgetSrc: env.TL_WIDGET_SRC || 'https://widget.transactionlink.io/transactionlink-widget.umd.js',
  port: Number(env.PORT || 3000),
};

const transactionLink = createTransactionLink({ baseUrl: config.baseUrl, key: config.key, secret: config.secret });
/** Signed-in users (a real app has its own sessions): session id -> the user's TransactionLink case. */
const sessions = new Map();
/** What our backend knows of each workflow, from verified webhooks only. */
const verified = new Map();
/** How many widget tokens each session was given (the page renews them). */
const tokensIssued = new Map();

const sessionOf = (request) => /(?:^|;\s*)sid=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1];

const tokenHandler = widgetTokenHandler({
  transactionLink,
  resolve: async (request) => {
    const sid = sessionOf(request);
    const session = sid && sessions.get(sid);
    if (!session) throw new Error('not signed in');
    tokensIssued.set(sid, (tokensIssued.get(sid) ?? 0) + 1);
    return { caseId: session.caseId, workflowDefinitionId: config.workflowDefinitionId };
  },
});

const app = new Hono();

// "Sign up": our user gets a TransactionLink case of their own.
app.post('/api/session', async (c) => {
  const { caseId } = await transactionLink.createCase({ firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' });
  const sid = randomUUID();
  sessions.set(sid, { caseId });
  c.header('Set-Cookie', `sid=${sid}; Path=/; HttpOnly; SameSite=Strict`);
  return c.json({ tokens: 0 });
});

app.post('/api/tl-token', (c) => tokenHandler(c.req.raw, c));

app.get('/api/session', (c) => c.json({ tokens: tokensIssued.get(sessionOf(c.req.raw)) ?? 0 }));

// What our backend knows of a workflow: the status a verified webhook brought (null: none yet),
// and TransactionLink's own answer.
app.get('/api/workflows/:id', async (c) => {
  const workflow = await transactionLink.getWorkflow(c.req.param('id'));
  return c.json({ verified: verified.get(c.req.param('id')) ?? null, status: workflow.status });
});

app.post('/hooks/transactionlink', async (c) => {
  let event;
  try {
    event = await transactionLink.verifyWebhook(c.req.raw);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return c.body(null, error.problem === 'replayed' ? 204 : 400);
    throw error;
  }
  const workflow = await transactionLink.getWorkflow(event.workflowId);
  // Trust the webhook only as far as TransactionLink confirms it.
  if (workflow.status === event.status || workflow.status === 'COMPLETED') verified.set(event.workflowId, workflow.status);
  return c.body(null, 204);
});

const here = dirname(fileURLToPath(import.meta.url));
const widgetDir = dirname(fileURLToPath(import.meta.resolve('tl-workflow/tl-workflow.iife.js')));
const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

app.get('/', async (c) => {
  const page = await readFile(`${here}/public/index.html`, 'utf8');
  return c.html(page.replace('%WIDGET_SRC%', escapeAttribute(config.widgetSrc)));
});
app.get('/app.js', async (c) => c.body(await readFile(`${here}/public/app.js`, 'utf8'), 200, { 'Content-Type': 'text/javascript' }));
// The widget's script-tag build and the files it loads next to it, from the installed package.
app.get('/vendor/:file', async (c) => {
  const file = c.req.param('file');
  if (!/^tl-workflow(\.[a-z]+)?\.js$/.test(file)) return c.notFound();
  return c.body(await readFile(`${widgetDir}/${file}`, 'utf8'), 200, { 'Content-Type': 'text/javascript' });
});

serve({ fetch: app.fetch, port: config.port, hostname: '127.0.0.1' }, (info) => {
  console.log(`integrator app listening on http://127.0.0.1:${info.port}`);
});
