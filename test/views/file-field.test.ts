import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FieldDefinition } from '../../src/schema/api-types.js';
import { renderMessage } from '../../src/i18n/message.js';
import { fileProblem } from '../../src/runner/upload-messages.js';
import { KYB_STEPS, PREVIEW_IMAGE, sampleView } from '../fixtures/samples.js';
import { $, renderView, textOfIds, update } from './fixture.js';

function pngFile(name = 'id-front.png'): File {
  return new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' });
}

describe('file field', () => {
  it('a labelled, keyboard-reachable file input with hint and limits', async () => {
    const { el, root } = await renderView(sampleView('identity-document'));
    const input = $<HTMLInputElement>(root, 'input[type=file][data-field-path="front"]');
    expect(input.labels![0].textContent).to.contain('Front of the document');
    expect(input.required).to.equal(true);
    expect(input.accept).to.equal('image/jpeg,image/png,application/pdf');
    const described = textOfIds(root, input.getAttribute('aria-describedby'));
    expect(described).to.contain('JPEG, PNG or PDF, up to 10 MB.');
    expect(input.closest('.dropzone')!.textContent).to.contain('Drag and drop a file here');
    // Reachable with Tab from the radios before it.
    root.querySelector<HTMLInputElement>('input[type=radio]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(input);
    await expect(el).to.be.accessible();
  });

  it('states accepted types and size itself when the server gives no hint', async () => {
    const { root } = await renderView(sampleView('documents', {}, KYB_STEPS));
    const input = $<HTMLInputElement>(root, 'input[type=file][data-field-path="registryExtract"]');
    expect(textOfIds(root, input.getAttribute('aria-describedby'))).to.contain('Accepted: JPG, PNG, PDF. Maximum size: 10 MB.');
  });

  it('the limit in the hint and in the "too large" error read the same in Polish: 1,5 MB', async () => {
    const maxSize = 1.5 * 1024 * 1024;
    const steps = KYB_STEPS.map((step) =>
      step.id === 'documents' ? { ...step, fields: step.fields!.map((f) => ({ ...f, maxSize })) } : step,
    );
    const { root } = await renderView(sampleView('documents', { locale: 'pl' }, steps));
    const input = $<HTMLInputElement>(root, 'input[type=file][data-field-path="registryExtract"]');
    const hint = textOfIds(root, input.getAttribute('aria-describedby'));
    const field: FieldDefinition = steps.find((s) => s.id === 'documents')!.fields![0]!;
    const refused = fileProblem(field, new File([new Uint8Array(maxSize + 1)], 'big.pdf', { type: 'application/pdf' }));
    const error = renderMessage(refused!, 'pl');
    expect(hint).to.match(/\b1,5\sMB\b/);
    expect(error).to.match(/\b1,5\sMB\b/);
  });

  it('choosing a file calls upload(path, file)', async () => {
    const { root, actions } = await renderView(sampleView('identity-document'));
    const input = $<HTMLInputElement>(root, 'input[type=file][data-field-path="front"]');
    const dt = new DataTransfer();
    dt.items.add(pngFile());
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(actions.upload.calledOnce).to.equal(true);
    expect(actions.upload.firstCall.args[0]).to.equal('front');
    expect((actions.upload.firstCall.args[1] as File).name).to.equal('id-front.png');
  });

  it('dropping a file on the drop zone calls upload(path, file)', async () => {
    const { root, actions } = await renderView(sampleView('identity-document'));
    const zone = $(root, 'input[data-field-path="back"]').closest('.dropzone')!;
    const dt = new DataTransfer();
    dt.items.add(pngFile('back.png'));
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    expect(zone.classList.contains('dropzone--over')).to.equal(true);
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    zone.dispatchEvent(drop);
    expect(drop.defaultPrevented).to.equal(true);
    expect(zone.classList.contains('dropzone--over')).to.equal(false);
    expect(actions.upload.firstCall.args[0]).to.equal('back');
    expect((actions.upload.firstCall.args[1] as File).name).to.equal('back.png');
  });

  it('while uploading: name, size, a labelled progress and Cancel', async () => {
    const view = sampleView('identity-document', {
      uploads: { front: { name: 'id-front.png', size: 2_400_000, type: 'image/png', progress: 0.4, status: 'uploading' } },
    });
    const { el, root, actions } = await renderView(view);
    const field = $(root, '[data-field-path="front"]').closest('.field')!;
    expect(field.textContent).to.contain('id-front.png');
    expect(field.textContent).to.contain('2.3 MB');
    const progress = field.querySelector('progress')!;
    expect(progress.value).to.equal(0.4);
    expect((progress as unknown as { labels: NodeListOf<HTMLLabelElement> }).labels[0].textContent).to.contain('Uploading id-front.png');
    const cancel = [...field.querySelectorAll('button')].find((b) => b.textContent!.includes('Cancel upload'))!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.cancelUpload.calledOnceWith('front')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('done: preview with alt text and Remove; focus returns to the file input', async () => {
    const view = sampleView('identity-document', {
      values: { front: { id: 'f1', name: 'id-front.png', size: 245000, type: 'image/png' } },
      uploads: { front: { name: 'id-front.png', size: 245000, type: 'image/png', progress: 1, status: 'done', previewUrl: PREVIEW_IMAGE } },
    });
    const { el, root, actions } = await renderView(view);
    expect([...root.querySelectorAll('[role=status]')].map((r) => r.textContent!.trim())).to.include('id-front.png uploaded.');
    const img = $<HTMLImageElement>(root, 'img');
    expect(img.alt).to.equal('Preview of id-front.png');
    expect(root.textContent).to.contain('Uploaded');
    const remove = $<HTMLButtonElement>(root, 'button[data-field-path="front"]');
    expect(remove.textContent).to.contain('Remove file');
    await expect(el).to.be.accessible();
    remove.focus();
    await sendKeys({ press: 'Enter' });
    expect(actions.removeFile.calledOnceWith('front')).to.equal(true);
    await update(el, sampleView('identity-document'));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(root.activeElement).to.equal(root.querySelector('input[type=file][data-field-path="front"]'));
  });

  it('a saved file (no upload state) shows its name and Remove', async () => {
    const { root } = await renderView(sampleView('identity-document', { values: { front: { id: 'f1', name: 'scan.pdf', size: 1000, type: 'application/pdf' } } }));
    expect($(root, 'button[data-field-path="front"]').closest('.field')!.textContent).to.contain('scan.pdf');
  });

  it('failed: the error is shown, linked, and the input is back', async () => {
    const view = sampleView('identity-document', {
      uploads: { front: { name: 'big.pdf', size: 31_000_000, type: 'application/pdf', progress: 0, status: 'failed', error: 'The file is larger than 10 MB.' } },
    });
    const { el, root } = await renderView(view);
    const input = $<HTMLInputElement>(root, 'input[type=file][data-field-path="front"]');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(textOfIds(root, input.getAttribute('aria-describedby'))).to.contain('The upload failed: The file is larger than 10 MB.');
    await expect(el).to.be.accessible();
  });
});
