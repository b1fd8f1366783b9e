/**
 * The demo page: starts <tl-workflow> with a token from the demo's backend (demo/backend.ts:
 * tl-workflow/server against the sandbox, holding the key and secret), or with a token pasted in,
 * and shows every tl-* event, with a status line that follows the widget. No secret and no access
 * token ever reach this page; the widget token lives only in the element (never in the address,
 * storage or a log). A reload resumes the workflow started with the backend: this tab's
 * sessionStorage remembers which one (never the token), the backend's session has the case.
 * Everything shown comes in as text (textContent), never as HTML.
 */
import '../src/define.ts';
import { jwtDecode } from 'jwt-decode';
import { setUpThemePanel } from './theme-panel.js';
import { EVENT_NAMES, widgetStatus, type StartedBy } from './widget-status.js';

/** An endpoint the page names in a `<meta>` (resolved against the page: a static host may move it). */
function endpoint(name: string): string {
  const path = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
  return new URL(path, location.href).href.replace(/\/$/, '');
}

const API = endpoint('tl-demo:api');
const BACKEND = endpoint('tl-demo:backend');
/** The sandbox's replica of TransactionLink's widget script, for the official engine. */
const REPLICA = `${API}/widget/transactionlink-widget.umd.js`;
const LABELS = { kyc: 'individual KYC', kyb: 'company KYB' } as const;
/** This tab's sessionStorage key for the workflow started with the backend: `{kind, engine}`, never a token. */
const STARTED = 'tl-demo:started';

type Kind = keyof typeof LABELS;
type Engine = 'native' | 'official';

const widget = document.querySelector('tl-workflow')!;
const statusEl = byId('status');
const logEl = byId('log');
const tokenField = byId<HTMLTextAreaElement>('pasted-token');
const apiBaseField = byId<HTMLInputElement>('api-base');
let startedBy: StartedBy | null = null;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function setStatus(text: string): void {
  statusEl.textContent = text;
}

function currentLang(): string {
  return document.querySelector<HTMLInputElement>('input[name=locale]:checked')?.value ?? 'en';
}

function currentEngine(): Engine {
  return document.querySelector<HTMLInputElement>('input[name=engine]:checked')?.value === 'official' ? 'official' : 'native';
}

/** A JSON POST to the demo's backend; throws with its message on failure. */
async function backend<T>(path: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${BACKEND}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as T & { errors?: Array<{ message: string }> };
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${data.errors?.[0]?.message ?? ''}`.trim());
  return data;
}

/** A fresh widget token for this browser's case, from the backend's widgetTokenHandler. */
async function freshToken(): Promise<string> {
  const { token } = await backend<{ token: string }>('/token', { lang: currentLang() });
  return token;
}

/** Hands `token` to the widget, on the engine chosen, against `apiBase`. */
function run(token: string, apiBase: string, by: StartedBy): void {
  startedBy = by;
  widget.apiBase = apiBase;
  applyEngine();
  widget.token = token;
  byId<HTMLButtonElement>('renew').disabled = by !== 'backend';
}

/** Remembers, for a reload of this tab, the workflow started with the backend (`null`: none). */
function remember(kind: Kind | null): void {
  if (kind) sessionStorage.setItem(STARTED, JSON.stringify({ kind, engine: currentEngine() }));
  else sessionStorage.removeItem(STARTED);
}

/** What this tab started before a reload, if anything. */
function remembered(): { kind: Kind; engine: Engine } | null {
  try {
    const { kind, engine } = JSON.parse(sessionStorage.getItem(STARTED) ?? 'null') as { kind?: unknown; engine?: unknown };
    if ((kind === 'kyc' || kind === 'kyb') && (engine === 'native' || engine === 'official')) return { kind, engine };
  } catch {
    // Nothing, or not ours.
  }
  return null;
}

async function start(kind: Kind, ttlSeconds?: number): Promise<void> {
  setStatus(`Starting ${LABELS[kind]}...`);
  try {
    await backend<{ caseId: string }>('/start', { kind, lang: currentLang(), ttlSeconds });
    run(await freshToken(), API, 'backend');
    remember(kind);
    setStatus(`Loading ${LABELS[kind]}${ttlSeconds ? `, with a token valid for ${ttlSeconds} s` : ''}...`);
  } catch (error) {
    setStatus(`Could not start: ${(error as Error).message}`);
  }
}

/** After a reload: the workflow this tab started, from the backend's session, on the step the user was on. */
async function resume(): Promise<void> {
  const started = remembered();
  if (!started) return;
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=engine]')) radio.checked = radio.value === started.engine;
  setStatus(`Resuming ${LABELS[started.kind]}...`);
  try {
    run(await freshToken(), API, 'backend');
  } catch (error) {
    remember(null);
    setStatus(`Could not resume: ${(error as Error).message}`);
  }
}

/** A fresh token for the same case and workflow: the widget resumes where the user was. */
async function renew(): Promise<void> {
  if (startedBy !== 'backend') return;
  setStatus('Renewing the token...');
  try {
    widget.token = await freshToken();
    setStatus('Token renewed: the widget resumes with the same answers.');
  } catch (error) {
    setStatus(`Could not renew: ${(error as Error).message}`);
  }
}

/** Shows `message` at a field of the paste form (or clears it), the field's text kept. */
function fieldError(field: HTMLInputElement | HTMLTextAreaElement, errorId: string, message: string): void {
  byId(errorId).textContent = message;
  if (message) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
  if (message) field.focus();
}

/** The token as pasted, without what often comes with it: `Bearer `, quotes, line breaks. */
function cleanToken(text: string): string {
  return text.replace(/^\s*(Bearer\s+)?["']?/i, '').replace(/["']?\s*$/, '').replace(/\s+/g, '');
}

/** Starts the widget with the pasted token, or says what is wrong with the input (and keeps it). */
function startPasted(): void {
  const token = cleanToken(tokenField.value);
  let tokenProblem = token ? '' : 'Paste a widget token first.';
  if (token) {
    try {
      if (typeof jwtDecode<{ exp?: unknown }>(token).exp !== 'number') tokenProblem = 'This token has no expiry (exp): it is not a widget token.';
    } catch {
      tokenProblem = 'This is not a widget token: a token is a JWT, three parts separated by dots.';
    }
  }
  let apiBase = '';
  let apiProblem = '';
  try {
    const url = new URL(apiBaseField.value.trim(), location.href);
    if (url.protocol === 'http:' || url.protocol === 'https:') apiBase = url.href.replace(/\/$/, '');
    else apiProblem = 'Enter an http or https address.';
  } catch {
    apiProblem = 'Enter the address of the API, for example https://api.example.com/widget-api.';
  }
  if (currentEngine() === 'official') apiProblem = '';
  fieldError(apiBaseField, 'api-base-error', apiProblem);
  fieldError(tokenField, 'token-error', tokenProblem);
  if (tokenProblem || apiProblem) return;
  run(token, apiBase, 'pasted');
  remember(null);
  tokenField.value = '';
  setStatus('Loading the pasted token\'s workflow...');
}

function logEvent(event: Event): void {
  const item = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = event.type;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  const detail = document.createElement('pre');
  detail.textContent = JSON.stringify((event as CustomEvent).detail, null, 2);
  item.append(name, ' ', time, detail);
  logEl.prepend(item);
}

for (const name of EVENT_NAMES) {
  widget.addEventListener(name, (event) => {
    logEvent(event);
    let status = widgetStatus(name, event.detail, startedBy ?? 'backend');
    if (name === 'tl-ready' && widget.engine === 'official') status += ' TransactionLink\'s widget reports no steps.';
    setStatus(status);
    // A workflow that ended is not resumed by a reload.
    if (name === 'tl-complete' || name === 'tl-cancel') remember(null);
    // The recommended pattern: renew before expiry, so the user never sees the session end.
    if (name === 'tl-token-expiring' && byId<HTMLInputElement>('auto-renew').checked) void renew();
  });
}

byId('start-kyc').addEventListener('click', () => void start('kyc'));
byId('start-kyb').addEventListener('click', () => void start('kyb'));
byId('start-short').addEventListener('click', () => void start('kyc', 30));
byId('renew').addEventListener('click', () => void renew());
byId('clear-log').addEventListener('click', () => logEl.replaceChildren());
byId('paste-form').addEventListener('submit', (event) => {
  event.preventDefault();
  startPasted();
});

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=locale]')) {
  radio.addEventListener('change', () => {
    widget.locale = radio.value;
    document.documentElement.lang = radio.value;
    // The widget's own texts follow `locale` (once its language file has loaded); the workflow's texts come from the server in
    // the token's language, so a running demo asks for a token in the new language (the sandbox
    // switches the execution's language) and the widget resumes with it.
    void renew();
  });
}

/**
 * The engine switch: `native` runs our renderer against the API base; `official` drives
 * TransactionLink's widget, here the sandbox's replica (it frames the same workflow). Switching
 * while a workflow runs hands the same token to the other engine.
 */
function applyEngine(): void {
  const engine = currentEngine();
  byId('api-base-field').hidden = engine === 'official';
  widget.widgetSrc = REPLICA;
  widget.engine = engine;
  const started = remembered();
  if (started && startedBy === 'backend') remember(started.kind);
}

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=engine]')) {
  radio.addEventListener('change', applyEngine);
}

apiBaseField.value = API;
byId('api-base-field').hidden = currentEngine() === 'official';
setUpThemePanel(widget);
void resume();
