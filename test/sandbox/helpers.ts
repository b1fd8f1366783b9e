/**
 * Helpers for the sandbox tests: a sandbox with deterministic options, and small request helpers
 * that go through `sandbox.fetch(new Request(...))`.
 */
import { decodeJwt, type JWK } from 'jose';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/app.ts';
import { DEMO, LOCAL_HOSTS } from '../../sandbox/config.ts';
import { generateSigningKeys } from '../../sandbox/keys.ts';
import type { StepValues, WidgetExecution } from '../../src/schema/api-types.ts';

export { DEMO };
export const BASE = 'http://sandbox.test';

let sharedKey: Promise<JWK> | undefined;

/** One signing key for all sandboxes of a test file (RSA key generation is slow). */
function testKey(): Promise<JWK> {
  sharedKey ??= generateSigningKeys().then((keys) => keys.privateJwk);
  return sharedKey;
}

/** A sandbox with every knob at its quiet default unless given (the environment is ignored). */
export async function startSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const sandbox = createSandbox({
    signingKey: await testKey(),
    key: 'sandbox-key',
    secret: 'sandbox-secret',
    tokenTtlSeconds: 3600,
    latencyMs: 0,
    faultRate: 0,
    dataFile: undefined,
    awaitingSeconds: 5,
    allowedHosts: [...LOCAL_HOSTS, 'sandbox.test'],
    ...options,
  });
  await sandbox.ready;
  return sandbox;
}

export interface Call {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

/** Sends a request; a non-string `body` is sent as JSON. */
export function call(sandbox: Sandbox, path: string, { method = 'GET', body, token, headers = {} }: Call = {}): Promise<Response> {
  const all: Record<string, string> = { ...headers };
  if (token) all.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (typeof body === 'string' || body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    all['content-type'] ??= 'application/json';
  }
  return sandbox.fetch(new Request(`${BASE}${path}`, { method, body: payload, headers: all }));
}

/** Sends a request and returns status and parsed JSON body (null when there is none). */
// The default `any` lets a test read whatever JSON it asserts on; callers that keep a body name its type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function callJson<T = any>(sandbox: Sandbox, path: string, options: Call = {}): Promise<{ status: number; body: T }> {
  const response = await call(sandbox, path, options);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A client-backend access token. */
export async function accessToken(sandbox: Sandbox): Promise<string> {
  const { status, body } = await callJson(sandbox, '/auth/authorize', {
    method: 'POST',
    body: { key: sandbox.options.key, secret: sandbox.options.secret },
  });
  if (status !== 200) throw new Error(`authorize failed: ${status}`);
  return body.accessToken as string;
}

/** A widget token from `POST /token` (v1) for the demo case by default. */
export async function widgetToken(
  sandbox: Sandbox,
  body: Record<string, unknown> = {},
): Promise<string> {
  const { status, body: answer } = await callJson(sandbox, '/token', {
    method: 'POST',
    token: await accessToken(sandbox),
    body: { caseId: DEMO.caseId, workflowDefinitionId: DEMO.individualKycId, ...body },
  });
  if (status !== 201) throw new Error(`token failed: ${status} ${JSON.stringify(answer)}`);
  return answer.token as string;
}

/** A widget token for a brand-new case (so executions never collide between tests). */
export async function freshToken(sandbox: Sandbox, workflowDefinitionId: string = DEMO.individualKycId, extra: Record<string, unknown> = {}): Promise<string> {
  const { body } = await callJson(sandbox, '/cases', {
    method: 'POST',
    token: await accessToken(sandbox),
    body: { firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' },
  });
  return widgetToken(sandbox, { caseId: body.caseId, workflowDefinitionId, ...extra });
}

/** The `executionId` claim of a widget token. */
export function executionIdOf(token: string): string {
  return decodeJwt(token).executionId as string;
}

let keyCounter = 0;

/** Saves a step with a fresh Idempotency-Key (unless one is given). */
export function save(sandbox: Sandbox, token: string, stepId: string, values: StepValues | Record<string, unknown>, key = `key-${++keyCounter}`) {
  return callJson<WidgetExecution & { errors?: Array<{ code: string; field?: string; message: string }> }>(
    sandbox,
    `/widget/execution/steps/${stepId}`,
    { method: 'PUT', token, body: { values }, headers: { 'idempotency-key': key } },
  );
}

/** Uploads a file for a field of a step. */
export function upload(sandbox: Sandbox, token: string, stepId: string, field: string, file: File) {
  const form = new FormData();
  form.set('field', field);
  form.set('file', file);
  return callJson(sandbox, `/widget/execution/steps/${stepId}/files`, { method: 'POST', token, body: form });
}

/** A small PNG-typed file. */
export function png(name = 'front.png', size = 64): File {
  return new File([new Uint8Array(size).fill(7)], name, { type: 'image/png' });
}

/** Valid values of the Individual KYC `personal` step. */
export const PERSONAL: StepValues = {
  firstName: 'Anna',
  lastName: 'Nowak',
  dateOfBirth: '1990-05-17',
  nationality: 'PL',
  email: 'anna.nowak@example.com',
  phone: { countryCode: '+48', number: '600123456' },
  street: 'ul. Prosta 1',
  city: 'Warszawa',
  postalCode: '00-001',
  country: 'PL',
};

