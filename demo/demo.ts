/**
 * The demo page: plays the client's backend against the sandbox at /tl-api (authorize, create a
 * case, get a widget token), hands the token to <tl-workflow>, and shows every tl-* event.
 * Everything shown comes in as text (textContent), never as HTML.
 */
import '../src/define.ts';
import { DARK_THEME } from './runner-state-host.js';

const API = `${location.origin}/tl-api`;
const EVENTS = ['tl-ready', 'tl-step-change', 'tl-complete', 'tl-cancel', 'tl-error', 'tl-token-expiring', 'tl-token-expired'];
const FALLBACK_IDS = { kyc: '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c', kyb: '7c1e4a52-2f3d-4b8e-9a61-0d5b6e8f9a10' };

type Kind = keyof typeof FALLBACK_IDS;
interface Session {
  caseId: string;
  workflowDefinitionId: string;
  ttlSeconds?: number;
}

const widget = document.querySelector('tl-workflow')!;
const statusEl = byId('status');
const logEl = byId('log');
let session: Session | null = null;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function setStatus(text: string): void {
  statusEl.textContent = text;
}

/** A JSON request to the sandbox's client-backend API; throws with the server's message on failure. */
async function api<T>(path: string, body: unknown, accessToken?: string, method = 'POST'): Promise<T> {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as T & { errors?: Array<{ message: string }> };
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${data.errors?.[0]?.message ?? ''}`.trim());
  return data;
}

async function authorize(): Promise<string> {
  const { accessToken } = await api<{ accessToken: string }>('/auth/authorize', { key: 'sandbox-key', secret: 'sandbox-secret' });
  return accessToken;
}

/** The workflow definition id for a kind, from GET /workflow-definitions (by name), else the known sandbox ids. */
async function definitionId(kind: Kind, accessToken: string): Promise<string> {
  try {
    const list = await api<Array<{ id: string; name: string }>>('/workflow-definitions', undefined, accessToken, 'GET');
    const found = list.find((d) => (kind === 'kyc' ? /individual/i : /company/i).test(d.name));
    if (found) return found.id;
  } catch {
    /* fall back to the ids in sandbox/workflows/*.json */
  }
  return FALLBACK_IDS[kind];
}

async function requestToken(s: Session, accessToken: string): Promise<string> {
  const lang = (document.querySelector<HTMLInputElement>('input[name=locale]:checked')?.value ?? 'en');
  const body: Record<string, unknown> = { caseId: s.caseId, workflowDefinitionId: s.workflowDefinitionId, lang };
  if (s.ttlSeconds) body.ttlSeconds = s.ttlSeconds;
  const { token } = await api<{ token: string }>('/token', body, accessToken);
  return token;
}

async function start(kind: Kind, ttlSeconds?: number): Promise<void> {
  setStatus('Starting...');
  try {
    const accessToken = await authorize();
    const caseBody =
      kind === 'kyc'
        ? { firstName: 'Anna', lastName: 'Kowalska', email: 'anna@example.com', phone: { countryCode: '+48', number: '600000000' } }
        : { companyName: 'Acme Sp. z o.o.', email: 'office@example.com' };
    const { caseId } = await api<{ caseId: string }>('/cases', caseBody, accessToken);
    session = { caseId, workflowDefinitionId: await definitionId(kind, accessToken), ttlSeconds };
    const token = await requestToken(session, accessToken);
    widget.apiBase = API;
    widget.token = token;
    byId<HTMLButtonElement>('renew').disabled = false;
    setStatus(`Started ${kind === 'kyc' ? 'individual KYC' : 'company KYB'}${ttlSeconds ? `, token valid for ${ttlSeconds} s` : ''}. Case ${caseId}.`);
  } catch (error) {
    setStatus(`Could not start: ${(error as Error).message}`);
  }
}

/** A fresh token for the same case and workflow: the widget resumes where the user was. */
async function renew(): Promise<void> {
  if (!session) return;
  setStatus('Renewing the token...');
  try {
    const token = await requestToken(session, await authorize());
    widget.token = token;
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
    if (name === 'tl-token-expired' && byId<HTMLInputElement>('auto-renew').checked) void renew();
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
    // The widget's own texts follow `locale` at once; the workflow's texts come from the server in
    // the token's language, so a running demo asks for a token in the new language (the sandbox
    // switches the execution's language) and the widget resumes with it.
    if (session) void renew();
  });
}

// Theme: --tl-* custom properties on the element only (never on :root).
const accent = byId<HTMLInputElement>('accent');
const radius = byId<HTMLInputElement>('radius');
const dark = byId<HTMLInputElement>('dark');

function applyTheme(): void {
  const style = widget.style;
  for (const [prop, value] of Object.entries(DARK_THEME)) {
    if (dark.checked) style.setProperty(prop, value);
    else style.removeProperty(prop);
  }
  // A custom accent wins over the dark palette's; the default one follows the mode.
  if (!dark.checked || accent.value !== '#1d4ed8') style.setProperty('--tl-color-accent', accent.value);
  style.setProperty('--tl-radius', `${radius.value}px`);
  byId('radius-value').textContent = `${radius.value}px`;
  document.body.classList.toggle('dark', dark.checked);
}

accent.addEventListener('input', applyTheme);
radius.addEventListener('input', applyTheme);
dark.addEventListener('change', applyTheme);
byId('reset-theme').addEventListener('click', () => {
  accent.value = '#1d4ed8';
  radius.value = '6';
  dark.checked = false;
  applyTheme();
  for (const prop of ['--tl-color-accent', '--tl-radius']) widget.style.removeProperty(prop);
});
