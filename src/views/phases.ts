import { html, nothing, type TemplateResult } from 'lit';
import type { RunnerActions, RunnerViewModel } from '../runner/view-model.js';
import { t } from './util.js';

/** The loading screen: a busy indicator with text. */
export function renderLoading(view: RunnerViewModel): TemplateResult {
  return html`<div class="screen screen--loading" part="step" aria-busy="true">
    <span class="spinner spinner--large" aria-hidden="true"></span>
    <p class="screen__body" role="status">${t(view, 'views.loading')}</p>
  </div>`;
}

type EndPhase = 'awaiting' | 'complete' | 'cancelled' | 'error';

/** Icons drawn with `currentColor` (no icon font, no emoji that a system may lack): one path each. */
const ICONS: Record<EndPhase, string> = {
  awaiting: 'M4 12a8 8 0 1 0 16 0a8 8 0 1 0-16 0M12 7v5l3 2',
  complete: 'M6 12.5l4 4 8-9',
  cancelled: 'M8 8l8 8M16 8l-8 8',
  error: 'M12 6v8M12 17.5v.5',
};

/**
 * Screens once the steps are over, or could not start: awaiting (checks still run), complete,
 * cancelled, and error (with the failure's message and a retry); their texts are the messages
 * `views.<phase>.title` and `views.<phase>.body`. Their heading is focusable like a step heading,
 * so the runner can move focus to it.
 */
export function renderEndScreen(phase: EndPhase, view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  return html`<div class="screen screen--${phase}" part="step">
    <span class="screen__icon" aria-hidden="true"
      ><svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="2.5"
        stroke-linecap="round" stroke-linejoin="round"><path d=${ICONS[phase]} /></svg></span
    >
    ${view.execution?.name ? html`<p class="workflow-name">${view.execution.name}</p>` : nothing}
    <h2 class="step-heading" data-step-heading tabindex="-1">${t(view, `views.${phase}.title`)}</h2>
    ${phase === 'error' && view.banner
      ? html`<p class="screen__body" role="alert">${view.banner.message}</p>`
      : nothing}
    <p class="screen__body">${t(view, `views.${phase}.body`)}</p>
    ${phase === 'error'
      ? html`<button type="button" class="button button--primary" part="button" @click=${() => actions.retry()}>
          ${t(view, 'views.banner.retry')}</button>`
      : nothing}
  </div>`;
}
