import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from '../live.js';
import type { FieldDefinition, FieldOption } from '../../schema/api-types.js';
import { countryName, describedBy, getPath, idFor, isPhone, serverLang, t, type FieldContext } from '../util.js';
import { CALLING_CODES } from './countries.js';
import { optionList } from './option-list.js';
import { renderError, renderHint, requiredMark } from './field-parts.js';

/** The default calling codes named in a language, built once per language. */
const namedCodes = new Map<string, FieldOption[]>();

/** Calling codes: the field's options, or a default list named in the user's language (`Poland (+48)`). */
function callingCodes(field: FieldDefinition, locale: string): FieldOption[] {
  if (field.options?.length) return field.options;
  let named = namedCodes.get(locale);
  if (!named) {
    named = CALLING_CODES.map((c) => ({ value: c.value, label: `${countryName(c.region, locale)} (${c.value})` }));
    namedCodes.set(locale, named);
  }
  return named;
}

/**
 * Renders a `tel` field: a fieldset (legend = the field's label) holding a labelled calling-code
 * `<select>` and a labelled number input. The value is `{countryCode, number}`. Errors at the field's
 * path, or at `path.number` / `path.countryCode`, are shown and linked.
 */
export function renderTelField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const { view, actions, path } = ctx;
  const options = callingCodes(field, view.locale);
  const raw = getPath(view.values, path);
  const phone = isPhone(raw) ? raw : null;
  const code = phone?.countryCode || options[0]?.value || '';
  const number = phone?.number ?? '';
  const error = view.fieldErrors[path] ?? view.fieldErrors[`${path}.number`] ?? view.fieldErrors[`${path}.countryCode`];
  const codeError = view.fieldErrors[`${path}.countryCode`];
  const hintId = field.hint ? idFor(path, 'hint') : undefined;
  const errorId = error ? idFor(path, 'error') : undefined;
  const codeId = idFor(path, 'code');
  const numberId = idFor(path);
  const set = (countryCode: string, num: string) => actions.setValue(path, { countryCode, number: num });

  return html`<fieldset class="field fieldset" part="field">
    <legend class="label" lang=${serverLang(view) ?? nothing}>${field.label}${requiredMark(field.required)}</legend>
    ${renderHint(field.hint, hintId, view)}
    <div class="tel">
      <div class="tel__code">
        <label class="sublabel" for=${codeId}>${t(view, 'views.tel.code')}</label>
        <select
          id=${codeId}
          class="control"
          data-field-path=${`${path}.countryCode`}
          autocomplete="tel-country-code"
          ?required=${!!field.required}
          aria-invalid=${ifDefined(codeError ? 'true' : undefined)}
          aria-describedby=${ifDefined(codeError ? errorId : undefined)}
          @change=${(e: Event) => set((e.target as HTMLSelectElement).value, number)}
        >
          ${optionList(options, code)}
        </select>
      </div>
      <div class="tel__number">
        <label class="sublabel" for=${numberId}>${t(view, 'views.tel.number')}</label>
        <input
          id=${numberId}
          class="control"
          type="tel"
          inputmode="tel"
          data-field-path=${path}
          autocomplete=${field.autocomplete ?? 'tel-national'}
          ?required=${!!field.required}
          aria-required=${!!field.required}
          aria-invalid=${ifDefined(error && !codeError ? 'true' : undefined)}
          aria-describedby=${ifDefined(describedBy(hintId, errorId))}
          pattern=${ifDefined(field.pattern)}
          maxlength=${ifDefined(field.maxLength)}
          .value=${live(number)}
          @input=${(e: Event) => set(code, (e.target as HTMLInputElement).value)}
        />
      </div>
    </div>
    ${renderError(view, error, errorId)}
  </fieldset>`;
}
