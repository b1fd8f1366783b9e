// The script-tag page of the static site: the demo's backend starts a case (its session is this
// browser's), then the element fetches its own tokens from the backend's widgetTokenHandler
// (`token-endpoint`). Loaded by ../boot.js once the sandbox runs in this browser.
const backend = new URL('../demo-api/', location.href);
const widget = document.getElementById('widget');
const events = document.getElementById('events');
const start = document.getElementById('start');

for (const name of ['tl-ready', 'tl-step-change', 'tl-complete', 'tl-cancel', 'tl-error', 'tl-token-expiring', 'tl-token-expired']) {
  widget.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${name} ${JSON.stringify(event.detail)}`;
    events.append(item);
  });
}

start.addEventListener('click', async () => {
  start.disabled = true;
  const response = await fetch(new URL('start', backend), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind":"kyc"}' });
  if (!response.ok) {
    start.textContent = `Could not start (HTTP ${response.status}): try again`;
    start.disabled = false;
    return;
  }
  widget.apiBase = new URL('../tl-api', location.href).href;
  widget.tokenEndpoint = new URL('token', backend).href;
  widget.hidden = false;
});
start.disabled = false;
