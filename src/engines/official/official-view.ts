import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localize.js';
import { renderStatusScreen } from '../../views/status-screens.js';
import type { OfficialScreen } from './official-screen.js';

/** The slot a light-DOM `<transactionlink-widget>` is assigned to (page-realm.ts puts it there). */
const WIDGET_SLOT = 'transactionlink';

/** What the official engine shows around TransactionLink's own widget. */
export interface OfficialView {
  locale: string;
  screen: OfficialScreen;
  /** The frame TransactionLink's script runs in (frame-realm.ts), while there is one. */
  frame: HTMLIFrameElement | null;
  retry: () => void;
}

function renderScreen(view: OfficialView): TemplateResult | typeof nothing {
  const { locale, screen } = view;
  if (screen === 'busy') {
    return html`<section part="status" class="status" data-screen=${screen} data-tone="danger">
      <h2>${msg(locale, 'official.busy.title')}</h2>
      <p role="alert">${msg(locale, 'official.busy.body')}</p>
      <button type="button" part="button" class="button button--primary" @click=${view.retry}>
        ${msg(locale, 'views.banner.retry')}
      </button>
    </section>`;
  }
  // Loading, a failure (with Try again), or a finished workflow whose frame is gone: the element's own status screens.
  return screen ? renderStatusScreen(screen, locale, screen === 'failed' ? view.retry : undefined) : nothing;
}

/**
 * Our status screen (if any) above TransactionLink's widget: its frame (always the same element
 * while it lives, so Lit never moves it, which would reload it), or the slot of a light-DOM one.
 */
export function renderOfficial(view: OfficialView): TemplateResult {
  const { frame } = view;
  if (frame) frame.title = msg(view.locale, 'official.frame');
  return html`${renderScreen(view)}${frame ?? nothing}<slot name=${WIDGET_SLOT}></slot>`;
}
