/**
 * What a client's backend does before a page can show `<tl-workflow>`: authorize, create a case,
 * ask for a one-time widget token. The React and Vue demos call the local sandbox for it (mounted at
 * `/tl-api` by their dev servers and by the test runner, run by the static site's service worker). In a real app this runs on YOUR server:
 * the API key and secret never reach a browser.
 */

/**
 * Where the sandbox API is: at `/tl-api` on the page's own origin, or where the page's
 * `<meta name="tl-demo:api">` says, relative to the page (the static site, under a path prefix).
 */
const declared = document.querySelector<HTMLMetaElement>('meta[name="tl-demo:api"]')?.content;
export const API_BASE = declared ? new URL(declared, location.href).href.replace(/\/$/, '') : `${location.origin}/tl-api`;

/** The individual KYC workflow of the sandbox's demo data. */
const INDIVIDUAL_KYC = '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c';

async function post<T>(path: string, body: unknown, accessToken?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function authorize(): Promise<string> {
  return post<{ accessToken: string }>('/auth/authorize', { key: 'sandbox-key', secret: 'sandbox-secret' }).then((r) => r.accessToken);
}

/** Creates a case for a demo end user; returns its id. */
export async function createCase(): Promise<string> {
  const body = { firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' };
  return (await post<{ caseId: string }>('/cases', body, await authorize())).caseId;
}

/** A fresh widget token for the case (the same case resumes the same workflow execution). */
export async function widgetToken(caseId: string): Promise<string> {
  const body = { caseId, workflowDefinitionId: INDIVIDUAL_KYC };
  return (await post<{ token: string }>('/token', body, await authorize())).token;
}
