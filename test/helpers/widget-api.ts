/**
 * The widget API over plain `fetch`, for tests that need an execution on a given step without
 * driving the widget there (and without importing the widget's own client: the tests of built
 * files use the build under test and nothing else from `src/`).
 */
import type { FileRef, StepValues } from '../../src/schema/api-types.js';
import { API_BASE, PERSONAL, pngFile } from './sandbox.js';

/** Saves steps and uploads files with a widget token, as the widget does. */
export class TestWidgetApi {
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  async saveStep(stepId: string, values: StepValues, key = crypto.randomUUID()): Promise<{ currentStepId: string | null }> {
    return this.#json(`/widget/execution/steps/${encodeURIComponent(stepId)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ values }),
    });
  }

  async upload(stepId: string, field: string, file: File): Promise<FileRef> {
    const body = new FormData();
    body.set('field', field);
    body.set('file', file);
    return this.#json(`/widget/execution/steps/${encodeURIComponent(stepId)}/files`, { method: 'POST', body });
  }

  async #json<T>(path: string, init: RequestInit): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${this.#token}`);
    const response = await fetch(`${API_BASE}${path}`, { ...init, headers, credentials: 'omit' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** Saves the individual KYC steps before `bank`: the execution is then on its bank step. */
export async function individualToBank(token: string): Promise<void> {
  const api = new TestWidgetApi(token);
  await api.saveStep('personal', PERSONAL);
  const front = await api.upload('identity-document', 'front', pngFile());
  await api.saveStep('identity-document', { documentType: 'passport', front });
  const document = await api.upload('proof-of-address', 'document', pngFile('bill.png'));
  const { currentStepId } = await api.saveStep('proof-of-address', { document });
  if (currentStepId !== 'bank') throw new Error(`expected the bank step next, the execution is on ${currentStepId}`);
}
