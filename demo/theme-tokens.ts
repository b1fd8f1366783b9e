/**
 * Every documented `--tl-*` custom property (README "Styling", `@cssprop` on the element), with
 * its light and dark defaults, for the theme panel of the demo and the theme studio of the gallery.
 * test/demo/studio.test.ts checks this list against the element's `@cssprop` documentation.
 */

export interface ThemeToken {
  name: `--tl-${string}`;
  /** How the editor edits it. */
  kind: 'color' | 'length' | 'text';
  light: string;
  dark: string;
  purpose: string;
}

export const THEME_TOKENS: readonly ThemeToken[] = [
  { name: '--tl-color-accent', kind: 'color', light: '#1d4ed8', dark: '#8ab4f8', purpose: 'primary buttons, focus ring, progress, selected states' },
  { name: '--tl-color-accent-contrast', kind: 'color', light: '', dark: '', purpose: 'text on the accent (empty: black or white, whichever contrasts more)' },
  { name: '--tl-color-text', kind: 'color', light: '#1f2328', dark: '#e6e8eb', purpose: 'body text' },
  { name: '--tl-color-muted', kind: 'color', light: '#4b5563', dark: '#b4bac3', purpose: 'hints and secondary text' },
  { name: '--tl-color-bg', kind: 'color', light: '#ffffff', dark: '#16181d', purpose: 'background' },
  { name: '--tl-color-surface', kind: 'color', light: '#f4f5f7', dark: '#20242b', purpose: 'cards, drop zone, review sections' },
  { name: '--tl-color-border', kind: 'color', light: '#6b7280', dark: '#8b93a1', purpose: 'control and card borders' },
  { name: '--tl-color-danger', kind: 'color', light: '#b42318', dark: '#ff8a80', purpose: 'errors' },
  { name: '--tl-color-success', kind: 'color', light: '#1a7f37', dark: '#7ee2a8', purpose: 'found / uploaded states' },
  { name: '--tl-radius', kind: 'length', light: '6px', dark: '6px', purpose: 'corner radius' },
  { name: '--tl-font-family', kind: 'text', light: 'system-ui, sans-serif', dark: 'system-ui, sans-serif', purpose: 'font stack' },
  { name: '--tl-font-size', kind: 'length', light: '1rem', dark: '1rem', purpose: 'base font size' },
  { name: '--tl-space', kind: 'length', light: '1rem', dark: '1rem', purpose: 'spacing unit' },
  { name: '--tl-color-scheme', kind: 'text', light: 'light', dark: 'dark', purpose: 'color-scheme of native controls' },
];

/** Light, dark, or whatever the operating system prefers. */
export type SchemeChoice = 'auto' | 'light' | 'dark';

/** The scheme `choice` stands for now. */
export function effectiveScheme(choice: SchemeChoice): 'light' | 'dark' {
  if (choice !== 'auto') return choice;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * The effective value of every token on `el`: what its computed style says (the page's or the
 * workflow's `uiOptions.cssVariables`), else the widget's default for `scheme`.
 */
export function effectiveTokens(el: Element, scheme: 'light' | 'dark'): Record<string, string> {
  const style = getComputedStyle(el);
  const out: Record<string, string> = {};
  for (const token of THEME_TOKENS) out[token.name] = style.getPropertyValue(token.name).trim() || token[scheme];
  return out;
}

/** `tl-workflow { --tl-x: y; ... }` for the tokens in `values` that differ from the defaults of `scheme`. */
export function themeCss(values: Record<string, string>, scheme: 'light' | 'dark', selector = 'tl-workflow'): string {
  const lines = THEME_TOKENS.filter((t) => values[t.name] && values[t.name] !== t[scheme]).map((t) => `  ${t.name}: ${values[t.name]};`);
  return `${selector} {\n${lines.join('\n')}${lines.length ? '\n' : ''}}\n`;
}
