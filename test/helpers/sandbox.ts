/**
 * Talking to the real sandbox (mounted by web-test-runner at `/tl-api`, same origin) the way a
 * client backend does: authorize, create a case, ask for a widget token. Plus the sandbox-only
 * test endpoints: fault injection and the save audit.
 */

import { xhrUpload } from '../../src/client/upload.js';
import type { StepValues } from '../../src/schema/api-types.js';

/** Base URL of the sandbox API in browser tests. */
export const API_BASE = `${location.origin}/tl-api`;

/** Workflow definition ids of the sandbox's demo data (see sandbox/config.ts `DEMO`). */
export const WORKFLOWS = {
  individualKyc: '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c',
  companyKyb: '7c1e4a52-2f3d-4b8e-9a61-0d5b6e8f9a10',
} as const;

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function post<T>(path: string, body: unknown, accessToken?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  return json<T>(await fetch(`${API_BASE}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
}

let access: Promise<string> | undefined;

/** A client-backend access token (`POST /auth/authorize`), cached for the test run. */
export function accessToken(): Promise<string> {
  access ??= post<{ accessToken: string }>('/auth/authorize', { key: 'sandbox-key', secret: 'sandbox-secret' }).then(
    (r) => r.accessToken,
  );
  return access;
}

/** Creates a case (`POST /cases`) and returns its id. */
export async function createCase(data: Record<string, unknown> = {}): Promise<string> {
  const body = { firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com', ...data };
  const created = await post<{ caseId: string }>('/cases', body, await accessToken());
  return created.caseId;
}

/** What `widgetToken` returns. */
export interface WidgetTokenFixture {
  token: string;
  caseId: string;
  workflowDefinitionId: string;
  /** The execution the token is bound to (the sandbox's `executionId` claim). */
  executionId: string;
}

/** Options of `widgetToken`. */
export interface WidgetTokenOptions {
  /** Reuse a case: a second token for the same case and workflow runs the SAME execution. */
  caseId?: string;
  workflowDefinitionId?: string;
  ttlSeconds?: number;
  lang?: string;
}

/** Decodes the payload of a JWT (no verification). */
export function tokenClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** A fresh widget token (`POST /token`), for a new case unless `caseId` is given. */
export async function widgetToken(options: WidgetTokenOptions = {}): Promise<WidgetTokenFixture> {
  const caseId = options.caseId ?? (await createCase());
  const workflowDefinitionId = options.workflowDefinitionId ?? WORKFLOWS.individualKyc;
  const body: Record<string, unknown> = { caseId, workflowDefinitionId };
  if (options.ttlSeconds !== undefined) body.ttlSeconds = options.ttlSeconds;
  if (options.lang !== undefined) body.lang = options.lang;
  const { token } = await post<{ token: string }>('/token', body, await accessToken());
  return { token, caseId, workflowDefinitionId, executionId: String(tokenClaims(token).executionId) };
}

/** A sandbox fault: the next `count` widget requests matching `method` and `pathContains` get `status`. */
export interface FaultSpec {
  method?: string;
  pathContains?: string;
  status: number;
  count?: number;
  code?: string;
}

/** Queues a fault (`POST /sandbox/faults`). */
export async function injectFault(fault: FaultSpec): Promise<void> {
  await post<unknown>('/sandbox/faults', fault);
}

/** Drops every queued fault (`DELETE /sandbox/faults`). */
export async function clearFaults(): Promise<void> {
  await fetch(`${API_BASE}/sandbox/faults`, { method: 'DELETE' });
}

/** How often each step of an execution was really saved (idempotent replays not counted). */
export async function audit(executionId: string): Promise<{ saves: Record<string, number>; status: string }> {
  return json(await fetch(`${API_BASE}/sandbox/audit/${encodeURIComponent(executionId)}`));
}

/** A small valid PNG (1x1 pixel) as a `File`. */
export function pngFile(name = 'front.png'): File {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  return new File([bytes], name, { type: 'image/png' });
}

/** A file of `size` bytes of the given type (for progress and size-limit tests). */
export function bigFile(size: number, name = 'scan.pdf', type = 'application/pdf'): File {
  return new File([new Uint8Array(size)], name, { type });
}

/** Valid values of the individual KYC workflow's first step. */
export const PERSONAL: StepValues = {
  firstName: 'Anna',
  lastName: 'Nowak',
  dateOfBirth: '1990-05-17',
  nationality: 'PL',
  email: 'anna@example.com',
  phone: { countryCode: '+48', number: '600100200' },
  street: 'Marszałkowska 1',
  city: 'Warszawa',
  postalCode: '00-001',
  country: 'PL',
};

/** Anything with the client's save and upload methods (a `WidgetClient`). */
interface Saver {
  saveStep(stepId: string, values: StepValues, key: string): Promise<{ currentStepId: string | null }>;
  upload(stepId: string, field: string, file: File, send: typeof xhrUpload): Promise<StepValues[string]>;
}

const key = (): string => crypto.randomUUID();

/** Saves every step of the individual KYC workflow before `review` (the execution is then on `review`). */
export async function individualToReview(client: Saver): Promise<void> {
  await client.saveStep('personal', PERSONAL, key());
  const front = await client.upload('identity-document', 'front', pngFile(), xhrUpload);
  await client.saveStep('identity-document', { documentType: 'passport', front }, key());
  const document = await client.upload('proof-of-address', 'document', pngFile('bill.png'), xhrUpload);
  await client.saveStep('proof-of-address', { document }, key());
  await client.saveStep('bank', { bankId: 'pl-pko', consent: true, username: 'anna', password: 'secret' }, key());
  await client.saveStep('consents', { terms: true, privacy: true, marketing: false }, key());
}

/** Saves every step of the company KYB workflow before `review` (submitting it leads to AWAITING). */
export async function companyToReview(client: Saver): Promise<void> {
  await client.saveStep('company-lookup', { registryNumber: '0000123456' }, key());
  await client.saveStep(
    'company',
    {
      companyName: 'Acme Sp. z o.o.', registryNumber: '0000123456', legalForm: 'LLC', incorporationDate: '2012-03-14',
      country: 'PL', street: 'ul. Marszałkowska 1', city: 'Warszawa', postalCode: '00-001',
    },
    key(),
  );
  const owner = { firstName: 'Jan', lastName: 'Kowalski', dateOfBirth: '1970-01-01', nationality: 'PL', ownershipPercent: 60 };
  await client.saveStep('owners', { owners: [owner] }, key());
  const registryExtract = await client.upload('documents', 'registryExtract', pngFile('extract.png'), xhrUpload);
  await client.saveStep('documents', { registryExtract }, key());
  await client.saveStep('consents', { terms: true, privacy: true, authorised: true }, key());
}
