import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from '../live.js';
import type { FieldDefinition, FieldValue } from '../../schema/api-types.js';
import { asText, getPath, type FieldContext } from '../util.js';
import { fieldIds, renderFieldBox } from './field-parts.js';

/** Converts what the user typed in a `number` field: a number, `null` when empty, the raw text when not a number. */
function numberValue(text: string): FieldValue {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/**
 * Renders `text`, `email`, `number` and `textarea` fields (dates: date-field.ts): a visible label, the hint and the
 * error linked by `aria-describedby`, `required`, `autocomplete`, `inputmode` and length limits.
 */
export function renderTextField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const ids = fieldIds(field, ctx);
  const value = live(asText(getPath(ctx.view.values, ctx.path)));
  const required = !!field.required;
  // `renderField` gives other types as `text`; an email needs no spell checking and may be filled in.
  const email = field.type === 'email';
  const number = field.type === 'number';
  const onInput = (e: Event) => {
    const text = (e.target as HTMLInputElement).value;
    ctx.actions.setValue(ctx.path, number ? numberValue(text) : text);
  };

  return renderFieldBox(
    field,
    ctx,
    ids,
    field.type === 'textarea'
      ? html`<textarea
          id=${ids.id}
          class="control"
          rows="4"
          data-field-path=${ctx.path}
          ?required=${required}
          aria-required=${required}
          aria-invalid=${ifDefined(ids.invalid)}
          aria-describedby=${ifDefined(ids.describedBy)}
          autocomplete=${ifDefined(field.autocomplete)}
          minlength=${ifDefined(field.minLength)}
          maxlength=${ifDefined(field.maxLength)}
          .value=${value}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${ids.id}
          class="control ${number ? 'control--short' : ''}"
          type=${field.type}
          data-field-path=${ctx.path}
          ?required=${required}
          aria-required=${required}
          aria-invalid=${ifDefined(ids.invalid)}
          aria-describedby=${ifDefined(ids.describedBy)}
          autocomplete=${ifDefined(field.autocomplete ?? (email ? 'email' : undefined))}
          inputmode=${ifDefined(email ? 'email' : number ? 'decimal' : undefined)}
          pattern=${ifDefined(field.pattern)}
          minlength=${ifDefined(field.minLength)}
          maxlength=${ifDefined(field.maxLength)}
          min=${ifDefined(field.min)}
          max=${ifDefined(field.max)}
          spellcheck=${ifDefined(email ? 'false' : undefined)}
          .value=${value}
          @input=${onInput}
        />`,
  );
}
