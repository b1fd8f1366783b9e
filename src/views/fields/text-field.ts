import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition, FieldValue } from '../../schema/api-types.js';
import { asText, getPath, type FieldContext } from '../util.js';
import { fieldIds, renderError, renderHint, renderLabel } from './field-parts.js';

/** `inputmode` and a default `autocomplete` per field type. */
const INPUT_HINTS: Record<string, { type: string; inputmode?: string; autocomplete?: string }> = {
  text: { type: 'text' },
  email: { type: 'email', inputmode: 'email', autocomplete: 'email' },
  number: { type: 'number', inputmode: 'decimal' },
};

/** Converts what the user typed in a `number` field: a number, `null` when empty, the raw text when not a number. */
function numberValue(input: HTMLInputElement): FieldValue {
  if (input.value.trim() === '') return null;
  const n = Number(input.value);
  return Number.isFinite(n) ? n : input.value;
}

/**
 * Renders `text`, `email`, `number` and `textarea` fields (dates: date-field.ts): a visible label, the hint and the
 * error linked by `aria-describedby`, `required`, `autocomplete`, `inputmode` and length limits.
 */
export function renderTextField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const ids = fieldIds(field, ctx);
  const value = asText(getPath(ctx.view.values, ctx.path));
  const invalid = ids.error ? 'true' : undefined;
  const onInput = (e: Event) => {
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    ctx.actions.setValue(ctx.path, field.type === 'number' ? numberValue(el as HTMLInputElement) : el.value);
  };

  if (field.type === 'textarea') {
    return html`<div class="field" part="field">
      ${renderLabel(field, ids.id, ctx.view)} ${renderHint(field.hint, ids.hintId, ctx.view)}
      <textarea
        id=${ids.id}
        class="control"
        rows="4"
        data-field-path=${ctx.path}
        ?required=${!!field.required}
        aria-required=${field.required ? 'true' : 'false'}
        aria-invalid=${ifDefined(invalid)}
        aria-describedby=${ifDefined(ids.describedBy)}
        autocomplete=${ifDefined(field.autocomplete)}
        minlength=${ifDefined(field.minLength)}
        maxlength=${ifDefined(field.maxLength)}
        .value=${live(value)}
        @input=${onInput}
      ></textarea>
      ${renderError(ctx.view, ids.error, ids.errorId)}
    </div>`;
  }

  const hints = INPUT_HINTS[field.type] ?? INPUT_HINTS.text;
  const min = field.min === undefined ? undefined : String(field.min);
  const max = field.max === undefined ? undefined : String(field.max);
  return html`<div class="field" part="field">
    ${renderLabel(field, ids.id, ctx.view)} ${renderHint(field.hint, ids.hintId, ctx.view)}
    <input
      id=${ids.id}
      class="control ${field.type === 'number' ? 'control--short' : ''}"
      type=${hints.type}
      data-field-path=${ctx.path}
      ?required=${!!field.required}
      aria-required=${field.required ? 'true' : 'false'}
      aria-invalid=${ifDefined(invalid)}
      aria-describedby=${ifDefined(ids.describedBy)}
      autocomplete=${ifDefined(field.autocomplete ?? hints.autocomplete)}
      inputmode=${ifDefined(hints.inputmode)}
      pattern=${ifDefined(field.pattern)}
      minlength=${ifDefined(field.minLength)}
      maxlength=${ifDefined(field.maxLength)}
      min=${ifDefined(min)}
      max=${ifDefined(max)}
      spellcheck=${ifDefined(field.type === 'email' ? 'false' : undefined)}
      .value=${live(value)}
      @input=${onInput}
    />
    ${renderError(ctx.view, ids.error, ids.errorId)}
  </div>`;
}
