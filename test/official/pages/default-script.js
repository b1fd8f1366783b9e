// Runs inside default-script.html: a <tl-workflow> with a token and no engine / api-base; with
// ?environment=X the element has environment="X", with ?claim=X the token has an `environment`
// claim X. The page's CSP blocks TransactionLink's hosts, so every request the element makes to them
// is stopped before the network and reported as a violation naming the exact URL, in the page or in
// the element's own frame (which inherits the page's policy).
const violations = [];
const scripts = [];
const resources = [];
const params = new URLSearchParams(location.search);

/** Watches a document (the page's, or the element's frame's): its violations and the scripts added to its head. */
function watch(doc) {
  doc.addEventListener('securitypolicyviolation', (event) => {
    violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
  });
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.localName === 'script') scripts.push(node.src);
  }).observe(doc.head, { childList: true });
  new doc.defaultView.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) resources.push(entry.name);
  }).observe({ type: 'resource', buffered: true });
}

function base64url(text) {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function run() {
  watch(document);
  const el = document.createElement('tl-workflow');
  const environment = params.get('environment');
  if (environment) el.setAttribute('environment', environment);
  document.querySelector('main').append(el);
  // The element's frame: watched from the moment it is drawn, before anything runs in it.
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.localName === 'iframe') watch(node.contentDocument);
  }).observe(el.shadowRoot, { childList: true, subtree: true });
  const failed = new Promise((resolve) => el.addEventListener('tl-error', (event) => resolve(event.detail), { once: true }));
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const claims = { customerId: 'c', iat: exp - 3600, exp };
  if (params.get('claim')) claims.environment = params.get('claim');
  el.token = `${base64url('{"alg":"RS512"}')}.${base64url(JSON.stringify(claims))}.c2ln`;
  const error = await failed;
  // The violation report is queued as a task: wait for it (a positive signal) before reporting.
  for (let i = 0; i < 1500 && violations.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  parent.postMessage({ type: 'default-script-result', error, state: el.state, scripts, violations, resources }, location.origin);
}

run().catch((error) => parent.postMessage({ type: 'default-script-result', failure: String(error) }, location.origin));
