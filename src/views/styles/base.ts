import { css } from 'lit';

/** Typography, focus ring, header and buttons, in the design tokens `theme.ts` resolves on `:host`. */
export const baseStyles = css`
  .runner {
    container-type: inline-size;
    color-scheme: var(--_scheme);
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    padding: var(--_space);
    overflow-wrap: anywhere;
  }
  .runner *,
  .runner *::before,
  .runner *::after {
    box-sizing: inherit;
  }
  .vh {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .runner p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .runner a {
    color: var(--_accent-text);
    text-underline-offset: 0.15em;
  }
  .runner :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* Headings take focus on a step change: ringed only when the keyboard moved there. */
  .runner [data-step-heading]:focus:not(:focus-visible) {
    outline: none;
  }

  /* Header */
  .header {
    margin-bottom: var(--_space);
  }
  .workflow-name {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    margin-bottom: 0.5rem;
  }
  .progress__text {
    font-size: 0.875em;
    color: var(--_muted);
  }
  progress {
    flex: 1 1 8rem;
    height: 0.5rem;
    accent-color: var(--_accent);
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .steps__item {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  .steps__marker {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    border: 2px solid var(--_border);
    flex: none;
  }
  .steps__item--done .steps__marker {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .steps__item--current {
    color: var(--_text);
    font-weight: 600;
  }
  .steps__item--current .steps__marker {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 2px var(--_bg), inset 0 0 0 6px var(--_accent);
  }
  .step-heading {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  .step-description {
    color: var(--_muted);
  }

  /* Buttons */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 600;
    border-radius: var(--_radius);
    border: 2px solid transparent;
    cursor: pointer;
  }
  .button--primary {
    color: var(--_accent-contrast);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .button--secondary {
    color: var(--_accent-text);
    background: var(--_bg);
    border-color: var(--_accent);
  }
  .button--danger {
    color: var(--_danger);
    background: var(--_bg);
    border-color: var(--_danger);
  }
  .button--link {
    padding-inline: 0.25rem;
    color: var(--_accent-text);
    background: none;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .button[aria-disabled='true'],
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
