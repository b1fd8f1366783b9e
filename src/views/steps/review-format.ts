import { html, type TemplateResult } from 'lit';
import type { FieldDefinition, FieldValue, StepDefinition, StepValues } from '../../schema/api-types.js';
import type { RunnerViewModel } from '../../runner/view-model.js';
import { formatDate, formatParam } from '../../i18n/format.js';
import { isEmpty } from '../../shared/field-values.js';
import { renderRows, type SummaryRow } from '../summary.js';
import { asText, countryName, dateLocale, formatPhone, isFileRef, isPhone, t } from '../util.js';

/** A field's value as the user should read it back: names not codes, `+48 600 000 000`, Yes/No, file names. */
function formatValue(field: FieldDefinition, value: FieldValue | undefined, view: RunnerViewModel): string | TemplateResult {
  if (field.type === 'checkbox') return yesNo(view, value);
  if (isEmpty(value)) return t(view, 'views.review.empty');
  const text = asText(value);
  switch (field.type) {
    case 'country':
      return countryName(text, view.locale);
    case 'select':
    case 'radio':
      return field.options?.find((o) => o.value === text)?.label ?? text;
    case 'tel':
      return isPhone(value) ? formatPhone(value) : text;
    case 'file':
      return isFileRef(value) ? value.name : text;
    case 'date':
      return formatDate(text, dateLocale(view), 'long');
    case 'number':
      return typeof value === 'number' ? formatParam(value, view.locale) : text;
    case 'group': {
      const label = field.itemLabel ?? field.label;
      return html`<ol class="review-group">
        ${(Array.isArray(value) ? value : []).map(
          (entry, i) => html`<li>
            <span class="review-group__title">${t(view, 'views.group.item', { label, n: i + 1 })}</span>
            ${renderRows(fieldRows(field.fields ?? [], entry, view))}
          </li>`,
        )}
      </ol>`;
    }
    default:
      return text;
  }
}

/** "Yes" for `true`, else "No". */
function yesNo(view: RunnerViewModel, value: FieldValue | undefined): string {
  return t(view, value === true ? 'views.review.yes' : 'views.review.no');
}

/** Rows for a list of fields and their values. */
function fieldRows(fields: FieldDefinition[], values: StepValues | undefined, view: RunnerViewModel): SummaryRow[] {
  return fields.map((f) => ({ term: f.label, value: formatValue(f, values?.[f.name], view) }));
}

/**
 * Rows of a step: its fields. For a bank step: the bank (or "not listed"), the connection status
 * and account once saved, the consent and user name while still a draft; never the password.
 */
export function stepRows(step: StepDefinition, values: StepValues = {}, view: RunnerViewModel): SummaryRow[] {
  if (step.type !== 'bank') return fieldRows(step.fields ?? [], values, view);
  const { outcome, accountIban } = values;
  const rows: SummaryRow[] = [];
  const row = (key: 'bank' | 'status' | 'account' | 'consent' | 'username', value: string) =>
    rows.push({ term: t(view, `views.review.${key}`), value });
  const bankId = asText(values.bankId);
  const username = asText(values.username);
  if (outcome === 'OMITTED') row('bank', t(view, 'views.review.bankOmitted'));
  else {
    row('bank', (step.banks?.find((b) => b.id === bankId)?.name ?? asText(values.bankName)) || bankId || t(view, 'views.review.empty'));
    if (outcome === 'COMPLETE') row('status', t(view, 'views.review.bankConnected'));
    if (outcome === 'TIMEDOUT') row('status', t(view, 'views.review.bankTimedOut'));
    // `PL61109010140000071219812874` -> `PL61 1090 1014 0000 0712 1981 2874`.
    if (typeof accountIban === 'string') row('account', accountIban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 '));
    if (outcome === undefined) row('consent', yesNo(view, values.consent));
    if (outcome === undefined && username) row('username', username);
  }
  return rows;
}
