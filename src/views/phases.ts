import { html, nothing, type TemplateResult } from 'lit';
import type { RunnerActions, RunnerViewModel } from '../runner/view-model.js';
import type { MessageKey } from '../i18n/localize.js';
import { t } from './util.js';

/** The loading screen: a busy indicator with text. */
export function renderLoading(view: RunnerViewModel): TemplateResult {
  return html`<div class="screen screen--loading" part="step" aria-busy="true">
    <span class="spinner spinner--large" aria-hidden="true"></span>
    <p class="screen__body" role="status">${t(view, 'views.loading')}</p>
  </div>`;
}

type EndPhase = 'awaiting' | 'complete' | 'cancelled' | 'error';

const TEXTS: Record<EndPhase, { title: MessageKey; body: MessageKey; icon: string }> = {
  awaiting: { title: 'views.awaiting.title', body: 'views.awaiting.body', icon: '⏳' },
  complete: { title: 'views.complete.title', body: 'views.complete.body', icon: '✓' },
  cancelled: { title: 'views.cancelled.title', body: 'views.cancelled.body', icon: '–' },
  error: { title: 'views.error.title', body: 'views.error.body', icon: '!' },
};

/**
 * Screens once the steps are over, or could not start: awaiting (checks still run), complete,
 * cancelled, and error (with the failure's message and a retry). Their heading is focusable like
 * a step heading, so the runner can move focus to it.
 */
export function renderEndScreen(phase: EndPhase, view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const text = TEXTS[phase];
  return html`<div class="screen screen--${phase}" part="step">
    <span class="screen__icon" aria-hidden="true">${text.icon}</span>
    ${view.execution?.name ? html`<p class="workflow-name">${view.execution.name}</p>` : nothing}
    <h2 class="step-heading" data-step-heading tabindex="-1">${t(view, text.title)}</h2>
    ${phase === 'error' && view.banner
      ? html`<p class="screen__body" role="alert">${view.banner.message}</p>`
      : nothing}
    <p class="screen__body">${t(view, text.body)}</p>
    ${phase === 'error'
      ? html`<button type="button" class="button button--primary" part="button" @click=${() => actions.retry()}>
          ${t(view, 'views.error.retry')}</button>`
      : nothing}
  </div>`;
}
