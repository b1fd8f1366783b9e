// The in-page half of `npm run bench` (see bench/run.ts): each measurement of the widget has its
// baseline here, on the same page, against the same sandbox.
const host = document.getElementById('host');
// Bench code waits with these, not with the (counted) page timers of bench/hooks.js.
const nextFrame = () => new Promise((resolve) => window.benchRaw.requestAnimationFrame(resolve));

/** First step, the widget: token set -> first step heading in the DOM (`tl-ready` fires once it is drawn). */
async function widgetFirstStep(apiBase, token) {
  const el = document.createElement('tl-workflow');
  el.apiBase = apiBase;
  host.append(el);
  const ready = new Promise((resolve) => el.addEventListener('tl-ready', resolve, { once: true }));
  const start = performance.now();
  el.token = token;
  await ready;
  const time = performance.now() - start;
  const heading = el.shadowRoot.querySelector('[data-step-heading]');
  if (!heading || !heading.textContent.trim()) throw new Error('no step heading at tl-ready');
  el.remove();
  return time;
}

/** First step, the baseline: the same GET with the same headers, its title written with textContent. */
async function baselineFirstStep(apiBase, token) {
  const start = performance.now();
  const response = await fetch(`${apiBase}/widget/execution`, {
    method: 'GET',
    credentials: 'omit',
    cache: 'no-store',
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
  });
  const execution = await response.json();
  const step = execution.definitions.find((d) => d.id === execution.currentStepId);
  const heading = document.createElement('h2');
  heading.textContent = step.title;
  host.append(heading);
  const time = performance.now() - start;
  heading.remove();
  return time;
}

window.benchFirstStep = (kind, apiBase, token) =>
  kind === 'widget' ? widgetFirstStep(apiBase, token) : baselineFirstStep(apiBase, token);

/** Keystroke set-up: a KYC widget on its first step and a bare <input>, side by side. */
window.benchKeystrokeSetup = async (apiBase, token) => {
  const el = document.createElement('tl-workflow');
  el.apiBase = apiBase;
  const bare = document.createElement('input');
  bare.id = 'bare';
  bare.setAttribute('aria-label', 'bare input');
  host.append(el, bare);
  const ready = new Promise((resolve) => el.addEventListener('tl-ready', resolve, { once: true }));
  el.token = token;
  await ready;
  await el.updateComplete;
};

/**
 * Keystroke: arms a measurement from the next keydown to the next painted frame after it. The
 * widget's update runs in a microtask after the input event; the frame runs its requestAnimationFrame
 * callbacks, then style, layout and paint; a message posted from a requestAnimationFrame callback is
 * delivered in the first task after that frame, so its arrival is the end of the painted frame.
 * Armed before the key is sent; `benchKeystrokeResult` resolves with the time.
 */
window.benchArmKeystroke = () => {
  window.benchKeystrokeResult = new Promise((resolve) => {
    window.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        nextFrame().then(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      { capture: true, once: true },
    );
  });
};
window.benchKeystroke = () => window.benchKeystrokeResult;

/** Idle: `count` widgets on their first step. */
window.benchMount = async (apiBase, tokens) => {
  await Promise.all(
    tokens.map((token) => {
      const el = document.createElement('tl-workflow');
      el.apiBase = apiBase;
      host.append(el);
      const ready = new Promise((resolve) => el.addEventListener('tl-ready', resolve, { once: true }));
      el.token = token;
      return ready;
    }),
  );
  await nextFrame();
  // Settled: the long option lists are completed when the page is first idle after the frame that drew them.
  await new Promise((resolve) => requestIdleCallback(resolve));
  window.benchTimersReset();
};

window.benchUnmountAll = async () => {
  host.replaceChildren();
  await nextFrame();
};
