// Shared by the pages under test/csp/: loads a real workflow from the sandbox into the
// <tl-workflow> of the page, types into it, and reports to the test page (parent frame).

export const violations = [];
export const errors = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample ?? ''}`.trim());
});
window.addEventListener('error', (event) => errors.push(String(event.message)));

async function post(path, body, accessToken) {
  const headers = { 'Content-Type': 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(`/tl-api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return response.json();
}

/** Runs the first demo workflow in `el`; resolves with what the test checks. */
export async function runWorkflow(el) {
  const { accessToken } = await post('/auth/authorize', { key: 'sandbox-key', secret: 'sandbox-secret' });
  const { caseId } = await post('/cases', { firstName: 'Csp', lastName: 'Test', email: 'csp@example.com' }, accessToken);
  const definitions = await (
    await fetch('/tl-api/workflow-definitions', { headers: { Authorization: `Bearer ${accessToken}` } })
  ).json();
  const { token } = await post('/token', { caseId, workflowDefinitionId: definitions[0].id }, accessToken);

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
  return {
    heading: heading ? heading.textContent.trim() : null,
    fields: el.shadowRoot.querySelectorAll('input, select').length,
    trustedTypes: typeof trustedTypes !== 'undefined',
  };
}

/** Sends the result (or the failure) to the test page. */
export function report(work) {
  work
    .then((result) => parent.postMessage({ type: 'csp-result', ...result, violations, errors }, location.origin))
    .catch((error) => parent.postMessage({ type: 'csp-result', error: String(error), violations, errors }, location.origin));
}
