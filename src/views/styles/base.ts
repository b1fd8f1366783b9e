import { css } from 'lit';

/** Design tokens (the `--tl-*` properties resolved once, light and dark), typography, focus ring, header and buttons. */
export const baseStyles = css`
  .runner {
    --_accent: var(--tl-color-accent, #1d4ed8);
    --_on-accent: var(--tl-color-accent-contrast, var(--_on-accent-auto, #ffffff));
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
      --_on-accent: var(--tl-color-accent-contrast, var(--_on-accent-auto, #0b1220));
      --_text: var(--tl-color-text, #e6e8eb);
      --_muted: var(--tl-color-muted, #b4bac3);
      --_bg: var(--tl-color-bg, #16181d);
      --_surface: var(--tl-color-surface, #20242b);
      --_border: var(--tl-color-border, #8b93a1);
      --_danger: var(--tl-color-danger, #ff8a80);
      --_success: var(--tl-color-success, #7ee2a8);
    }
  }
  /*
   * Readable whatever accent the page or uiOptions.cssVariables set (CSS relative colours, in
   * Chromium, Firefox and WebKit; older engines keep the fixed defaults above). In xyz-d65 the y
   * channel is the WCAG relative luminance, so:
   * - text on the accent is white below luminance 0.1791 and black above it (the two sides of
   *   the crossing point, each at least 4.58:1);
   * - accent-coloured text (links, secondary and link buttons) is the accent mixed with black
   *   (light scheme) or white (dark scheme) in linear light just enough to reach luminance 0.17
   *   at most (4.6:1 on white) or 0.26 at least (5:1 on the dark default background); hue kept.
   */
  @supports (color: color(from red xyz-d65 x y z)) {
    .runner {
      --_on-accent-auto: color(
        from var(--_accent) xyz-d65 clamp(0, (0.1791 - y) * 1e6, 0.9505) clamp(0, (0.1791 - y) * 1e6, 1)
          clamp(0, (0.1791 - y) * 1e6, 1.089)
      );
      --_accent-text: light-dark(
        color(from var(--_accent) xyz-d65 calc(x * min(1, 0.17 / y)) calc(y * min(1, 0.17 / y)) calc(z * min(1, 0.17 / y))),
        color(
          from var(--_accent) xyz-d65 calc(x + clamp(0, (0.26 - y) / (1 - y), 1) * (0.9505 - x))
            calc(y + clamp(0, (0.26 - y) / (1 - y), 1) * (1 - y)) calc(z + clamp(0, (0.26 - y) / (1 - y), 1) * (1.089 - z))
        )
      );
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
    color: var(--_accent-text, var(--_accent));
    text-underline-offset: 0.15em;
  }
  .runner :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* A date input whose calendar button has the focus matches neither :focus nor :focus-visible (Chromium). */
  .runner input[type='date']:focus-within {
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
    color: var(--_accent-text, var(--_accent));
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
    color: var(--_accent-text, var(--_accent));
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
`;
