/**
 * Every documented `--tl-*` custom property (README "Styling", `@cssprop` on the element), with
 * its light and dark defaults, for the theme panel of the demo and the theme studio of the gallery.
 * The names and values are the widget's own (src/views/styles/theme-defaults.ts); this adds how the
 * studio edits each one, the palettes that force a scheme, and the CSS "Copy CSS" gives.
 */
import { THEME_DEFAULTS } from '../src/views/styles/theme-defaults.js';

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

export const THEME_TOKENS: readonly ThemeToken[] = THEME_DEFAULTS.map((d) => ({
  name: d.name,
  ...(EDITING[d.name] ?? { kind: 'text', purpose: '' }),
  // A computed default (text on the accent) has no value to show.
  light: d.computed ? '' : d.light,
  dark: d.computed ? '' : d.dark,
}));

/** Light, dark, or whatever the operating system prefers. */
export type SchemeChoice = 'auto' | 'light' | 'dark';

/** The scheme `choice` stands for now. */
export function effectiveScheme(choice: SchemeChoice): 'light' | 'dark' {
  if (choice !== 'auto') return choice;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * What a page sets to force `scheme` whatever the system prefers: every colour of the scheme's
 * defaults and `--tl-color-scheme` (the widget's own dark defaults apply only under
 * `prefers-color-scheme: dark`). Empty for `auto`.
 */
export function schemePalette(scheme: SchemeChoice): Record<string, string> {
  if (scheme === 'auto') return {};
  const colours = THEME_TOKENS.filter((t) => t.kind === 'color' && t[scheme]).map((t) => [t.name, t[scheme]]);
  return { ...Object.fromEntries(colours), '--tl-color-scheme': scheme };
}

/**
 * The effective value of every token on `el`: what its computed style says (the page's or the
 * workflow's `uiOptions.cssVariables`, or a forced palette), else the widget's default for `scheme`
 * (`--tl-color-scheme`: `light dark`, the widget following the system).
 */
export function effectiveTokens(el: Element, scheme: 'light' | 'dark'): Record<string, string> {
  const style = getComputedStyle(el);
  const out: Record<string, string> = {};
  for (const token of THEME_TOKENS) out[token.name] = style.getPropertyValue(token.name).trim() || token[scheme];
  return out;
}

/**
 * The CSS that gives a page's `<tl-workflow>` the theme chosen: the values the designer set, and for
 * a forced scheme its palette too (so a page under the other system scheme looks the same).
 */
export function themeCss(values: Record<string, string>, scheme: SchemeChoice, selector = 'tl-workflow'): string {
  const all = { ...schemePalette(scheme), ...values };
  const lines = THEME_TOKENS.filter((t) => all[t.name]).map((t) => `  ${t.name}: ${all[t.name]};`);
  const note = scheme === 'auto' ? '' : `/* ${scheme === 'dark' ? 'Dark' : 'Light'} whatever the system prefers: the ${scheme} palette and your changes. */\n`;
  return `${note}${selector} {\n${lines.join('\n')}${lines.length ? '\n' : ''}}\n`;
}
