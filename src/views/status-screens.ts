import { html, type TemplateResult } from 'lit';
import { msg } from '../i18n/localize.js';

/**
 * The element's own screens, shown while no workflow is on screen (the runner draws its loading
 * screen), and the official engine's end screens once TransactionLink's frame is gone.
 */
export type StatusScreen = 'idle' | 'invalid' | 'expired' | 'complete' | 'cancelled';

/**
 * Renders one status screen in the given language: the messages `state.<screen>.title` and
 * `state.<screen>.body` (`views.<screen>.*` for the end screens, the texts the native engine's end
 * screens show); an invalid token in the danger tone; invalid and expired announced as alerts,
 * the others as a status.
 */
export function renderStatusScreen(screen: StatusScreen, locale: string): TemplateResult {
  const texts = screen === 'complete' || screen === 'cancelled' ? (`views.${screen}` as const) : (`state.${screen}` as const);
  return html`
    <section
      part="status"
      class="status"
      data-screen=${screen}
      data-tone=${screen === 'invalid' ? 'danger' : 'neutral'}
      role=${screen === 'invalid' || screen === 'expired' ? 'alert' : 'status'}
    >
      <h2>${msg(locale, `${texts}.title`)}</h2>
      <p>${msg(locale, `${texts}.body`)}</p>
    </section>
  `;
}
