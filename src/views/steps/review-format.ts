import { html, type TemplateResult } from 'lit';
import type { FieldDefinition, FieldValue, StepDefinition, StepValues } from '../../schema/api-types.js';
import type { RunnerViewModel } from '../../runner/view-model.js';
import type { MessageKey } from '../../i18n/localize.js';
import { formatDate } from '../../i18n/format.js';
import { isEmpty } from '../../shared/field-values.js';
import { asText, countryName, formatPhone, isFileRef, isPhone, t } from '../util.js';

/** One row of the review: a term and its formatted description (text, or a list for groups). */
export interface ReviewRow {
  term: string;
  value: string | TemplateResult;
}

/** A field's value as the user should read it back: names not codes, `+48 600 000 000`, Yes/No, file names. */
function formatValue(field: FieldDefinition, value: FieldValue | undefined, view: RunnerViewModel): string | TemplateResult {
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
      return formatDate(asText(value), view.dateLocale ?? view.locale, 'long');
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
function fieldRows(fields: FieldDefinition[], values: StepValues | undefined, view: RunnerViewModel): ReviewRow[] {
  return fields.map((f) => ({ term: f.label, value: formatValue(f, values?.[f.name], view) }));
}

/** `PL61109010140000071219812874` -> `PL61 1090 1014 0000 0712 1981 2874`. */
function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Rows of a step: its fields. For a bank step: the bank (or "not listed"), the connection status
 * and account once saved, the consent and user name while still a draft; never the password.
 */
export function stepRows(step: StepDefinition, values: StepValues | undefined, view: RunnerViewModel): ReviewRow[] {
  if (step.type !== 'bank') return fieldRows(step.fields ?? [], values, view);
  const row = (key: MessageKey, value: string): ReviewRow => ({ term: t(view, key), value });
  if (values?.outcome === 'OMITTED') return [row('views.review.bank', t(view, 'views.review.bankOmitted'))];
  const bankId = asText(values?.bankId);
  const bankName = step.banks?.find((b) => b.id === bankId)?.name ?? asText(values?.bankName);
  const rows = [row('views.review.bank', bankName || bankId || t(view, 'views.review.empty'))];
  if (values?.outcome === 'COMPLETE') rows.push(row('views.review.status', t(view, 'views.review.bankConnected')));
  if (values?.outcome === 'TIMEDOUT') rows.push(row('views.review.status', t(view, 'views.review.bankTimedOut')));
  if (typeof values?.accountIban === 'string') rows.push(row('views.review.account', formatIban(values.accountIban)));
  if (values?.outcome === undefined) {
    rows.push(row('views.review.consent', t(view, values?.consent === true ? 'views.review.yes' : 'views.review.no')));
    if (asText(values?.username)) rows.push(row('views.review.username', asText(values?.username)));
  }
  return rows;
}

/** A description list of rows. */
export function renderRows(rows: ReviewRow[]): TemplateResult {
  return html`<dl class="summary">
    ${rows.map((r) => html`<div><dt>${r.term}</dt><dd>${r.value}</dd></div>`)}
  </dl>`;
}
