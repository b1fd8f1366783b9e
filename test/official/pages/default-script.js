// Runs inside default-script.html: a <tl-workflow> with a token and no engine / api-base (and,
// with ?environment=sandbox, environment="sandbox"). The page's CSP blocks TransactionLink's hosts,
// so every request the element makes to them shows up as a violation naming the exact URL.
const violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
});
const scripts = [];
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node.localName === 'script') scripts.push(node.src);
}).observe(document.head, { childList: true });

function base64url(text) {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function run() {
  const environment = new URLSearchParams(location.search).get('environment');
  const el = document.createElement('tl-workflow');
  if (environment) el.setAttribute('environment', environment);
  document.querySelector('main').append(el);
  const failed = new Promise((resolve) => el.addEventListener('tl-error', (event) => resolve(event.detail), { once: true }));
  const exp = Math.floor(Date.now() / 1000) + 3600;
  el.token = `${base64url('{"alg":"RS512"}')}.${base64url(JSON.stringify({ customerId: 'c', iat: exp - 3600, exp }))}.c2ln`;
  const error = await failed;
  // The violation report is queued as a task: wait for it (a positive signal) before reporting.
  for (let i = 0; i < 100 && violations.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  parent.postMessage(
    {
      type: 'default-script-result',
      error,
      state: el.state,
      scripts,
      violations,
      resources: performance.getEntriesByType('resource').map((entry) => entry.name),
    },
    location.origin,
  );
}

run().catch((error) => parent.postMessage({ type: 'default-script-result', failure: String(error) }, location.origin));
