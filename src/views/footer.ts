import { html, nothing, type TemplateResult } from 'lit';
import type { RunnerActions, RunnerViewModel } from '../runner/view-model.js';
import { focusOnce, refocusAfterRender } from './focus.js';
import { t } from './util.js';

const CANCEL_TRIGGER_ID = 'tl-cancel-trigger';

/** The label of the primary button: Submit on review or the last step, Saving... while busy. */
function primaryLabel(view: RunnerViewModel): string {
  if (view.busy) return t(view, 'views.footer.saving');
  const last = view.step?.type === 'review' || view.stepIndex >= view.stepCount - 1;
  return t(view, last ? 'views.footer.submit' : 'views.footer.continue');
}

/** The inline "Leave the verification?" confirmation: focus moves to Stay; Escape stays. */
function renderCancelConfirm(view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const stay = (e: Event) => {
    actions.dismissCancel();
    refocusAfterRender(e.currentTarget as Element, [CANCEL_TRIGGER_ID]);
  };
  return html`<div class="confirm" role="alertdialog" aria-labelledby="tl-confirm-title" aria-describedby="tl-confirm-body"
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        stay(e);
      }
    }}>
    <p class="confirm__title" id="tl-confirm-title">${t(view, 'views.cancel.title')}</p>
    <p id="tl-confirm-body">${t(view, 'views.cancel.body')}</p>
    <div class="confirm__actions">
      <button type="button" class="button button--primary" part="button" ${focusOnce()} @click=${stay}>
        ${t(view, 'views.cancel.stay')}</button>
      <button type="button" class="button button--danger" part="button" @click=${() => actions.confirmCancel()}>
        ${t(view, 'views.cancel.leave')}</button>
    </div>
  </div>`;
}

/**
 * The footer: Back (not on the first step), the primary Continue/Submit button (a form submit,
 * `aria-disabled` and "Saving..." while busy, disabled while the token is expired), and the
 * Cancel link-button, replaced by the inline confirmation while `view.confirmingCancel`.
 */
export function renderFooter(view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const blocked = view.busy || view.tokenExpired;
  return html`<div class="footer" part="footer">
    <div class="footer__nav">
      ${view.stepIndex > 0
        ? html`<button type="button" class="button button--secondary" part="button"
            @click=${() => actions.back()}>${t(view, 'views.footer.back')}</button>`
        : nothing}
      <button type="submit" class="button button--primary" part="button" data-primary
        ?disabled=${view.tokenExpired}
        aria-disabled=${blocked}
        aria-busy=${view.busy}>
        ${view.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${primaryLabel(view)}
      </button>
    </div>
    ${view.confirmingCancel
      ? renderCancelConfirm(view, actions)
      : html`<button type="button" class="button button--link footer__cancel" part="button" id=${CANCEL_TRIGGER_ID}
          @click=${() => actions.requestCancel()}>${t(view, 'views.footer.cancel')}</button>`}
  </div>`;
}
