import { html, type TemplateResult } from 'lit';

/** One row of a summary: a term and its description (text, or a list for groups). */
export interface SummaryRow {
  term: string;
  value: string | TemplateResult;
}

/** A description list of rows (the registry's company, the review's answers). */
export function renderRows(rows: SummaryRow[]): TemplateResult {
  return html`<dl class="summary">${rows.map((r) => html`<div><dt>${r.term}</dt><dd>${r.value}</dd></div>`)}</dl>`;
}
