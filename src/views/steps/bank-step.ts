import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from '../live.js';
import type { FieldDefinition, StepDefinition } from '../../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../../runner/view-model.js';
import { renderField } from '../fields/render-field.js';
import { fieldIds, renderFieldBox, renderLabel } from '../fields/field-parts.js';
import { asText, idPart, t } from '../util.js';
import { renderBankList } from './bank-list.js';

/** A field of the simulated bank login (labels are the widget's own texts, not the server's). */
function loginInput(name: 'username' | 'password', view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const field: FieldDefinition = { name, type: 'text', label: t(view, `views.bank.${name}`), required: true };
  const ctx = { view, actions, path: name };
  const ids = fieldIds(field, ctx);
  return renderFieldBox(
    field,
    ctx,
    ids,
    html`<input id=${ids.id} class="control" type=${name === 'password' ? name : 'text'} autocomplete="off" spellcheck="false"
      autocapitalize="none" data-field-path=${name} required aria-required="true"
      aria-invalid=${ifDefined(ids.invalid)}
      aria-describedby=${ifDefined(ids.describedBy)}
      .value=${live(asText(view.values[name]))}
      @input=${(e: Event) => actions.setValue(name, (e.target as HTMLInputElement).value)} />`,
    renderLabel(field, ids.id),
  );
}

/**
 * Renders a `bank` step: the bank search and list (`renderBankList`), a "My bank is not listed"
 * button (sets `outcome: 'OMITTED'` and submits), and once a bank is chosen, the consent checkbox
 * with its documents and a simulated bank login. Values: `{bankId, consent, username, password}`.
 */
export function renderBankStep(step: StepDefinition, view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const bank = step.banks?.find((b) => b.id === view.values.bankId);
  const consent = step.consent;
  const notListed = () => {
    if (view.busy || view.tokenExpired) return;
    actions.setValue('outcome', 'OMITTED');
    actions.submit();
  };
  return html`<p class="note">${t(view, 'views.requiredNote')}</p>
    ${renderBankList(step.banks ?? [], `tl-bank-${idPart(step.id)}`, view, actions)}
    <p>
      <button type="button" class="button button--link" part="button"
        aria-disabled=${view.busy || view.tokenExpired}
        @click=${notListed}>${t(view, 'views.bank.notListed')}</button>
    </p>
    ${bank
      ? html`${consent
          ? renderField({ name: 'consent', type: 'checkbox', label: consent.label, links: consent.links, required: true }, { view, actions, path: 'consent' })
          : nothing}
          <fieldset class="field fieldset login" part="field">
            <legend class="label">${t(view, 'views.bank.login', { bank: bank.name })}</legend>
            <p class="hint">${t(view, 'views.bank.loginNote')}</p>
            ${loginInput('username', view, actions)} ${loginInput('password', view, actions)}
          </fieldset>`
      : nothing}`;
}
