// Cold load (bench/cold.html, bench/cold-baseline.html): navigation -> first step heading in the DOM,
// in a new browser context. The token and API come from an init script (never the URL).
// Loaded with `defer` on both pages: it must run once <tl-workflow> is parsed (from <head> without
// it, `querySelector` found nothing and the widget page timed the baseline's fetch after the script).
const { benchApiBase: apiBase, benchToken: token } = window;
const done = (heading) => {
  window.benchColdResult = { time: performance.now(), heading };
};
const widget = document.querySelector('tl-workflow');
if (widget) {
  widget.addEventListener('tl-ready', () => done(widget.shadowRoot.querySelector('[data-step-heading]')?.textContent ?? null), { once: true });
  widget.apiBase = apiBase;
  widget.token = token;
} else {
  fetch(`${apiBase}/widget/execution`, {
    credentials: 'omit',
    cache: 'no-store',
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
  })
    .then((response) => response.json())
    .then((execution) => {
      const heading = document.createElement('h2');
      heading.textContent = execution.definitions.find((d) => d.id === execution.currentStepId).title;
      document.querySelector('main').append(heading);
      done(heading.textContent);
    });
}
