/**
 * The widget's themable `--tl-*` custom properties and their defaults: the one source for the
 * styles (`theme.ts` resolves each once on `:host`), the demo's theme studio and the README's
 * table and the element's `@cssprop` list (test/node/theme-defaults.test.ts checks both).
 * Plain data: no Lit, so Node tools can read it.
 */
export interface ThemeDefault {
  /** The public custom property a page sets. */
  readonly name: `--tl-${string}`;
  /** The private property the widget's styles read, resolved once on `:host`. */
  readonly local: `--_${string}`;
  /** The default under a light colour scheme. */
  readonly light: string;
  /** The default under a dark colour scheme (the same as `light` when the scheme does not matter). */
  readonly dark: string;
  /**
   * Set when the default is computed from another property (text on the accent: black or white,
   * whichever contrasts more); `light` and `dark` are then the fallbacks of engines without CSS
   * relative colours, and this is the private property holding the computed value.
   */
  readonly computed?: `--_${string}`;
}

/** The font stack of every text the element shows. */
const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export const THEME_DEFAULTS: readonly ThemeDefault[] = [
  { name: '--tl-color-accent', local: '--_accent', light: '#1d4ed8', dark: '#8ab4f8' },
  { name: '--tl-color-accent-contrast', local: '--_on-accent', light: '#ffffff', dark: '#0b1220', computed: '--_on-accent-auto' },
  { name: '--tl-color-text', local: '--_text', light: '#1f2328', dark: '#e6e8eb' },
  { name: '--tl-color-muted', local: '--_muted', light: '#4b5563', dark: '#b4bac3' },
  { name: '--tl-color-bg', local: '--_bg', light: '#ffffff', dark: '#16181d' },
  { name: '--tl-color-surface', local: '--_surface', light: '#f4f5f7', dark: '#20242b' },
  { name: '--tl-color-border', local: '--_border', light: '#6b7280', dark: '#8b93a1' },
  { name: '--tl-color-danger', local: '--_danger', light: '#b42318', dark: '#ff8a80' },
  { name: '--tl-color-success', local: '--_success', light: '#1a7f37', dark: '#7ee2a8' },
  { name: '--tl-radius', local: '--_radius', light: '6px', dark: '6px' },
  { name: '--tl-font-family', local: '--_font-family', light: FONT_STACK, dark: FONT_STACK },
  { name: '--tl-font-size', local: '--_font-size', light: '1rem', dark: '1rem' },
  { name: '--tl-space', local: '--_space', light: '1rem', dark: '1rem' },
  { name: '--tl-color-scheme', local: '--_color-scheme', light: 'light dark', dark: 'light dark' },
];
