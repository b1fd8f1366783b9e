import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from '../live.js';
import type { Bank } from '../../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../../runner/view-model.js';
import { renderError, requiredMark } from '../fields/field-parts.js';
import { idPart, t } from '../util.js';

/** Folds case and diacritics so "pko" finds "PKO" and "slaski" finds "Śląski". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ł/g, 'l');
}

/** The banks whose name contains `query` (case and diacritics folded); all of them for an empty query. */
function matchingBanks(banks: readonly Bank[], query: string): Bank[] {
  const q = fold(query.trim());
  return q ? banks.filter((b) => fold(b.name).includes(q)) : [...banks];
}

/**
 * The bank search and list of a `bank` step: a search box that filters the list locally (the
 * search text is runner state, `view.bankQuery`, set through `actions.setBankQuery`; the result
 * count is announced politely) and the banks as native radio buttons (`bankId`). A plain render
 * function: no inner custom element to register.
 */
export function renderBankList(banks: readonly Bank[], idBase: string, view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const searchId = `${idBase}-search`;
  const countId = `${idBase}-count`;
  const listId = `${idBase}-list`;
  const error = view.fieldErrors.bankId;
  const errorId = error ? `${idBase}-error` : undefined;
  const selected = view.values.bankId;
  const matches = matchingBanks(banks, view.bankQuery);
  return html`<div class="field" part="field">
      <label class="label" for=${searchId}>${t(view, 'views.bank.search')}</label>
      <input id=${searchId} class="control" type="search" autocomplete="off" spellcheck="false"
        aria-describedby=${countId} aria-controls=${listId}
        .value=${live(view.bankQuery)}
        @input=${(e: Event) => actions.setBankQuery((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') e.preventDefault();
        }} />
      <p class="hint" id=${countId} role="status" aria-live="polite">
        ${matches.length ? t(view, 'views.bank.count', { count: matches.length }) : t(view, 'views.bank.none')}
      </p>
    </div>
    <fieldset class="field fieldset" part="field" id=${listId}>
      <legend class="label">${t(view, 'views.bank.choose')}${requiredMark(true)}</legend>
      <ul class="bank-list">
        ${matches.map((b) => {
          const id = `${idBase}-${idPart(b.id)}`;
          return html`<li class="choice choice--bank">
            <input type="radio" id=${id} name=${`${idBase}-bank`} value=${b.id} data-field-path="bankId" required
              aria-invalid=${ifDefined(errorId && 'true')}
              aria-describedby=${ifDefined(errorId)}
              .checked=${live(b.id === selected)}
              @change=${() => actions.setValue('bankId', b.id)} />
            <label for=${id}>${b.name}</label>
          </li>`;
        })}
      </ul>
      ${renderError(view, error, errorId)}
    </fieldset>`;
}
