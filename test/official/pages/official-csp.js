// Runs inside official-csp.html, under the README's CSP for the official engine (Trusted Types
// enforced): the script-tag build drives the sandbox's replica of TransactionLink's widget in the
// element's own frame, the user types inside TransactionLink's frame, and the page reports every CSP
// violation (its own, the element's frame's and TransactionLink's frame's).
const violations = [];
const record = (where) => (event) => violations.push(`${where}: ${event.effectiveDirective} ${event.blockedURI}`);
document.addEventListener('securitypolicyviolation', record('page'));

async function post(path, body, accessToken) {
  const headers = { 'Content-Type': 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(`/tl-api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return response.json();
}

async function until(check) {
  for (let i = 0; i < 2400; i++) {
    const value = check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}

async function run() {
  const { accessToken } = await post('/auth/authorize', { key: 'sandbox-key', secret: 'sandbox-secret' });
  const { caseId } = await post('/cases', { firstName: 'Csp', lastName: 'Official', email: 'csp@example.com' }, accessToken);
  const workflowDefinitionId = '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c';
  const { token } = await post('/token', { caseId, workflowDefinitionId }, accessToken);

  const el = document.querySelector('tl-workflow');
  // The element's frame, watched from the moment it is drawn.
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node.localName === 'iframe') node.contentDocument.addEventListener('securitypolicyviolation', record('element frame'));
  }).observe(el.shadowRoot, { childList: true, subtree: true });
  const ready = new Promise((resolve) => el.addEventListener('tl-ready', resolve, { once: true }));
  el.token = token;
  await ready;
  const realm = el.shadowRoot.querySelector('iframe');
  const frame = realm.contentDocument.querySelector('transactionlink-widget > iframe');
  const inner = await until(() => frame.contentDocument?.querySelector('tl-workflow')?.shadowRoot?.querySelector('input') && frame.contentDocument.querySelector('tl-workflow'));
  frame.contentDocument.addEventListener('securitypolicyviolation', record('frame'));
  const input = inner.shadowRoot.querySelector('input');
  input.value = 'Zoë';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await inner.updateComplete;
  parent.postMessage(
    {
      type: 'official-csp-result',
      state: el.state,
      heading: inner.shadowRoot.querySelector('[data-step-heading]')?.textContent.trim() ?? null,
      realmTrustedTypes: typeof realm.contentWindow.trustedTypes !== 'undefined',
      frameTrustedTypes: typeof frame.contentWindow.trustedTypes !== 'undefined',
      scriptsInPage: document.querySelectorAll('script[src*="transactionlink-widget"]').length,
      violations,
    },
    location.origin,
  );
}

run().catch((error) => parent.postMessage({ type: 'official-csp-result', error: String(error), violations }, location.origin));
