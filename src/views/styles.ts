import { css, type CSSResult } from 'lit';

/**
 * Styles of the step views, for the element's `static styles` (next to its own `:host` rules).
 * Everything is scoped to the shadow root; nothing touches the host page.
 *
 * CSS custom properties (set them on `<tl-workflow>`; each has a fallback, light and dark):
 * - `--tl-color-accent`: primary buttons, focus ring, progress, selected states. Default `#1d4ed8` (dark: `#8ab4f8`).
 * - `--tl-color-accent-contrast`: text on the accent colour. Default `#ffffff` (dark: `#0b1220`).
 * - `--tl-color-text`: body text. Default `#1f2328` (dark: `#e6e8eb`).
 * - `--tl-color-muted`: hints and secondary text. Default `#4b5563` (dark: `#b4bac3`).
 * - `--tl-color-bg`: widget background. Default `#ffffff` (dark: `#16181d`).
 * - `--tl-color-surface`: cards, drop zone, review sections. Default `#f4f5f7` (dark: `#20242b`).
 * - `--tl-color-border`: control and card borders (3:1 against the background). Default `#6b7280` (dark: `#8b93a1`).
 * - `--tl-color-danger`: errors and the Leave button. Default `#b42318` (dark: `#ff8a80`).
 * - `--tl-color-success`: found / uploaded states. Default `#1a7f37` (dark: `#7ee2a8`).
 * - `--tl-radius`: corner radius of controls and cards. Default `6px`.
 * - `--tl-font-family`: font stack. Default `system-ui, sans-serif`.
 * - `--tl-font-size`: base font size. Default `1rem`.
 * - `--tl-space`: base spacing unit. Default `1rem`.
 * - `--tl-color-scheme`: the `color-scheme` of native controls. Default `light dark`.
 *
 * Parts:
 * - `header`: workflow name, progress, step list and step heading.
 * - `step`: the displayed step (a `<form>`) or a phase screen (loading, awaiting, complete, cancelled, error).
 * - `field`: one field (label, hint, control, error).
 * - `error`: a field's error message.
 * - `group-entry`: one entry (fieldset) of a repeatable group.
 * - `button`: every button.
 * - `footer`: Back, Continue/Submit and Cancel.
 * - `banner`: the failure banner and the session-timed-out notice.
 */
export const runnerStyles: CSSResult = css`
  .runner {
    --_accent: var(--tl-color-accent, #1d4ed8);
    --_on-accent: var(--tl-color-accent-contrast, #ffffff);
    --_text: var(--tl-color-text, #1f2328);
    --_muted: var(--tl-color-muted, #4b5563);
    --_bg: var(--tl-color-bg, #ffffff);
    --_surface: var(--tl-color-surface, #f4f5f7);
    --_border: var(--tl-color-border, #6b7280);
    --_danger: var(--tl-color-danger, #b42318);
    --_success: var(--tl-color-success, #1a7f37);
    --_radius: var(--tl-radius, 6px);
    --_space: var(--tl-space, 1rem);
    container-type: inline-size;
    color-scheme: var(--tl-color-scheme, light dark);
    box-sizing: border-box;
    font-family: var(--tl-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--tl-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    padding: var(--_space);
    overflow-wrap: anywhere;
  }
  @media (prefers-color-scheme: dark) {
    .runner {
      --_accent: var(--tl-color-accent, #8ab4f8);
      --_on-accent: var(--tl-color-accent-contrast, #0b1220);
      --_text: var(--tl-color-text, #e6e8eb);
      --_muted: var(--tl-color-muted, #b4bac3);
      --_bg: var(--tl-color-bg, #16181d);
      --_surface: var(--tl-color-surface, #20242b);
      --_border: var(--tl-color-border, #8b93a1);
      --_danger: var(--tl-color-danger, #ff8a80);
      --_success: var(--tl-color-success, #7ee2a8);
    }
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
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .runner p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .runner a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  .runner :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .runner [data-step-heading]:focus {
    outline: none;
  }
  .runner [data-step-heading]:focus-visible {
    outline: 3px solid var(--_accent);
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
    font-size: 1.5em;
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  .step-description {
    color: var(--_muted);
  }

  /* Fields */
  .fields,
  .review {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.375rem;
    margin: 0 0 var(--_space);
    min-width: 0;
  }
  .fields > .field {
    margin-bottom: 0;
  }
  .fieldset {
    border: 0;
    padding: 0;
  }
  .label {
    font-weight: 600;
    padding: 0;
    margin: 0;
  }
  .sublabel {
    font-size: 0.875em;
  }
  .required {
    color: var(--_danger);
    margin-inline-start: 0.25em;
  }
  .hint,
  .note,
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  .note {
    margin-bottom: var(--_space);
  }
  .control {
    width: 100%;
    max-width: 32rem;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .control--short {
    max-width: 14rem;
  }
  textarea.control {
    min-height: 6rem;
    resize: vertical;
  }
  .control[aria-invalid='true'],
  .choice input[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.9375em;
    margin: 0;
  }
  .choices {
    display: grid;
    gap: 0.25rem;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
    min-height: 44px;
    padding: 0.5rem 0;
  }
  .choice input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .choice label {
    flex: 1;
    padding-top: 0.0625rem;
  }
  .links {
    margin: 0;
    padding-inline-start: 2.125rem;
    list-style: none;
  }
  .links a {
    display: inline-block;
    min-height: 44px;
    padding: 0.625rem 0;
  }
  .tel {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) minmax(0, 18rem);
    gap: 0.5rem 0.75rem;
  }
  .tel > div {
    display: grid;
    gap: 0.25rem;
  }
  .inline-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .inline-row .control {
    flex: 1 1 12rem;
    width: auto;
  }

  /* Files */
  .dropzone {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
    justify-items: start;
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .dropzone--over {
    border-color: var(--_accent);
    border-style: solid;
  }
  .dropzone__text {
    margin: 0;
  }
  .file-input {
    width: 100%;
    max-width: 100%;
    min-height: 44px;
    font: inherit;
    color: var(--_text);
  }
  .file-input::file-selector-button {
    min-height: 44px;
    margin-inline-end: 0.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--_accent);
    background: var(--_bg);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .file-card {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .file-card progress {
    width: 100%;
    max-width: 24rem;
  }
  .file-card__name {
    margin: 0;
    font-weight: 600;
  }
  .file-card__preview {
    max-width: min(100%, 16rem);
    max-height: 12rem;
    object-fit: contain;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.5rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_success);
    border-radius: 999px;
    color: var(--_success);
    font-size: 0.8125em;
    font-weight: 600;
  }

  /* Groups */
  .group__title {
    font-size: 1.125em;
    margin: 0;
  }
  .entry {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  .entry__legend {
    font-weight: 700;
    padding: 0 0.375rem;
  }
  .entry .field {
    margin: 0;
  }
  .entry__remove {
    justify-self: start;
  }
  .group__add {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
  }

  /* Bank */
  .bank-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .choice--bank {
    padding: 0 0 0 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    align-items: center;
  }
  .choice--bank label {
    align-self: stretch;
    display: flex;
    align-items: center;
    padding: 0.5rem 0.75rem 0.5rem 0;
    cursor: pointer;
  }
  .choice--bank:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .login {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .login .field {
    margin: 0;
  }

  /* Registry and review */
  .registry-status:empty {
    display: none;
  }
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
  .review__step {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid transparent;
  }
  .review__head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  .review__head h3 {
    margin: 0;
    font-size: 1.125em;
  }
  .review-group {
    display: grid;
    gap: 0.75rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }
  .review-group > li {
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
  }
  .review-group__title {
    font-weight: 600;
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
    text-align: center;
  }
  .button--primary {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .button--secondary {
    color: var(--_accent);
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
    color: var(--_accent);
    background: none;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .button[aria-disabled='true'],
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .not-listed {
    margin: 0 0 var(--_space);
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
  .footer__nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .confirm {
    flex: 1 1 100%;
    padding: var(--_space);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .confirm__title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .confirm__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .banner {
    margin-bottom: var(--_space);
    padding: 0.75rem var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    border-inline-start-width: 6px;
    background: var(--_surface);
  }
  .banner--warning {
    border-color: var(--_accent);
  }
  .banner__title {
    font-weight: 700;
  }
  .banner__message {
    margin: 0 0 0.5rem;
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
    color: var(--_on-accent);
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
    margin: 0;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: tl-spin 0.8s linear infinite;
  }
  .spinner--large {
    width: 2.5rem;
    height: 2.5rem;
    border-width: 4px;
    color: var(--_accent);
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

  /* Narrow widgets (phones, sidebars): stack rows, full-width buttons, titles of the step list hidden. */
  @container (max-width: 30rem) {
    .tel {
      grid-template-columns: 1fr;
    }
    .summary > div {
      grid-template-columns: 1fr;
    }
    .steps__title {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .footer,
    .footer__nav {
      flex-direction: column;
      align-items: stretch;
    }
    .footer__nav {
      flex-direction: column-reverse;
    }
    .footer .button,
    .confirm__actions .button {
      width: 100%;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
    .runner * {
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    .button,
    .control,
    .dropzone,
    .file-card,
    .entry,
    .banner,
    .confirm,
    .choice--bank {
      border: 1px solid CanvasText;
    }
    .button--primary {
      background: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
    .steps__marker {
      forced-color-adjust: none;
      border-color: CanvasText;
    }
    .steps__item--done .steps__marker,
    .steps__item--current .steps__marker {
      background: Highlight;
      border-color: Highlight;
    }
    .runner :focus-visible {
      outline-color: Highlight;
    }
    .button[aria-disabled='true'],
    .button:disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
