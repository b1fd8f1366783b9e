import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from '../live.js';
import type { FieldDefinition } from '../../schema/api-types.js';
import { asText, getPath, serverLang, type FieldContext } from '../util.js';
import { fieldIds, renderError, renderHint, requiredMark } from './field-parts.js';

/** Renders a `radio` field: a fieldset whose legend is the label, one native radio per option. */
export function renderRadioField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const ids = fieldIds(field, ctx);
  const value = asText(getPath(ctx.view.values, ctx.path));
  // Hint and error are linked from each radio (announced with it), not from the fieldset too (said twice).
  return html`<fieldset class="field fieldset" part="field">
    <legend class="label" lang=${serverLang(ctx.view) ?? nothing}>${field.label}${requiredMark(field.required)}</legend>
    ${renderHint(field.hint, ids.hintId)}
    <div class="choices">
      ${(field.options ?? []).map(
        (o, i) => html`<div class="choice">
          <input
            type="radio"
            id=${`${ids.id}-${i}`}
            name=${ids.id}
            value=${o.value}
            data-field-path=${ctx.path}
            ?required=${!!field.required}
            aria-invalid=${ifDefined(ids.error ? 'true' : undefined)}
            aria-describedby=${ifDefined(ids.describedBy)}
            .checked=${live(o.value === value)}
            @change=${() => ctx.actions.setValue(ctx.path, o.value)}
          />
          <label for=${`${ids.id}-${i}`} lang=${serverLang(ctx.view) ?? nothing}>${o.label}</label>
        </div>`,
      )}
    </div>
    ${renderError(ctx.view, ids.error, ids.errorId)}
  </fieldset>`;
}
