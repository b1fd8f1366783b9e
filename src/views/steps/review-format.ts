import { html, type TemplateResult } from 'lit';
import type { FieldDefinition, FieldValue, StepDefinition, StepValues } from '../../client/api-types.js';
import type { RunnerViewModel } from '../../runner/view-model.js';
import { asText, countryName, formatPhone, isFileRef, isPhone, t } from '../util.js';

/** One row of the review: a term and its formatted description (text, or a list for groups). */
export interface ReviewRow {
  term: string;
  value: string | TemplateResult;
}

function isEmpty(value: FieldValue | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function formatDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A field's value as the user should read it back: names not codes, `+48 600 000 000`, Yes/No, file names. */
export function formatValue(field: FieldDefinition, value: FieldValue | undefined, view: RunnerViewModel): string | TemplateResult {
  if (field.type === 'checkbox') return t(view, value === true ? 'views.review.yes' : 'views.review.no');
  if (isEmpty(value)) return t(view, 'views.review.empty');
  switch (field.type) {
    case 'country':
      return countryName(asText(value), view.locale);
    case 'select':
    case 'radio': {
      const text = asText(value);
      return field.options?.find((o) => o.value === text)?.label ?? text;
    }
    case 'tel':
      return isPhone(value) ? formatPhone(value) : asText(value);
    case 'file':
      return isFileRef(value) ? value.name : asText(value);
    case 'date':
      return formatDate(asText(value), view.locale);
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(view.locale).format(value) : asText(value);
    case 'group': {
      const entries = Array.isArray(value) ? value : [];
      const label = field.itemLabel ?? field.label;
      return html`<ol class="review-group">
        ${entries.map(
          (entry, i) => html`<li>
            <span class="review-group__title">${t(view, 'views.group.item', { label, n: i + 1 })}</span>
            ${renderRows(fieldRows(field.fields ?? [], entry, view))}
          </li>`,
        )}
      </ol>`;
    }
    default:
      return asText(value);
  }
}

/** Rows for a list of fields and their values. */
export function fieldRows(fields: FieldDefinition[], values: StepValues | undefined, view: RunnerViewModel): ReviewRow[] {
  return fields.map((f) => ({ term: f.label, value: formatValue(f, values?.[f.name], view) }));
}

/** Rows of a step: its fields; for a bank step, the bank (or "not listed"), the consent and user name, never the password. */
export function stepRows(step: StepDefinition, values: StepValues | undefined, view: RunnerViewModel): ReviewRow[] {
  if (step.type !== 'bank') return fieldRows(step.fields ?? [], values, view);
  if (values?.outcome === 'OMITTED') return [{ term: t(view, 'views.review.bank'), value: t(view, 'views.review.bankOmitted') }];
  const bankId = asText(values?.bankId);
  const bank = step.banks?.find((b) => b.id === bankId);
  return [
    { term: t(view, 'views.review.bank'), value: bank?.name ?? (bankId || t(view, 'views.review.empty')) },
    { term: t(view, 'views.review.consent'), value: t(view, values?.consent === true ? 'views.review.yes' : 'views.review.no') },
    { term: t(view, 'views.review.username'), value: asText(values?.username) || t(view, 'views.review.empty') },
  ];
}

/** A description list of rows. */
export function renderRows(rows: ReviewRow[]): TemplateResult {
  return html`<dl class="summary">
    ${rows.map((r) => html`<div><dt>${r.term}</dt><dd>${r.value}</dd></div>`)}
  </dl>`;
}
