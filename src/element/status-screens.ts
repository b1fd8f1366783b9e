import { html, type TemplateResult } from 'lit';
import { msg } from '../i18n/localize.js';

/** The element's own screens, shown while no workflow is on screen (the runner draws its loading screen). */
export type StatusScreen = 'idle' | 'invalid' | 'expired';

/**
 * Renders one status screen in the given language: the messages `state.<screen>.title` and
 * `state.<screen>.body`; an invalid token in the danger tone; invalid and expired announced as alerts.
 */
export function renderStatusScreen(screen: StatusScreen, locale: string): TemplateResult {
  return html`
    <section
      part="status"
      class="status"
      data-screen=${screen}
      data-tone=${screen === 'invalid' ? 'danger' : 'neutral'}
      role=${screen === 'idle' ? 'status' : 'alert'}
    >
      <h2>${msg(locale, `state.${screen}.title`)}</h2>
      <p>${msg(locale, `state.${screen}.body`)}</p>
    </section>
  `;
}
