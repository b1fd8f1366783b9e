import { LitElement, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Bank } from '../../client/api-types.js';
import { msg } from '../../i18n/localize.js';
import { requiredMark } from '../fields/field-parts.js';
import { describedBy } from '../util.js';

/** Folds case and diacritics so "pko" finds "PKO" and "slaski" finds "Śląski". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}

/**
 * `<tl-bank-picker>`: internal to the bank step. A search box that filters the bank list locally
 * (the result count is announced politely), and the banks as native radio buttons. It keeps only
 * the search text; the choice is reported through `onSelect` and shown from `selected`.
 * Renders into its own light DOM, so the runner's styles and ids of the host shadow root apply.
 */
export class TlBankPicker extends LitElement {
  static override properties = {
    banks: { attribute: false },
    selected: { attribute: false },
    locale: { attribute: false },
    idBase: { attribute: false },
    error: { attribute: false },
    onSelect: { attribute: false },
    query: { state: true },
  };

  banks: Bank[] = [];
  selected: string | null = null;
  locale = 'en';
  idBase = 'tl-bank';
  error: string | undefined = undefined;
  onSelect: (bankId: string) => void = () => {};
  query = '';

  protected override createRenderRoot() {
    return this;
  }

  private get filtered(): Bank[] {
    const q = fold(this.query.trim());
    return q ? this.banks.filter((b) => fold(b.name).includes(q)) : this.banks;
  }

  protected override render() {
    const searchId = `${this.idBase}-search`;
    const countId = `${this.idBase}-count`;
    const errorId = this.error ? `${this.idBase}-error` : undefined;
    const matches = this.filtered;
    return html`<div class="field" part="field">
        <label class="label" for=${searchId}>${msg(this.locale, 'views.bank.search')}</label>
        <input id=${searchId} class="control" type="search" autocomplete="off" spellcheck="false"
          aria-describedby=${countId} aria-controls=${`${this.idBase}-list`}
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') e.preventDefault();
          }} />
        <p class="hint" id=${countId} role="status" aria-live="polite">
          ${matches.length ? msg(this.locale, 'views.bank.count', { count: matches.length }) : msg(this.locale, 'views.bank.none')}
        </p>
      </div>
      <fieldset class="field fieldset" part="field" id=${`${this.idBase}-list`}>
        <legend class="label">${msg(this.locale, 'views.bank.choose')}${requiredMark(true)}</legend>
        <ul class="bank-list">
          ${matches.map((b) => {
            const id = `${this.idBase}-${b.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
            return html`<li class="choice choice--bank">
              <input type="radio" id=${id} name=${`${this.idBase}-bank`} value=${b.id} data-field-path="bankId" required
                aria-invalid=${ifDefined(errorId ? 'true' : undefined)}
                aria-describedby=${ifDefined(describedBy(errorId))}
                .checked=${b.id === this.selected}
                @change=${() => this.onSelect(b.id)} />
              <label for=${id}>${b.name}</label>
            </li>`;
          })}
        </ul>
        ${errorId
          ? html`<p class="error" id=${errorId} part="error"><span class="vh">${msg(this.locale, 'views.errorPrefix')} </span>${this.error}</p>`
          : nothing}
      </fieldset>`;
  }
}

// Guarded: the widget may be loaded twice; no registry under server-side rendering.
if (typeof customElements !== 'undefined' && !customElements.get('tl-bank-picker')) {
  customElements.define('tl-bank-picker', TlBankPicker);
}

declare global {
  interface HTMLElementTagNameMap {
    'tl-bank-picker': TlBankPicker;
  }
}
