// Runs inside offline-parts.html: the Polish language file fails to load (503). The widget must go
// on in English (never message keys), fire one tl-error, and report back to the test.
const violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

const tlErrors = [];
// Loaded before the widget, so no tl-error can come before this listens.
const failed = new Promise((resolve) =>
  document.addEventListener('tl-error', (event) => {
    tlErrors.push(event.detail);
    resolve();
  }),
);

const languageRequest = () => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/tl-workflow.pl.js'));

/**
 * The HTTP status the language file was answered with. WebKit's resource timing has no
 * `responseStatus`: there, the page asks for the same URL again (connect-src 'self' allows it).
 */
async function languageStatus() {
  const entry = languageRequest();
  if (!entry) return undefined;
  return entry.responseStatus ?? (await fetch(entry.name, { cache: 'no-store' })).status;
}

async function run() {
  // The positive signal: tl-error for the language file that did not load.
  await Promise.race([failed, new Promise((_, reject) => setTimeout(() => reject(new Error('no tl-error for the missing language file')), 10000))]);
  const el = document.querySelector('tl-workflow');
  await el.updateComplete;
  parent.postMessage(
    {
      type: 'csp-result',
      text: el.shadowRoot.textContent.replace(/\s+/g, ' ').trim(),
      status: await languageStatus(),
      tlErrors,
      violations,
    },
    location.origin,
  );
}

run().catch((error) => parent.postMessage({ type: 'csp-result', error: String(error), violations }, location.origin));
