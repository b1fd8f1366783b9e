import { html, nothing, type TemplateResult } from 'lit';
import { msg, type MessageKey } from '../../i18n/localize.js';
import type { OfficialScreen } from './official-screen.js';

/** The slot TransactionLink's `<transactionlink-widget>` is assigned to (official-engine.ts puts it there). */
const WIDGET_SLOT = 'transactionlink';


/** What the official engine shows around TransactionLink's own widget. */
export interface OfficialView {
  locale: string;
  screen: OfficialScreen;
  retry: () => void;
}

const ENDED: Record<'complete' | 'cancelled', { title: MessageKey; body: MessageKey }> = {
  complete: { title: 'views.complete.title', body: 'views.complete.body' },
  cancelled: { title: 'views.cancelled.title', body: 'views.cancelled.body' },
};

const FAILED = { title: 'views.error.title', body: 'views.error.body' } as const;
const BUSY = { title: 'official.busy.title', body: 'official.busy.body' } as const;

function renderScreen(view: OfficialView): TemplateResult | typeof nothing {
  const { locale, screen } = view;
  if (screen === 'loading') {
    return html`<section part="status" class="status" data-screen="loading" role="status" aria-busy="true">
      <p>${msg(locale, 'views.loading')}</p>
    </section>`;
  }
  if (screen === 'failed' || screen === 'busy') {
    const text = screen === 'busy' ? BUSY : FAILED;
    return html`<section part="status" class="status" data-screen=${screen} data-tone="danger">
      <h2>${msg(locale, text.title)}</h2>
      <p role="alert">${msg(locale, text.body)}</p>
      <button type="button" part="button" class="button button--primary" @click=${view.retry}>
        ${msg(locale, 'views.error.retry')}
      </button>
    </section>`;
  }
  if (screen === 'complete' || screen === 'cancelled') {
    const text = ENDED[screen];
    return html`<section part="status" class="status" data-screen=${screen} role="status">
      <h2>${msg(locale, text.title)}</h2>
      <p>${msg(locale, text.body)}</p>
    </section>`;
  }
  return nothing;
}

/** Our status screen (if any) above the slot that shows TransactionLink's widget, inline. */
export function renderOfficial(view: OfficialView): TemplateResult {
  return html`${renderScreen(view)}<slot name=${WIDGET_SLOT}></slot>`;
}
