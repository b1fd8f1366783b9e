import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, StepDefinition } from '../../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../../runner/view-model.js';
import { renderField } from '../fields/render-field.js';
import { t } from '../util.js';

/** True when any field (or any field of a group) is required. */
function hasRequired(fields: FieldDefinition[] | undefined): boolean {
  return (fields ?? []).some((f) => f.required || hasRequired(f.fields));
}

/** The "Fields marked with * are required" note, when the step has a required field. */
export function renderRequiredNote(view: RunnerViewModel, fields: FieldDefinition[] | undefined): TemplateResult | typeof nothing {
  return hasRequired(fields) ? html`<p class="note">${t(view, 'views.requiredNote')}</p>` : nothing;
}

/** Renders the fields of a `form` step, in order, each bound to its path in `view.values`. */
export function renderFormStep(step: StepDefinition, view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  return html`${renderRequiredNote(view, step.fields)}
    <div class="fields">${(step.fields ?? []).map((f) => renderField(f, { view, actions, path: f.name }))}</div>`;
}
