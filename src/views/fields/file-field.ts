import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldDefinition, FileRef } from '../../schema/api-types.js';
import type { RunnerViewModel, UploadState } from '../../runner/view-model.js';
import { refocusAfterRender } from '../focus.js';
import { formatSize, getPath, idFor, isFileRef, langAttr, t, type FieldContext } from '../util.js';
import { fieldIds, labelText, renderFieldBox, renderLabel, type FieldIds } from './field-parts.js';

/** `image/jpeg,application/pdf` -> `JPG, PDF`. */
function acceptText(accept: string): string {
  return accept
    .split(',')
    .map((a) => {
      const type = a.trim().replace(/^.*\/|^\./, '');
      return type === 'jpeg' ? 'JPG' : type === '*' ? 'any' : type.toUpperCase();
    })
    .join(', ');
}

/** "Accepted: JPG, PDF. Maximum size: 10 MB." (or only the size), when the field has a size limit. */
function limitsText(field: FieldDefinition, view: RunnerViewModel): string | undefined {
  if (!field.maxSize) return undefined;
  const size = { bytes: field.maxSize };
  return field.accept ? t(view, 'views.file.limits', { types: acceptText(field.accept), size }) : t(view, 'views.file.maxSize', { size });
}

/** Runs an action of a button that the next render removes, then puts focus back on the file input. */
function thenRefocus({ actions, path }: FieldContext, action: 'cancelUpload' | 'removeFile'): (e: Event) => void {
  return (e) => {
    actions[action](path);
    refocusAfterRender(e.currentTarget as Element, [idFor(path)]);
  };
}

/** Uploads a chosen or dropped file; focus then goes to the card's Cancel or Remove button, else back to the input. */
function startUpload({ actions, path }: FieldContext, file: File | undefined, from: Element): void {
  if (!file) return;
  actions.upload(path, file);
  refocusAfterRender(from, [idFor(path, 'cancel'), idFor(path, 'remove'), idFor(path)]);
}

/** The drop zone's drag events: highlighted while a file is over it, the dropped file uploaded. */
function onDrag(ctx: FieldContext): (e: DragEvent) => void {
  return (e) => {
    e.preventDefault();
    const zone = e.currentTarget as HTMLElement;
    const over = e.type === 'dragenter' || e.type === 'dragover';
    zone.classList.toggle('dropzone--over', over);
    if (over && e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    if (e.type === 'drop') startUpload(ctx, e.dataTransfer?.files[0], zone);
  };
}

/** The file input's change: the chosen file uploaded, the input emptied (choosing the same file again still fires). */
function onChange(ctx: FieldContext): (e: Event) => void {
  return (e) => {
    const input = e.target as HTMLInputElement;
    startUpload(ctx, input.files?.[0], input);
    input.value = '';
  };
}

/**
 * The card of an upload in progress (its progress bar and a Cancel button) or of a stored file (its
 * preview, an Uploaded badge and a Remove button).
 */
function renderFileCard(ctx: FieldContext, upload: UploadState | undefined, saved: FileRef | undefined, name: string): TemplateResult {
  const { view, path } = ctx;
  const uploading = upload?.status === 'uploading';
  const progressId = idFor(path, 'progress');
  // The preview is an object URL the runner made for an image it uploads.
  return html`<div class="file-card">
    ${uploading || !upload?.previewUrl
      ? nothing
      : html`<img class="file-card__preview" src=${upload.previewUrl} alt=${t(view, 'views.file.preview', { name })} />`}
    <p class="file-card__name">
      ${name} <span class="muted">${formatSize(upload?.size ?? saved?.size ?? 0, view.locale)}</span>
      ${uploading ? nothing : html`<span class="badge">${t(view, 'views.file.uploaded')}</span>`}
    </p>
    ${uploading
      ? html`<label class="sublabel" for=${progressId}>${t(view, 'views.file.uploading', { name })}</label>
          <progress id=${progressId} max="1" value=${upload.progress}></progress>
          <button type="button" class="button button--secondary" part="button" id=${idFor(path, 'cancel')} data-field-path=${path}
            @click=${thenRefocus(ctx, 'cancelUpload')}>${t(view, 'views.file.cancel')}</button>`
      : html`<button type="button" class="button button--secondary" part="button" id=${idFor(path, 'remove')} data-field-path=${path}
          @click=${thenRefocus(ctx, 'removeFile')}>${t(view, 'views.file.remove')}<span class="vh">: ${name}</span></button>`}
  </div>`;
}

/** A Retry button when a failed upload can be sent again, then the drop zone around the real, labelled file input. */
function renderDropZone(field: FieldDefinition, ctx: FieldContext, upload: UploadState | undefined, ids: FieldIds, name: string): TemplateResult {
  const { view, actions, path } = ctx;
  return html`${upload?.status === 'failed' && upload.retryable
      ? html`<button type="button" class="button button--secondary" part="button" data-retry-upload
          @click=${() => actions.retryUpload(path)}>${t(view, 'views.banner.retry')}<span class="vh">: ${name}</span></button>`
      : nothing}
    <div class="dropzone" @dragenter=${onDrag(ctx)} @dragover=${onDrag(ctx)} @dragleave=${onDrag(ctx)} @drop=${onDrag(ctx)}>
      <p aria-hidden="true">${t(view, 'views.file.drop')}</p>
      <input
        id=${ids.id}
        class="file-input"
        type="file"
        data-field-path=${path}
        accept=${ifDefined(field.accept)}
        ?required=${!!field.required}
        aria-required=${!!field.required}
        aria-invalid=${ifDefined(ids.invalid)}
        aria-describedby=${ifDefined(ids.describedBy)}
        @change=${onChange(ctx)}
      />
    </div>`;
}

/**
 * Renders a `file` field: a drop zone (drag and drop) around a real, labelled `<input type=file>`
 * (keyboard and screen readers), then, from `view.uploads[path]`, the upload's progress with a
 * Cancel button, its preview, a Remove button once stored, or its error.
 */
export function renderFileField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const { view, path } = ctx;
  const upload: UploadState | undefined = view.uploads[path];
  const status = upload?.status;
  const value = getPath(view.values, path);
  const saved = isFileRef(value) ? value : undefined;
  // The server's hint usually states the limits already; say them ourselves only when it does not.
  const limits = field.hint ? undefined : limitsText(field, view);
  const limitsId = limits && idFor(path, 'limits');
  const failed = status === 'failed';
  const failure = upload?.error ? t(view, 'views.file.failed', { error: upload.error }) : t(view, 'views.file.failedGeneric');
  const ids = fieldIds(field, ctx, view.fieldErrors[path] ?? (failed ? failure : undefined), limitsId);
  const card = status === 'uploading' || status === 'done' || saved;
  const name = upload?.name ?? saved?.name ?? '';
  const body = card ? renderFileCard(ctx, upload, saved, name) : renderDropZone(field, ctx, upload, ids, name);

  // The status line says politely when an upload ends (the card changes silently otherwise); it exists before it changes.
  return renderFieldBox(
    field,
    ctx,
    ids,
    html`${limits ? html`<p class="hint" id=${limitsId}>${limits}</p>` : nothing}${body}`,
    html`<p class="vh" role="status">${status === 'done' ? t(view, 'views.file.done', { name }) : failed ? ids.error : ''}</p>
      ${card ? html`<p class="label" lang=${langAttr(view)}>${labelText(field)}</p>` : renderLabel(field, ids.id, view)}`,
  );
}
