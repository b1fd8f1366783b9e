import { css } from 'lit';

/**
 * Styles of the element itself and of its own screens (waiting, invalid token, expired, loading).
 * The step views bring their own styles (`src/views/styles.ts`).
 */
export const elementStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--tl-color-text, #1f2328);
    background: var(--tl-color-bg, #ffffff);
    font-family: var(--tl-font-family, system-ui, sans-serif);
    font-size: var(--tl-font-size, 1rem);
    line-height: 1.5;
    contain: content;
  }
  :host([hidden]) {
    display: none;
  }
  /* The official engine's <transactionlink-widget> (light DOM): a block, so its frame can be full width. */
  ::slotted(transactionlink-widget) {
    display: block;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .status {
    padding: calc(var(--tl-space, 1rem) * 1.5) var(--tl-space, 1rem);
    border: 1px solid var(--tl-color-border, #6b7280);
    border-radius: var(--tl-radius, 6px);
  }
  .status h2 {
    margin: 0 0 0.5em;
    font-size: 1.25em;
  }
  .status h2:focus {
    outline: none;
  }
  .status p {
    margin: 0.25em 0;
  }
  .status[data-tone='danger'] {
    border-color: var(--tl-color-danger, #b42318);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color: var(--tl-color-text, #e6e8eb);
      background: var(--tl-color-bg, #16181d);
    }
    .status {
      border-color: var(--tl-color-border, #8b93a1);
    }
    .status[data-tone='danger'] {
      border-color: var(--tl-color-danger, #ff8a80);
    }
  }
`;
