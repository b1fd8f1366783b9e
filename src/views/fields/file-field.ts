import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldDefinition } from '../../schema/api-types.js';
import type { RunnerViewModel, UploadState } from '../../runner/view-model.js';
import { refocusAfterRender } from '../focus.js';
import { describedBy, formatSize, getPath, idFor, isFileRef, safeHref, serverLang, t, type FieldContext } from '../util.js';
import { renderError, renderHint, renderLabel, requiredMark } from './field-parts.js';

/** `image/jpeg,application/pdf` -> `JPG, PDF`. */
function acceptText(accept: string): string {
  return accept
    .split(',')
    .map((a) => a.trim().split('/').pop() ?? a)
    .map((s) => (s === 'jpeg' ? 'JPG' : s === '*' ? 'any' : s.replace(/^\./, '').toUpperCase()))
    .join(', ');
}

function limitsText(field: FieldDefinition, view: RunnerViewModel): string | undefined {
  const size = field.maxSize ? formatSize(field.maxSize, view.locale) : undefined;
  if (field.accept && size) return t(view, 'views.file.limits', { types: acceptText(field.accept), size });
  if (size) return t(view, 'views.file.maxSize', { size });
  return undefined;
}

/** A preview URL the view may show: object URLs, data images and http(s) only. */
function previewSrc(url: string | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('blob:') || url.startsWith('data:image/')) return url;
  return safeHref(url);
}

/**
 * Renders a `file` field: a drop zone (drag and drop) around a real, labelled `<input type=file>`
 * (keyboard and screen readers), then, from `view.uploads[path]`, the upload's progress with a
 * Cancel button, its preview, a Remove button once stored, or its error.
 */
export function renderFileField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const { view, actions, path } = ctx;
  const upload: UploadState | undefined = view.uploads[path];
  const value = getPath(view.values, path);
  const inputId = idFor(path);
  const cancelId = idFor(path, 'cancel');
  const removeId = idFor(path, 'remove');
  const hintId = field.hint ? idFor(path, 'hint') : undefined;
  // The server's hint usually states the limits already; say them ourselves only when it does not.
  const limits = field.hint ? undefined : limitsText(field, view);
  const limitsId = limits ? idFor(path, 'limits') : undefined;
  const failed = upload?.status === 'failed';
  const error =
    view.fieldErrors[path] ??
    (failed ? (upload?.error ? t(view, 'views.file.failed', { error: upload.error }) : t(view, 'views.file.failedGeneric')) : undefined);
  const errorId = error ? idFor(path, 'error') : undefined;

  const start = (file: File | undefined, from: Element) => {
    if (!file) return;
    actions.upload(path, file);
    refocusAfterRender(from, [cancelId, removeId, inputId]);
  };
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    start(file, input);
    input.value = '';
  };
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    (e.currentTarget as HTMLElement).classList.add('dropzone--over');
  };
  const onDragLeave = (e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('dropzone--over');
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const zone = e.currentTarget as HTMLElement;
    zone.classList.remove('dropzone--over');
    start(e.dataTransfer?.files?.[0], zone);
  };

  let body: TemplateResult;
  if (upload?.status === 'uploading') {
    const progressId = idFor(path, 'progress');
    body = html`<div class="file-card">
      <p class="file-card__name">${upload.name} <span class="muted">${formatSize(upload.size, view.locale)}</span></p>
      <label class="sublabel" for=${progressId}>${t(view, 'views.file.uploading', { name: upload.name })}</label>
      <progress id=${progressId} max="1" value=${upload.progress}></progress>
      <button type="button" class="button button--secondary" part="button" id=${cancelId}
        data-field-path=${path}
        @click=${(e: Event) => {
          actions.cancelUpload(path);
          refocusAfterRender(e.currentTarget as Element, [inputId]);
        }}>${t(view, 'views.file.cancel')}</button>
    </div>`;
  } else if (upload?.status === 'done' || isFileRef(value)) {
    const name = upload?.name ?? (isFileRef(value) ? value.name : '');
    const size = upload?.size ?? (isFileRef(value) ? value.size : 0);
    const src = previewSrc(upload?.previewUrl);
    body = html`<div class="file-card">
      ${src ? html`<img class="file-card__preview" src=${src} alt=${t(view, 'views.file.preview', { name })} />` : nothing}
      <p class="file-card__name">
        ${name} <span class="muted">${formatSize(size, view.locale)}</span>
        <span class="badge">${t(view, 'views.file.uploaded')}</span>
      </p>
      <button type="button" class="button button--secondary" part="button" id=${removeId}
        data-field-path=${path}
        @click=${(e: Event) => {
          actions.removeFile(path);
          refocusAfterRender(e.currentTarget as Element, [inputId]);
        }}>${t(view, 'views.file.remove')}<span class="vh">: ${name}</span></button>
    </div>`;
  } else {
    const retry =
      failed && upload?.retryable
        ? html`<button type="button" class="button button--secondary" part="button" data-retry-upload
            @click=${() => actions.retryUpload(path)}>${t(view, 'views.banner.retry')}<span class="vh">: ${upload.name}</span></button>`
        : nothing;
    body = html`${retry}<div class="dropzone" @dragenter=${onDragOver} @dragover=${onDragOver} @dragleave=${onDragLeave} @drop=${onDrop}>
      <p class="dropzone__text" aria-hidden="true">${t(view, 'views.file.drop')}</p>
      <input
        id=${inputId}
        class="file-input"
        type="file"
        data-field-path=${path}
        accept=${ifDefined(field.accept)}
        ?required=${!!field.required}
        aria-required=${field.required ? 'true' : 'false'}
        aria-invalid=${ifDefined(error ? 'true' : undefined)}
        aria-describedby=${ifDefined(describedBy(hintId, limitsId, errorId))}
        @change=${onChange}
      />
    </div>`;
  }

  const label = upload?.status === 'uploading' || upload?.status === 'done' || isFileRef(value)
    ? html`<p class="label" lang=${serverLang(view) ?? nothing}>${field.label}${requiredMark(field.required)}</p>`
    : renderLabel(field, inputId, view);
  // Says politely when an upload ends (the card changes silently otherwise); exists before it changes.
  const announcement =
    upload?.status === 'done' ? t(view, 'views.file.done', { name: upload.name }) : upload?.status === 'failed' ? (error ?? '') : '';
  return html`<div class="field" part="field">
    <p class="vh" role="status">${announcement}</p>
    ${label} ${renderHint(field.hint, hintId, view)}
    ${limits ? html`<p class="hint" id=${ifDefined(limitsId)}>${limits}</p>` : nothing}
    ${body}
    ${renderError(view, error, errorId)}
  </div>`;
}
