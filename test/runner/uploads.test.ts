import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until } from '../helpers/until.js';
import type { FileRef } from '../../src/schema/api-types.js';
import { WidgetClient, newIdempotencyKey } from '../../src/client/widget-client.js';
import { API_BASE, PERSONAL, WORKFLOWS, audit, bigFile, clearFaults, injectFault, pngFile, widgetToken } from '../helpers/sandbox.js';
import './runner-host.js';
import type { RunnerTestHost } from './runner-host.js';

/** A runner on the identity-document step (the personal step saved through the client). */
async function onDocumentStep() {
  const fixtureToken = await widgetToken();
  await new WidgetClient({ apiBase: API_BASE, token: fixtureToken.token }).saveStep('personal', PERSONAL, newIdempotencyKey());
  const el = await fixture<RunnerTestHost>(html`<runner-test-host></runner-test-host>`);
  const ready = oneEvent(el, 'tl-ready');
  el.controller.setToken(fixtureToken.token, API_BASE);
  await ready;
  expect(el.controller.view.step?.id).to.equal('identity-document');
  return { el, c: el.controller, ...fixtureToken };
}

async function blobAlive(url: string): Promise<boolean> {
  return fetch(url).then(
    () => true,
    () => false,
  );
}

describe('WorkflowController: uploads', () => {
  it('uploads with progress and a preview; the FileRef becomes the value and the step saves', async () => {
    const { el, c, executionId } = await onDocumentStep();
    c.actions.upload('front', pngFile());
    expect(c.view.uploads.front).to.include({ name: 'front.png', status: 'uploading' });
    const preview = c.view.uploads.front!.previewUrl!;
    expect(preview).to.match(/^blob:/);
    await until(() => c.view.uploads.front?.status === 'done', 'upload not done');
    expect(c.view.uploads.front!.progress).to.equal(1);
    const ref = c.view.values.front as FileRef;
    expect(ref).to.include({ name: 'front.png', type: 'image/png' });
    c.actions.setValue('documentType', 'passport');
    const change = oneEvent(el, 'tl-step-change');
    c.actions.submit();
    await change;
    expect((await audit(executionId)).saves['identity-document']).to.equal(1);
  });

  it('refuses a submit while a file is still uploading', async () => {
    const { c, executionId } = await onDocumentStep();
    c.actions.setValue('documentType', 'passport');
    c.actions.upload('front', bigFile(6 * 1024 * 1024));
    c.actions.submit();
    expect(c.view.fieldErrors.front).to.equal('Wait until the file has finished uploading.');
    expect(c.view.busy).to.equal(false);
    c.actions.cancelUpload('front');
    expect(c.view.uploads.front).to.equal(undefined);
    expect((await audit(executionId)).saves['identity-document']).to.equal(undefined);
  });

  it('refuses a too large file without sending it', async () => {
    const { c } = await onDocumentStep();
    performance.clearResourceTimings();
    c.actions.upload('front', bigFile(10 * 1024 * 1024 + 1));
    expect(c.view.uploads.front).to.include({ status: 'failed', error: 'The file is too large (maximum 10 MB).' });
    // First the positive signal: a file of the right size is sent, and its request is seen.
    c.actions.upload('front', pngFile());
    await until(() => c.view.uploads.front?.status === 'done', 'the next upload');
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('/files'))).to.have.length(1);
  });

  it('a file refused by type fires one upload-failed tl-error, says why in the current language, and sends nothing', async () => {
    const { el, c } = await onDocumentStep();
    performance.clearResourceTimings();
    const error = oneEvent(el, 'tl-error');
    c.actions.upload('front', new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
    const { detail } = await error;
    expect(detail).to.include({ code: 'upload-failed', recoverable: true });
    expect(detail.message).not.to.contain('setup.exe');
    expect(c.view.uploads.front).to.include({ status: 'failed', error: 'This type of file is not accepted.' });
    el.locale = 'de';
    expect(c.view.uploads.front!.error).to.equal('Dieser Dateityp wird nicht akzeptiert.');
    expect(el.events.filter((e) => e.name === 'tl-error')).to.have.length(1);
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('/files'))).to.have.length(0);
  });

  it('removing a file clears the value and revokes its preview', async () => {
    const { c } = await onDocumentStep();
    c.actions.upload('front', pngFile());
    await until(() => c.view.uploads.front?.status === 'done', 'upload not done');
    const preview = c.view.uploads.front!.previewUrl!;
    expect(await blobAlive(preview)).to.equal(true);
    c.actions.removeFile('front');
    expect(c.view.uploads.front).to.equal(undefined);
    expect(c.view.values.front).to.equal(null);
    expect(await blobAlive(preview)).to.equal(false);
  });

  it('an upload waiting to be sent again after a 503 leaves no timer behind when the host is removed', async () => {
    const { el, c } = await onDocumentStep();
    // The page's timers of 0.3 to 10 s from here on: the runner's wait before sending again (500 ms
    // after a first failure; an upload's own 20 s deadline is not one of them).
    const pending = new Set<number>();
    const { setTimeout: realSet, clearTimeout: realClear } = window;
    window.setTimeout = ((handler: () => void, ms?: number) => {
      const id: number = realSet(() => {
        pending.delete(id);
        handler();
      }, ms);
      if (ms !== undefined && ms >= 300 && ms <= 10_000) pending.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      realClear(id);
    }) as typeof window.clearTimeout;
    try {
      await injectFault({ method: 'POST', pathContains: '/files', status: 503, count: 1 });
      c.actions.upload('front', pngFile());
      // First the positive signal: the send failed and its wait is armed (watched frame by frame:
      // waitUntil would arm long timers of its own).
      for (let frame = 0; pending.size === 0 && frame < 600; frame++) await new Promise(requestAnimationFrame);
      expect(pending.size, 'no wait armed after the 503').to.equal(1);
      expect(c.view.uploads.front).to.include({ status: 'uploading' });
      el.remove();
      expect(pending.size).to.equal(0);
    } finally {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
      await clearFaults();
    }
  });

  it('an upload interrupted by token expiry resumes with the next token', async () => {
    const { c, caseId } = await onDocumentStep();
    c.actions.upload('front', bigFile(4 * 1024 * 1024));
    c.tokenExpired();
    expect(c.view.uploads.front!.status).to.equal('failed');
    const next = await widgetToken({ caseId, workflowDefinitionId: WORKFLOWS.individualKyc });
    c.setToken(next.token, API_BASE);
    await until(() => c.view.uploads.front?.status === 'done', 'upload not resumed');
    expect((c.view.values.front as FileRef).size).to.equal(4 * 1024 * 1024);
  });
});
