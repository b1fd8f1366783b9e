import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition, StepDefinition } from '../../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../../runner/view-model.js';
import { renderCheckboxField } from '../fields/checkbox-field.js';
import { fieldIds, renderError, renderLabel } from '../fields/field-parts.js';
import { asText, getPath, idPart, t, type FieldContext } from '../util.js';
import { renderBankList } from './bank-list.js';

function loginInput(
  field: FieldDefinition,
  ctx: FieldContext,
  type: 'text' | 'password',
): TemplateResult {
  const ids = fieldIds(field, ctx);
  return html`<div class="field" part="field">
    ${renderLabel(field, ids.id)}
    <input id=${ids.id} class="control" type=${type} autocomplete="off" spellcheck="false" autocapitalize="none"
      data-field-path=${ctx.path} required aria-required="true"
      aria-invalid=${ifDefined(ids.error ? 'true' : undefined)}
      aria-describedby=${ifDefined(ids.describedBy)}
      .value=${live(asText(getPath(ctx.view.values, ctx.path)))}
      @input=${(e: Event) => ctx.actions.setValue(ctx.path, (e.target as HTMLInputElement).value)} />
    ${renderError(ctx.view, ids.error, ids.errorId)}
  </div>`;
}

/**
 * Renders a `bank` step: the bank search and list (`renderBankList`), a "My bank is not listed"
 * button (sets `outcome: 'OMITTED'` and submits), and once a bank is chosen, the consent checkbox
 * with its documents and a simulated bank login. Values: `{bankId, consent, username, password}`.
 */
export function renderBankStep(step: StepDefinition, view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const bankId = asText(getPath(view.values, 'bankId')) || null;
  const bank = (step.banks ?? []).find((b) => b.id === bankId);
  const consentField: FieldDefinition = {
    name: 'consent',
    type: 'checkbox',
    label: step.consent?.label ?? '',
    links: step.consent?.links,
    required: true,
  };
  const notListed = () => {
    if (view.busy || view.tokenExpired) return;
    actions.setValue('outcome', 'OMITTED');
    actions.submit();
  };
  return html`<p class="note">${t(view, 'views.requiredNote')}</p>
    ${renderBankList(step.banks ?? [], `tl-bank-${idPart(step.id)}`, view, actions)}
    <p class="not-listed">
      <button type="button" class="button button--link" part="button"
        aria-disabled=${view.busy || view.tokenExpired ? 'true' : 'false'}
        @click=${notListed}>${t(view, 'views.bank.notListed')}</button>
    </p>
    ${bank
      ? html`${step.consent ? renderCheckboxField(consentField, { view, actions, path: 'consent' }) : nothing}
          <fieldset class="field fieldset login" part="field">
            <legend class="label">${t(view, 'views.bank.login', { bank: bank.name })}</legend>
            <p class="hint">${t(view, 'views.bank.loginNote')}</p>
            ${loginInput({ name: 'username', type: 'text', label: t(view, 'views.bank.username'), required: true },
              { view, actions, path: 'username' }, 'text')}
            ${loginInput({ name: 'password', type: 'text', label: t(view, 'views.bank.password'), required: true },
              { view, actions, path: 'password' }, 'password')}
          </fieldset>`
      : nothing}`;
}
