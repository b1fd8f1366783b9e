import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../i18n/localize.js';

/**
 * The element's own screens, shown while no workflow is on screen (the runner draws its loading
 * screen), and the official engine's: loading, failed (its script or its part could not be
 * loaded), and its end screens once TransactionLink's frame is gone.
 */
export type StatusScreen = 'idle' | 'invalid' | 'unavailable' | 'expired' | 'renewing' | 'complete' | 'cancelled' | 'loading' | 'failed';

/**
 * Renders one status screen in the given language: the messages `state.<screen>.title` and
 * `state.<screen>.body` (`views.<screen>.*` for the end screens, `views.error.*` for `failed`: the
 * texts the native engine's screens show); an invalid token (or none to be had) or a failure in the
 * danger tone and announced as an alert, as is an expired one; `loading` as a busy status with one
 * line; the others as a status. With `retry`, a "Try again" button calls it.
 */
export function renderStatusScreen(screen: StatusScreen, locale: string, retry?: () => void): TemplateResult {
  if (screen === 'loading') {
    return html`<section part="status" class="status" data-screen="loading" role="status" aria-busy="true">
      <p>${msg(locale, 'views.loading')}</p>
    </section>`;
  }
  const danger = screen === 'invalid' || screen === 'unavailable' || screen === 'failed';
  const texts = screen === 'failed' ? 'views.error' : screen === 'complete' || screen === 'cancelled' ? (`views.${screen}` as const) : (`state.${screen}` as const);
  return html`
    <section
      part="status"
      class="status"
      data-screen=${screen}
      data-tone=${danger ? 'danger' : 'neutral'}
      role=${danger || screen === 'expired' ? 'alert' : 'status'}
    >
      <h2>${msg(locale, `${texts}.title`)}</h2>
      <p>${msg(locale, `${texts}.body`)}</p>
      ${retry
        ? html`<button type="button" part="button" class="button button--primary" @click=${retry}>${msg(locale, 'views.banner.retry')}</button>`
        : nothing}
    </section>
  `;
}
