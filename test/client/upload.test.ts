import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/client/errors.js';
import { isAbortError } from '../../src/client/retry.js';
import { WidgetClient, newIdempotencyKey } from '../../src/client/widget-client.js';
import { API_BASE, PERSONAL, bigFile, pngFile, widgetToken } from '../helpers/sandbox.js';
import { xhrUpload } from '../../src/client/upload.js';

/** A client whose execution is on the identity-document step (the first with file fields). */
async function onDocumentStep() {
  const fixture = await widgetToken();
  const client = new WidgetClient({ apiBase: API_BASE, token: fixture.token });
  await client.saveStep('personal', PERSONAL, newIdempotencyKey());
  return { ...fixture, client };
}

describe('WidgetClient uploads and the wire', () => {
  it('uploads a file with progress from 0 to 1 and returns its FileRef', async () => {
    const { client } = await onDocumentStep();
    const progress: number[] = [];
    const ref = await client.upload('identity-document', 'front', bigFile(3 * 1024 * 1024), xhrUpload, { onProgress: (p) => progress.push(p) });
    expect(ref).to.include({ name: 'scan.pdf', size: 3 * 1024 * 1024, type: 'application/pdf' });
    expect(ref.id).to.be.a('string');
    expect(progress[0]).to.equal(0);
    expect(progress[progress.length - 1]).to.equal(1);
    expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= progress[i - 1]!))).to.equal(true);
  });

  it('the uploaded file is accepted as the field value, and can be deleted', async () => {
    const { client } = await onDocumentStep();
    const front = await client.upload('identity-document', 'front', pngFile(), xhrUpload);
    const saved = await client.saveStep('identity-document', { documentType: 'passport', front }, newIdempotencyKey());
    expect(saved.values['identity-document']!.front).to.deep.equal(front);
    const other = await client.upload('identity-document', 'back', pngFile('back.png'), xhrUpload);
    await client.deleteFile(other.id);
    const again = (await client.deleteFile(other.id).catch((e: unknown) => e)) as ApiError;
    expect(again.code).to.equal('not-found');
  });

  it('cancels an upload with its AbortSignal', async () => {
    const { client } = await onDocumentStep();
    const controller = new AbortController();
    const pending = client
      .upload('identity-document', 'front', bigFile(8 * 1024 * 1024), xhrUpload, { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort();
    expect(isAbortError(await pending)).to.equal(true);
  });

  it('reports too large (413) and wrong type (415) as upload-failed with the status', async () => {
    const { client } = await onDocumentStep();
    const large = (await client.upload('identity-document', 'front', bigFile(10 * 1024 * 1024 + 1), xhrUpload).catch((e: unknown) => e)) as ApiError;
    expect(large).to.be.instanceOf(ApiError);
    expect(large).to.include({ code: 'upload-failed', status: 413, recoverable: true });
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    const wrong = (await client.upload('identity-document', 'front', text, xhrUpload).catch((e: unknown) => e)) as ApiError;
    expect(wrong).to.include({ code: 'upload-failed', status: 415 });
  });

  it('sends the token only in the Authorization header, never in a URL', async () => {
    const { client, token } = await onDocumentStep();
    performance.clearResourceTimings();
    await client.getExecution();
    await client.upload('identity-document', 'front', pngFile(), xhrUpload);
    await client.lookupRegistry('0000000000').catch(() => undefined);
    const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(urls.some((url) => url.includes('/tl-api/widget/'))).to.equal(true);
    expect(urls.filter((url) => url.includes(token) || url.includes(token.split('.')[1]!))).to.deep.equal([]);
    // The sandbox answers 401 without the header: a successful call proves it was sent.
    const bare = await fetch(`${API_BASE}/widget/execution`);
    expect(bare.status).to.equal(401);
  });
});
