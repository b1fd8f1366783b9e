import { css } from 'lit';

/**
 * Styles of the element itself and of its own screens (waiting, invalid token, expired, loading).
 * The step views bring their own styles (`src/views/styles.ts`), which also resolve the design
 * tokens (`--tl-*` into `--_*`, light and dark) on `:host` for both.
 */
export const elementStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
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
    padding: calc(var(--_space) * 1.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .status h2 {
    margin: 0 0 0.5em;
    font-size: 1.25em;
  }
  .status p {
    margin: 0.25em 0;
  }
  /*
   * Waiting for a token: shown once that has taken 0.3 s (as the runner's loading screen; @keyframes
   * tl-late is in src/views/styles/steps.ts). A page that sets the token at once shows no flash of
   * "Waiting to start", and the browser draws no frame of it before the page's own script runs. Not
   * the official engine's loading screen: in WebKit, an animation running there as the modal frame
   * opens leaves that frame 0 px high (test/official/lifecycle.test.ts, modal).
   */
  .status[data-screen='idle'] {
    animation: tl-late 0.3s;
  }
  .status[data-tone='danger'] {
    border-color: var(--_danger);
  }
`;
