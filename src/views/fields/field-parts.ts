import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition } from '../../schema/api-types.js';
import type { RunnerViewModel } from '../../runner/view-model.js';
import { describedBy, idFor, serverLang, t, type FieldContext } from '../util.js';

/** Ids and state shared by the label, hint, error and control of one field. */
export interface FieldIds {
  /** The control's id (the `for` of its label). */
  id: string;
  hintId: string | undefined;
  errorId: string | undefined;
  error: string | undefined;
  /** Value for `aria-describedby`: hint then error. */
  describedBy: string | undefined;
}

/** Computes the ids of a field and finds its error in `view.fieldErrors`. */
export function fieldIds(field: FieldDefinition, ctx: FieldContext, extraHintId?: string): FieldIds {
  const id = idFor(ctx.path);
  const error = ctx.view.fieldErrors[ctx.path];
  const hintId = field.hint ? idFor(ctx.path, 'hint') : undefined;
  const errorId = error ? idFor(ctx.path, 'error') : undefined;
  return { id, hintId, errorId, error, describedBy: describedBy(hintId, extraHintId, errorId) };
}

/** The visible required marker; the control itself carries `required`, which screen readers announce. */
export function requiredMark(required: boolean | undefined): TemplateResult | typeof nothing {
  return required ? html`<span class="required" aria-hidden="true">*</span>` : nothing;
}

/**
 * A `<label for>` with the field's (server-provided, text-only) label and required marker; with
 * `view`, marked with the server's language when it is not the UI's.
 */
export function renderLabel(field: FieldDefinition, id: string, view?: RunnerViewModel): TemplateResult {
  const lang = (view && serverLang(view)) ?? nothing;
  return html`<label class="label" for=${id} lang=${lang}>${field.label}${requiredMark(field.required)}</label>`;
}

/** The hint paragraph (a server text), when the field has one. */
export function renderHint(text: string | undefined, id: string | undefined, view?: RunnerViewModel): TemplateResult | typeof nothing {
  const lang = (view && serverLang(view)) ?? nothing;
  return text && id ? html`<p class="hint" id=${id} lang=${lang}>${text}</p>` : nothing;
}

/** The error message next to a field, prefixed with a visually hidden "Error:". */
export function renderError(
  view: RunnerViewModel,
  error: string | undefined,
  id: string | undefined,
): TemplateResult | typeof nothing {
  if (!error || !id) return nothing;
  return html`<p class="error" id=${id} part="error"
    ><span class="vh">${t(view, 'views.errorPrefix')} </span>${error}</p
  >`;
}
