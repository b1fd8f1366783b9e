import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition } from '../../schema/api-types.js';
import type { RunnerViewModel } from '../../runner/view-model.js';
import { describedBy, idFor, langAttr, t, type FieldContext } from '../util.js';

/** Ids and state shared by the label, hint, error and control of one field. */
export interface FieldIds {
  /** The control's id (the `for` of its label). */
  id: string;
  hintId: string | undefined;
  errorId: string | undefined;
  error: string | undefined;
  /** `'true'` while the field shows an error (for `aria-invalid`), else `undefined`. */
  invalid: 'true' | undefined;
  /** Value for `aria-describedby`: hint, `extraHintId`, then error. */
  describedBy: string | undefined;
}

/** Computes the ids of a field; its error is `view.fieldErrors[path]` unless given. */
export function fieldIds(
  field: FieldDefinition,
  ctx: FieldContext,
  error = ctx.view.fieldErrors[ctx.path],
  extraHintId?: string,
): FieldIds {
  const hintId = field.hint ? idFor(ctx.path, 'hint') : undefined;
  const errorId = error ? idFor(ctx.path, 'error') : undefined;
  const invalid = error ? 'true' : undefined;
  return { id: idFor(ctx.path), hintId, errorId, error, invalid, describedBy: describedBy(hintId, extraHintId, errorId) };
}

/** The visible required marker; the control itself carries `required`, which screen readers announce. */
export function requiredMark(required: boolean | undefined): TemplateResult | typeof nothing {
  return required ? html`<span class="required" aria-hidden="true">*</span>` : nothing;
}

/** The field's label text (a server text) and its required marker. */
export function labelText(field: FieldDefinition): TemplateResult {
  return html`${field.label}${requiredMark(field.required)}`;
}

/**
 * A `<label for>` with the field's (server-provided, text-only) label and required marker; with
 * `view`, marked with the server's language when it is not the UI's.
 */
export function renderLabel(field: FieldDefinition, id: string, view?: RunnerViewModel): TemplateResult {
  return html`<label class="label" for=${id} lang=${view ? langAttr(view) : nothing}>${labelText(field)}</label>`;
}

/** The hint paragraph (a server text), when the field has one. */
export function renderHint(text: string | undefined, id: string | undefined, view?: RunnerViewModel): TemplateResult | typeof nothing {
  return text && id ? html`<p class="hint" id=${id} lang=${view ? langAttr(view) : nothing}>${text}</p>` : nothing;
}

/** The error message next to a field, prefixed with a visually hidden "Error:". */
export function renderError(
  view: RunnerViewModel,
  error: string | undefined,
  id: string | undefined,
): TemplateResult | typeof nothing {
  return error && id
    ? html`<p class="error" id=${id} part="error"><span class="vh">${t(view, 'views.errorPrefix')} </span>${error}</p>`
    : nothing;
}

/**
 * One field of a step (`part="field"`): its label (a `<label>` for `ids.id` unless `label` is given),
 * hint, `control` and error. The control links hint and error through `ids.describedBy`.
 */
export function renderFieldBox(
  field: FieldDefinition,
  ctx: FieldContext,
  ids: FieldIds,
  control: unknown,
  label: unknown = renderLabel(field, ids.id, ctx.view),
): TemplateResult {
  return html`<div class="field" part="field">
    ${label}${renderHint(field.hint, ids.hintId, ctx.view)}${control}${renderError(ctx.view, ids.error, ids.errorId)}
  </div>`;
}

/**
 * A field of several controls (date, phone, radios): a fieldset whose legend is the field's label,
 * then hint, `controls` and error.
 */
export function renderFieldset(field: FieldDefinition, ctx: FieldContext, ids: FieldIds, controls: unknown): TemplateResult {
  return html`<fieldset class="field fieldset" part="field">
    <legend class="label" lang=${langAttr(ctx.view)}>${labelText(field)}</legend>
    ${renderHint(field.hint, ids.hintId, ctx.view)}${controls}${renderError(ctx.view, ids.error, ids.errorId)}
  </fieldset>`;
}
