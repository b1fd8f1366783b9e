import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldDefinition, FieldOption } from '../../schema/api-types.js';
import { asText, countryName, getPath, serverLang, t, type FieldContext } from '../util.js';
import { optionList } from './option-list.js';
import { fieldIds, renderError, renderHint, renderLabel } from './field-parts.js';

/** Country options already named and sorted, per field definition, language and naming. */
const namedCountries = new WeakMap<FieldDefinition, { locale: string; options: FieldOption[] }>();
const NO_OPTIONS: FieldOption[] = [];

/**
 * Country options: the field's own ISO codes, listed by name in the user's language. The API sends
 * a `country` field with its `options` (it accepts no value outside them), named and sorted in the
 * workflow's language (sandbox/API.md): when that is the user's language they are used as they
 * come, with no `Intl` at all (a page's first `Intl.Collator` costs tens of milliseconds); otherwise
 * each code is named with `Intl.DisplayNames` (the API's label when `Intl` has no name for it) and
 * the list sorted in the user's language, once per field and language: every keystroke redraws
 * the step.
 */
function countryOptions(field: FieldDefinition, view: FieldContext['view']): FieldOption[] {
  if (serverLang(view) === undefined) return field.options ?? NO_OPTIONS;
  const locale = view.locale;
  const cached = namedCountries.get(field);
  if (cached?.locale === locale) return cached.options;
  const collator = new Intl.Collator(locale);
  const options = (field.options ?? NO_OPTIONS)
    .map((o) => {
      const name = countryName(o.value, locale);
      return { value: o.value, label: name && name !== o.value ? name : o.label };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
  namedCountries.set(field, { locale, options });
  return options;
}

/**
 * Renders `select` and `country` fields as a native `<select>`: keyboard type-ahead, screen-reader
 * support and the phone's own picker come with it. Countries are listed by their localised name
 * (sorted in the user's language) and the value is the ISO code.
 */
export function renderSelectField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const ids = fieldIds(field, ctx);
  const value = asText(getPath(ctx.view.values, ctx.path));
  const isCountry = field.type === 'country';
  const options = isCountry ? countryOptions(field, ctx.view) : (field.options ?? []);
  const placeholder = t(ctx.view, isCountry ? 'views.country.placeholder' : 'views.select.placeholder');
  return html`<div class="field" part="field">
    ${renderLabel(field, ids.id, ctx.view)} ${renderHint(field.hint, ids.hintId, ctx.view)}
    <select
      id=${ids.id}
      class="control"
      data-field-path=${ctx.path}
      ?required=${!!field.required}
      aria-required=${!!field.required}
      aria-invalid=${ifDefined(ids.error ? 'true' : undefined)}
      aria-describedby=${ifDefined(ids.describedBy)}
      autocomplete=${ifDefined(field.autocomplete ?? (isCountry ? 'country' : undefined))}
      @change=${(e: Event) => ctx.actions.setValue(ctx.path, (e.target as HTMLSelectElement).value || null)}
    >
      <option value="" ?selected=${value === ''}>${placeholder}</option>
      ${optionList(options, value)}
    </select>
    ${renderError(ctx.view, ids.error, ids.errorId)}
  </div>`;
}
