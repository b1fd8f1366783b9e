// Runs inside strict-page.html, under a strict CSP with Trusted Types: loads a real workflow
// from the sandbox into the script-tag build of <tl-workflow> and reports back to the test.
const violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

async function post(path, body, accessToken) {
  const headers = { 'Content-Type': 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(`/tl-api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return response.json();
}

async function run() {
  const { accessToken } = await post('/auth/authorize', { key: 'sandbox-key', secret: 'sandbox-secret' });
  const { caseId } = await post('/cases', { firstName: 'Csp', lastName: 'Test', email: 'csp@example.com' }, accessToken);
  const definitions = await (
    await fetch('/tl-api/workflow-definitions', { headers: { Authorization: `Bearer ${accessToken}` } })
  ).json();
  const { token } = await post('/token', { caseId, workflowDefinitionId: definitions[0].id }, accessToken);

  const el = document.querySelector('tl-workflow');
  const ready = new Promise((resolve) => el.addEventListener('tl-ready', resolve, { once: true }));
  el.apiBase = `${location.origin}/tl-api`;
  el.token = token;
  await ready;
  await el.updateComplete;
  const input = el.shadowRoot.querySelector('input');
  input.value = 'Zoë';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  const heading = el.shadowRoot.querySelector('[data-step-heading]');
  parent.postMessage(
    {
      type: 'csp-result',
      heading: heading ? heading.textContent.trim() : null,
      fields: el.shadowRoot.querySelectorAll('input, select').length,
      trustedTypes: typeof trustedTypes !== 'undefined',
      violations,
    },
    location.origin,
  );
}

run().catch((error) => parent.postMessage({ type: 'csp-result', error: String(error), violations }, location.origin));
