// The integrator's page: a token from our backend on start and whenever the element asks for a
// fresh one; on completion, it waits for our backend to confirm it (a verified webhook).
const el = document.querySelector('tl-workflow');
const status = document.querySelector('#status');
const show = (text) => (status.textContent = text);

async function freshToken() {
  const response = await fetch('/api/tl-token', { method: 'POST' });
  if (!response.ok) throw new Error(`token: HTTP ${response.status}`);
  return (await response.json()).token;
}

document.querySelector('#start').addEventListener('click', async () => {
  await fetch('/api/session', { method: 'POST' });
  el.token = await freshToken();
  show('Verification started.');
});

el.addEventListener('tl-token-expiring', async () => {
  el.token = await freshToken();
  show('Session renewed.');
});
el.addEventListener('tl-token-expired', () => show('Your session expired.'));
el.addEventListener('tl-error', (e) => show(`Something went wrong (${e.detail.code}).`));
el.addEventListener('tl-cancel', () => show('You left the verification.'));
el.addEventListener('tl-complete', async (e) => {
  show(`Thank you! Status: ${e.detail.status}. Waiting for confirmation...`);
  for (;;) {
    const workflow = await (await fetch(`/api/workflows/${e.detail.workflowId}`)).json();
    if (workflow.verified === 'COMPLETED') return show('Verified by our backend: COMPLETED.');
    if (workflow.verified) show(`Our backend heard: ${workflow.verified}. Waiting for confirmation...`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});
