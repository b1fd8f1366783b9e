import { css, unsafeCSS, type CSSResult } from 'lit';
import { THEME_DEFAULTS, type ThemeDefault } from './theme-defaults.js';

/** `--_x: var(--tl-x, default);` for every default of `scheme` that `keep` selects. */
function declarations(scheme: 'light' | 'dark', keep: (d: ThemeDefault) => boolean): CSSResult {
  const lines = THEME_DEFAULTS.filter(keep).map((d) => {
    const fallback = d.computed ? `var(${d.computed}, ${d[scheme]})` : d[scheme];
    return `${d.local}: var(${d.name}, ${fallback});`;
  });
  // Our own constants (theme-defaults.ts), never page or server text.
  return unsafeCSS(lines.join('\n'));
}

/**
 * The accent's two derived colours, readable whatever accent the page or uiOptions.cssVariables
 * set (CSS relative colours, in Chromium, Firefox and WebKit; older engines keep the fixed defaults
 * of `themeStyles`). In xyz-d65 the y channel is the WCAG relative luminance, so:
 * - text on the accent is white below luminance 0.1791 and black above it (the two sides of
 *   the crossing point, each at least 4.58:1);
 * - accent-coloured text (links, secondary and link buttons) is the accent mixed with black
 *   (light scheme) or white (dark scheme) in linear light just enough to reach luminance 0.17
 *   at most (4.6:1 on white) or 0.26 at least (5:1 on the dark default background); hue kept.
 * A literal of its own (no `${}`), so that the build minifies it (build/css-literals.ts).
 */
const accentStyles = css`
  @supports (color: color(from red xyz-d65 x y z)) {
    :host {
      --_accent-contrast-auto: color(
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
`;

/**
 * The design tokens: every `--tl-*` property resolved once, on `:host`, into the private
 * `--_*` property the element's and the views' styles read (light, then dark defaults).
 */
export const themeStyles = css`
  :host {
    ${declarations('light', () => true)}
    --_accent-text: var(--_accent);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${declarations('dark', (d) => d.dark !== d.light)}
    }
  }
  ${accentStyles}
`;
