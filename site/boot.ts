/**
 * What every page of the static site (dist-site/, scripts/build-site.ts) loads first. It registers
 * the site's service worker (worker/sw.ts: the sandbox and the demo's backend, in this browser) and
 * waits until the worker controls the page; then it loads the page's app, named by
 * `<script type="module" src=".../boot.js" data-app="./app.js">` (the demo page's entry awaits
 * `sandboxReady` itself). It adds the site's bar: its pages, what runs where, and "Reset sandbox".
 * Nothing inline, no innerHTML: it runs under the pages' strict CSP with Trusted Types.
 */

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}

/** The site's root (where sw.js is), named by each page relative to itself. */
const ROOT = new URL(document.querySelector<HTMLMetaElement>('meta[name="tl-site:root"]')?.content ?? './', location.href);
const WORKER = new URL('sw.js', ROOT).href;
/** The site's pages, relative to its root. */
const PAGES: Array<[path: string, label: string]> = [
  ['', 'Demo'],
  ['gallery.html', 'Theme studio'],
  ['react/', 'React'],
  ['vue/', 'Vue'],
  ['script-tag/', 'Script tag'],
];

/** The worker's URL as the `register()` sink wants it under `require-trusted-types-for 'script'`: the site's `tl-site` policy, for this one URL. */
function workerUrl(): string {
  const trustedTypes = (window as Window & { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!trustedTypes) return WORKER;
  const policy = trustedTypes.createPolicy('tl-site', {
    createScriptURL: (url) => {
      if (url !== WORKER) throw new TypeError(`Not the site's service worker: ${url}`);
      return url;
    },
  });
  // A TrustedScriptURL is what the sink takes; TypeScript's DOM types call it a string.
  return policy.createScriptURL(WORKER) as string;
}

/** Registers the worker and resolves once it controls this page. */
async function startSandbox(): Promise<void> {
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (!container) throw new Error('this browser gives this page no service worker (a private window, or a page not on https or localhost)');
  await container.register(workerUrl(), { scope: ROOT.href });
  if (container.controller) return;
  await new Promise<void>((resolve) => {
    container.addEventListener('controllerchange', () => resolve(), { once: true });
    // A page loaded past the worker (a hard reload) is taken over when it asks.
    void container.ready.then((registration) => registration.active?.postMessage({ type: 'tl-site:claim' }));
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The site's bar: its pages, the sandbox's state, "Reset sandbox". */
function addBar(): { status: HTMLElement; reset: HTMLButtonElement } {
  const bar = element('aside', '', 'site-bar');
  bar.setAttribute('aria-label', 'About this site');
  const nav = element('nav');
  nav.setAttribute('aria-label', 'Site');
  const list = element('ul');
  for (const [path, label] of PAGES) {
    const link = element('a', label);
    link.href = new URL(path, ROOT).href;
    if (new URL(link.href).pathname === location.pathname || new URL(link.href).pathname === location.pathname.replace(/index\.html$/, '')) {
      link.setAttribute('aria-current', 'page');
    }
    const item = element('li');
    item.append(link);
    list.append(item);
  }
  nav.append(list);
  const status = element('p', 'Starting the sandbox in this browser...', 'site-bar__status');
  status.id = 'site-status';
  status.setAttribute('role', 'status');
  const reset = element('button', 'Reset sandbox');
  reset.type = 'button';
  reset.id = 'site-reset';
  reset.disabled = true;
  bar.append(nav, status, reset);
  document.body.prepend(bar);
  return { status, reset };
}

const { status, reset } = addBar();

/** Resolves once the sandbox runs in this browser and answers this page's requests. */
export const sandboxReady: Promise<void> = startSandbox();

sandboxReady.then(
  () => {
    status.textContent = 'The sandbox runs in this browser: a service worker, its state in IndexedDB.';
    reset.disabled = false;
  },
  (error: unknown) => {
    status.textContent = `The sandbox could not start: ${(error as Error).message}.`;
  },
);

// Everything the sandbox and the demo's backend keep, gone; this tab forgets what it started; the page starts over.
reset.addEventListener('click', () => {
  reset.disabled = true;
  status.textContent = 'Resetting the sandbox...';
  fetch(new URL('site-sandbox/reset', ROOT), { method: 'POST' })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      sessionStorage.clear();
      location.reload();
    })
    .catch((error: unknown) => {
      status.textContent = `The sandbox could not be reset: ${(error as Error).message}.`;
      reset.disabled = false;
    });
});

for (const script of document.querySelectorAll<HTMLScriptElement>('script[data-app]')) {
  const app = new URL(script.dataset.app!, location.href).href;
  void sandboxReady.then(() => import(/* @vite-ignore */ app));
}
