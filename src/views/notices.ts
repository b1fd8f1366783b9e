import { html, nothing, type TemplateResult } from 'lit';
import type { RunnerActions, RunnerViewModel } from '../runner/view-model.js';
import { t } from './util.js';

/** The failure banner (role=alert): the message, "Try again" when retryable, and Dismiss. */
export function renderBanner(view: RunnerViewModel, actions: RunnerActions): TemplateResult | typeof nothing {
  const banner = view.banner;
  if (!banner) return nothing;
  return html`<div class="banner banner--error" part="banner" role="alert" data-code=${banner.code}>
    <p>${banner.message}</p>
    <div class="banner__actions">
      ${banner.retryable
        ? html`<button type="button" class="button button--secondary" part="button" @click=${() => actions.retry()}>
            ${t(view, 'views.banner.retry')}</button>`
        : nothing}
      <button type="button" class="button button--link" part="button" @click=${() => actions.dismissBanner()}>
        ${t(view, 'views.banner.dismiss')}</button>
    </div>
  </div>`;
}

/** The "your session timed out" notice (role=alert): answers are kept, sending waits for a new token. */
export function renderTokenExpired(view: RunnerViewModel): TemplateResult | typeof nothing {
  if (!view.tokenExpired) return nothing;
  return html`<div class="banner banner--warning" part="banner" role="alert">
    <p class="banner__title">${t(view, 'views.expired.title')}</p>
    <p>${t(view, 'views.expired.body')}</p>
  </div>`;
}
