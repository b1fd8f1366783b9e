/**
 * Every documented `--tl-*` custom property (README "Styling", `@cssprop` on the element), with
 * its light and dark defaults, for the theme panel of the demo and the theme studio of the gallery.
 * The names and values are the widget's own (src/views/styles/theme-defaults.ts); this adds how the
 * studio edits each one.
 */
import { THEME_DEFAULTS, type ThemeDefault } from '../src/views/styles/theme-defaults.js';

export interface ThemeToken {
  name: `--tl-${string}`;
  /** How the editor edits it. */
  kind: 'color' | 'length' | 'text';
  light: string;
  dark: string;
  purpose: string;
}

/** How the studio edits each property, and what it is for (the values come from the widget's own defaults). */
const EDITING: Record<string, Pick<ThemeToken, 'kind' | 'purpose'>> = {
  '--tl-color-accent': { kind: 'color', purpose: 'primary buttons, focus ring, progress, selected states' },
  '--tl-color-accent-contrast': { kind: 'color', purpose: 'text on the accent (empty: black or white, whichever contrasts more)' },
  '--tl-color-text': { kind: 'color', purpose: 'body text' },
  '--tl-color-muted': { kind: 'color', purpose: 'hints and secondary text' },
  '--tl-color-bg': { kind: 'color', purpose: 'background' },
  '--tl-color-surface': { kind: 'color', purpose: 'cards, drop zone, review sections' },
  '--tl-color-border': { kind: 'color', purpose: 'control and card borders' },
  '--tl-color-danger': { kind: 'color', purpose: 'errors' },
  '--tl-color-success': { kind: 'color', purpose: 'found / uploaded states' },
  '--tl-radius': { kind: 'length', purpose: 'corner radius' },
  '--tl-font-family': { kind: 'text', purpose: 'font stack' },
  '--tl-font-size': { kind: 'length', purpose: 'base font size' },
  '--tl-space': { kind: 'length', purpose: 'spacing unit' },
  '--tl-color-scheme': { kind: 'text', purpose: 'color-scheme of native controls' },
};

/**
 * The studio's view of a default: a computed one (text on the accent) has no value to show, and
 * the colour scheme is the one the studio forces (`light` or `dark`, not the widget's `light dark`).
 */
function studioValue(d: ThemeDefault, scheme: 'light' | 'dark'): string {
  if (d.computed) return '';
  return d.name === '--tl-color-scheme' ? scheme : d[scheme];
}

export const THEME_TOKENS: readonly ThemeToken[] = THEME_DEFAULTS.map((d) => ({
  name: d.name,
  ...(EDITING[d.name] ?? { kind: 'text', purpose: '' }),
  light: studioValue(d, 'light'),
  dark: studioValue(d, 'dark'),
}));

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
