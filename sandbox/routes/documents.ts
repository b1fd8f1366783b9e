/**
 * The documents consent checkboxes link to: `/documents/terms` and `/documents/privacy`, simple
 * HTML pages (no auth).
 */
import { Hono } from 'hono';

/** The documents by name (a Map: `__proto__`, `constructor` and the like are no documents). */
const DOCUMENTS = new Map(Object.entries({
  terms: {
    title: 'Terms of service (sandbox)',
    body: 'These are placeholder terms served by the local TransactionLink sandbox. Nothing here is binding.',
  },
  privacy: {
    title: 'Privacy policy (sandbox)',
    body: 'The sandbox keeps data in memory (or in the SANDBOX_DATA file you chose) and sends it nowhere.',
  },
}));

/** Routes for `/documents/{name}` and `/link/{executionId}`. */
export function documentRoutes(): Hono {
  const app = new Hono();
  app.get('/documents/:name', (c) => {
    const doc = DOCUMENTS.get(c.req.param('name'));
    if (!doc) return c.html('<!doctype html><title>Not found</title><p>No such document.</p>', 404);
    return c.html(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${doc.title}</title>` +
        `<main><h1>${doc.title}</h1><p>${doc.body}</p></main></html>`,
    );
  });
  app.get('/link/:id', (c) =>
    c.html(
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>Hosted link (sandbox)</title>' +
        '<main><h1>Hosted workflow link</h1><p>The sandbox does not host the widget. ' +
        'Embed <code>&lt;tl-workflow&gt;</code> with the token returned next to this link.</p></main></html>',
    ),
  );
  return app;
}
