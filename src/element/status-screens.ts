import { html, type TemplateResult } from 'lit';
import { msg, type MessageKey } from '../i18n/localize.js';

/** The element's own screens, shown while no workflow is on screen (the runner draws its loading screen). */
export type StatusScreen = 'idle' | 'invalid' | 'expired';

const screens: Record<StatusScreen, { title: MessageKey; body?: MessageKey; tone?: 'danger'; role?: 'alert' }> = {
  idle: { title: 'state.idle.title', body: 'state.idle.body' },
  invalid: { title: 'state.invalid.title', body: 'state.invalid.body', tone: 'danger', role: 'alert' },
  expired: { title: 'state.expired.title', body: 'state.expired.body', role: 'alert' },
};

/** Renders one status screen in the given language. */
export function renderStatusScreen(screen: StatusScreen, locale: string): TemplateResult {
  const { title, body, tone, role } = screens[screen];
  return html`
    <section
      part="status"
      class="status"
      data-screen=${screen}
      data-tone=${tone ?? 'neutral'}
      role=${role ?? 'status'}
    >
      <h2>${msg(locale, title)}</h2>
      ${body ? html`<p>${msg(locale, body)}</p>` : null}
    </section>
  `;
}
