/**
 * The demo page's theme panel: colour scheme (auto follows the OS, for the page and the widget;
 * light and dark force both), accent colour and corner radius. It shows the widget's EFFECTIVE
 * values (its computed style: the workflow's `uiOptions.cssVariables` included, else the widget's
 * defaults), and "Reset theme" puts back exactly what was there before the panel changed anything.
 * Everything is written on the element's own style (never on :root), through the CSSOM (CSP-safe).
 */
import { toRgb } from '../test/fixtures/contrast.js';
import { effectiveScheme, effectiveTokens, schemePalette, type SchemeChoice } from './theme-tokens.js';

const hex = (color: string): string => `#${toRgb(color).map((c) => c.toString(16).padStart(2, '0')).join('')}`;

export function setUpThemePanel(widget: HTMLElement): void {
  const accent = document.getElementById('accent') as HTMLInputElement;
  const radius = document.getElementById('radius') as HTMLInputElement;
  const radiusValue = document.getElementById('radius-value')!;
  const schemes = [...document.querySelectorAll<HTMLInputElement>('input[name=scheme]')];
  /** What the element's style held for each property before the panel first set it ('' = nothing). */
  const baseline = new Map<string, string>();

  const set = (name: string, value: string | null) => {
    if (!baseline.has(name)) baseline.set(name, widget.style.getPropertyValue(name));
    if (value === null) {
      const before = baseline.get(name)!;
      if (before) widget.style.setProperty(name, before);
      else widget.style.removeProperty(name);
    } else widget.style.setProperty(name, value);
  };
  const choice = (): SchemeChoice => (schemes.find((r) => r.checked)?.value as SchemeChoice | undefined) ?? 'auto';

  /** Shows the effective values of the widget. */
  function refresh(): void {
    const values = effectiveTokens(widget, effectiveScheme(choice()));
    accent.value = hex(values['--tl-color-accent']!);
    radius.value = String(parseFloat(values['--tl-radius']!) || 0);
    radiusValue.textContent = values['--tl-radius']!;
  }

  function applyScheme(): void {
    const scheme = choice();
    document.body.classList.toggle('dark', scheme === 'dark');
    document.body.classList.toggle('light', scheme === 'light');
    const palette = schemePalette(scheme);
    for (const name of Object.keys(schemePalette('light'))) {
      // The accent of the workflow (or the one picked here) wins over the palette's.
      if (name === '--tl-color-accent' && (baseline.get(name) ?? widget.style.getPropertyValue(name))) continue;
      set(name, palette[name] ?? null);
    }
    refresh();
  }

  accent.addEventListener('input', () => {
    set('--tl-color-accent', accent.value);
    refresh();
  });
  radius.addEventListener('input', () => {
    set('--tl-radius', `${radius.value}px`);
    refresh();
  });
  for (const radio of schemes) radio.addEventListener('change', applyScheme);
  document.getElementById('reset-theme')!.addEventListener('click', () => {
    for (const name of [...baseline.keys()]) set(name, null);
    baseline.clear();
    for (const radio of schemes) radio.checked = radio.value === 'auto';
    applyScheme();
  });
  // The workflow's uiOptions.cssVariables arrive with it; the OS may switch scheme at any time.
  widget.addEventListener('tl-ready', () => refresh());
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => refresh());
  refresh();
}
