import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from '../live.js';
import type { FieldDefinition, StepDefinition } from '../../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../../runner/view-model.js';
import { fieldIds, renderFieldBox } from '../fields/field-parts.js';
import { renderField } from '../fields/render-field.js';
import { asText, countryName, getPath, t } from '../util.js';
import { renderRequiredNote } from './form-step.js';
import { renderRows } from '../summary.js';

/** The registry-number field of the step: the one named like `registryNumber`, else the first field, else a default. */
function registryField(step: StepDefinition, view: RunnerViewModel): FieldDefinition {
  const fields = step.fields ?? [];
  return (
    fields.find((f) => /registry/i.test(f.name)) ??
    fields[0] ?? { name: 'registryNumber', type: 'text', label: t(view, 'views.registry.number'), required: true }
  );
}

/** The lookup outcome, inside a polite live region that exists before it changes. */
function renderStatus(view: RunnerViewModel): TemplateResult | typeof nothing {
  const { status, record } = view.registry;
  switch (status) {
    case 'searching':
      return html`<p class="busy-line"><span class="spinner" aria-hidden="true"></span>${t(view, 'views.registry.searching')}</p>`;
    case 'found':
      return html`<p class="success">${t(view, 'views.registry.found')}</p>
        ${record
          ? renderRows([
              { term: t(view, 'views.registry.companyName'), value: record.companyName },
              { term: t(view, 'views.registry.registryNumber'), value: record.registryNumber },
              { term: t(view, 'views.registry.country'), value: countryName(record.country, view.locale) },
            ])
          : nothing}`;
    case 'not-found':
    case 'error':
      return html`<p class="warning">${t(view, status === 'error' ? 'views.registry.error' : 'views.registry.notFound')}</p>`;
    default:
      return nothing;
  }
}

/**
 * Renders a `registry-lookup` step: the registry number input with a "Find company" button
 * (Enter in the input also searches), the outcome announced politely, then any other fields.
 */
export function renderRegistryStep(step: StepDefinition, view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const field = registryField(step, view);
  const path = field.name;
  const ctx = { view, actions, path };
  const ids = fieldIds(field, ctx);
  const value = asText(getPath(view.values, path));
  const searching = view.registry.status === 'searching';
  const find = () => {
    if (!searching) actions.lookupRegistry(value.trim());
  };
  const others = (step.fields ?? []).filter((f) => f !== field);
  return html`${renderRequiredNote(view, step.fields)}
    ${renderFieldBox(
      field,
      ctx,
      ids,
      html`<div class="inline-row">
        <input
          id=${ids.id}
          class="control"
          type="text"
          inputmode=${field.pattern && /^\^?\\d|\[0-9\]/.test(field.pattern) ? 'numeric' : 'text'}
          autocomplete=${field.autocomplete ?? 'off'}
          spellcheck="false"
          data-field-path=${path}
          ?required=${!!field.required}
          aria-required=${!!field.required}
          aria-invalid=${ifDefined(ids.invalid)}
          aria-describedby=${ifDefined(ids.describedBy)}
          pattern=${ifDefined(field.pattern)}
          maxlength=${ifDefined(field.maxLength)}
          .value=${live(value)}
          @input=${(e: Event) => actions.setValue(path, (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
        />
        <button type="button" class="button button--secondary" part="button"
          aria-disabled=${searching} @click=${find}>${t(view, 'views.registry.find')}</button>
      </div>`,
    )}
    <div class="registry-status" role="status" aria-live="polite"> ${renderStatus(view)} </div>
    <div class="fields">${others.map((f) => renderField(f, { view, actions, path: f.name }))}</div>`;
}
