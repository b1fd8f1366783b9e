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

/**
 * A default: `--tl-<name>` read once into `--_<name>` (without a `color-` prefix: `--tl-color-text`
 * into `--_text`), `dark` the same as `light` unless given.
 */
function prop(name: string, light: string, dark = light, computed?: `--_${string}`): ThemeDefault {
  const local = `--_${name.replace(/^color-/, '')}` as const;
  return computed ? { name: `--tl-${name}`, local, light, dark, computed } : { name: `--tl-${name}`, local, light, dark };
}

export const THEME_DEFAULTS: readonly ThemeDefault[] = [
  prop('color-accent', '#1d4ed8', '#8ab4f8'),
  prop('color-accent-contrast', '#ffffff', '#0b1220', '--_accent-contrast-auto'),
  prop('color-text', '#1f2328', '#e6e8eb'),
  prop('color-muted', '#4b5563', '#b4bac3'),
  prop('color-bg', '#ffffff', '#16181d'),
  prop('color-surface', '#f4f5f7', '#20242b'),
  prop('color-border', '#6b7280', '#8b93a1'),
  prop('color-danger', '#b42318', '#ff8a80'),
  prop('color-success', '#1a7f37', '#7ee2a8'),
  prop('radius', '6px'),
  prop('font-family', FONT_STACK),
  prop('font-size', '1rem'),
  prop('space', '1rem'),
  prop('color-scheme', 'light dark'),
];
