/**
 * The demo page: asks the demo's backend at /demo-api (demo/backend.ts: tl-workflow/server against
 * the sandbox, holding the key and secret) to start a case and for widget tokens, hands them to
 * <tl-workflow>, and shows every tl-* event. No secret and no access token ever reach this page.
 * Everything shown comes in as text (textContent), never as HTML.
 */
import '../src/define.ts';
import { setUpThemePanel } from './theme-panel.js';

const API = `${location.origin}/tl-api`;
const BACKEND = `${location.origin}/demo-api`;
/** The sandbox's replica of TransactionLink's widget script, for the official engine. */
const REPLICA = `${API}/widget/transactionlink-widget.umd.js`;
const EVENTS = ['tl-ready', 'tl-step-change', 'tl-complete', 'tl-cancel', 'tl-error', 'tl-token-expiring', 'tl-token-expired'];

type Kind = 'kyc' | 'kyb';

const widget = document.querySelector('tl-workflow')!;
const statusEl = byId('status');
const logEl = byId('log');
let started = false;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function setStatus(text: string): void {
  statusEl.textContent = text;
}

function currentLang(): string {
  return document.querySelector<HTMLInputElement>('input[name=locale]:checked')?.value ?? 'en';
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

async function start(kind: Kind, ttlSeconds?: number): Promise<void> {
  setStatus('Starting...');
  try {
    const { caseId } = await backend<{ caseId: string }>('/start', { kind, lang: currentLang(), ttlSeconds });
    widget.apiBase = API;
    applyEngine();
    widget.token = await freshToken();
    started = true;
    byId<HTMLButtonElement>('renew').disabled = false;
    setStatus(`Started ${kind === 'kyc' ? 'individual KYC' : 'company KYB'}${ttlSeconds ? `, token valid for ${ttlSeconds} s` : ''}. Case ${caseId}.`);
  } catch (error) {
    setStatus(`Could not start: ${(error as Error).message}`);
  }
}

/** A fresh token for the same case and workflow: the widget resumes where the user was. */
async function renew(): Promise<void> {
  if (!started) return;
  setStatus('Renewing the token...');
  try {
    widget.token = await freshToken();
    setStatus('Token renewed: the widget resumes with the same answers.');
  } catch (error) {
    setStatus(`Could not renew: ${(error as Error).message}`);
  }
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

for (const name of EVENTS) {
  widget.addEventListener(name, (event) => {
    logEvent(event);
    // The recommended pattern: renew before expiry, so the user never sees the session end.
    if (name === 'tl-token-expiring' && byId<HTMLInputElement>('auto-renew').checked) void renew();
  });
}

byId('start-kyc').addEventListener('click', () => void start('kyc'));
byId('start-kyb').addEventListener('click', () => void start('kyb'));
byId('start-short').addEventListener('click', () => void start('kyc', 30));
byId('renew').addEventListener('click', () => void renew());
byId('clear-log').addEventListener('click', () => logEl.replaceChildren());

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=locale]')) {
  radio.addEventListener('change', () => {
    widget.locale = radio.value;
    document.documentElement.lang = radio.value;
    // The widget's own texts follow `locale` (once its language file has loaded); the workflow's texts come from the server in
    // the token's language, so a running demo asks for a token in the new language (the sandbox
    // switches the execution's language) and the widget resumes with it.
    if (started) void renew();
  });
}

/**
 * The engine switch: `native` runs our renderer against the sandbox API; `official` drives
 * TransactionLink's widget, here the sandbox's replica (it frames the same workflow). Switching
 * while a workflow runs hands the same token to the other engine.
 */
function applyEngine(): void {
  const engine = document.querySelector<HTMLInputElement>('input[name=engine]:checked')?.value === 'official' ? 'official' : 'native';
  widget.widgetSrc = REPLICA;
  widget.engine = engine;
}

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=engine]')) {
  radio.addEventListener('change', applyEngine);
}

setUpThemePanel(widget);
