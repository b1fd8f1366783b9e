// Runs inside offline-parts.html: the files next to the script answer 503. The Polish language file
// does not load: the widget must go on in English (never message keys) and fire one tl-error. The
// official engine's file does not load: that element shows its error screen and fires tl-error
// network (recoverable); Retry tries again. Reports back to the test.
const violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

// Loaded before the widget, so no tl-error can come before this listens.
const tlErrors = { language: [], official: [] };
const waiting = [];
document.addEventListener('tl-error', (event) => {
  tlErrors[event.target.id].push(event.detail);
  for (const wait of waiting.splice(0)) wait();
});

/** Resolves once `element` has fired `count` tl-errors (rejects after 10 s). */
async function errorsOf(element, count) {
  const until = performance.now() + 10000;
  while (tlErrors[element].length < count) {
    if (performance.now() > until) throw new Error(`${element}: ${tlErrors[element].length} tl-error, ${count} expected`);
    await new Promise((resolve) => {
      waiting.push(resolve);
      setTimeout(resolve, 100);
    });
  }
}

/** A JWT-shaped token that expires in an hour (the element decodes it; no request uses it). */
function token() {
  const part = (object) => btoa(JSON.stringify(object)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'RS512', typ: 'JWT' })}.${part({ exp: Math.floor(Date.now() / 1000) + 3600 })}.c2lnbmF0dXJl`;
}

const requestOf = (file) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(`/${file}`));
const text = (el) => el.shadowRoot.textContent.replace(/\s+/g, ' ').trim();

/**
 * The HTTP status the language file was answered with. WebKit's resource timing has no
 * `responseStatus`: there, the page asks for the same URL again (connect-src 'self' allows it).
 */
async function languageStatus() {
  const entry = requestOf('tl-workflow.pl.js');
  if (!entry) return undefined;
  return entry.responseStatus ?? (await fetch(entry.name, { cache: 'no-store' })).status;
}

async function run() {
  await new Promise((resolve) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', resolve) : resolve()));
  const language = document.getElementById('language');
  const official = document.getElementById('official');
  // The positive signal: tl-error for the language file that did not load.
  await errorsOf('language', 1);
  await language.updateComplete;

  official.token = token();
  await errorsOf('official', 1);
  await official.updateComplete;
  const screen = official.shadowRoot.querySelector('[data-screen]')?.dataset.screen;
  const officialText = text(official);
  official.shadowRoot.querySelector('[data-screen="failed"] button').click();
  await errorsOf('official', 2);

  parent.postMessage(
    {
      type: 'csp-result',
      text: text(language),
      status: await languageStatus(),
      tlErrors: tlErrors.language,
      officialErrors: tlErrors.official,
      officialScreen: screen,
      officialText,
      officialState: official.state,
      violations,
    },
    location.origin,
  );
}

run().catch((error) => parent.postMessage({ type: 'csp-result', error: String(error), violations }, location.origin));
