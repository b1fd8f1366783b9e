/**
 * The theme studio's editor: one control per documented `--tl-*` property (a colour picker plus a
 * text field for colours, a text field otherwise), and the contrast report of the colours as the
 * widget paints them (WCAG AA: 4.5:1 for text, 3:1 for control borders).
 */
import { contrast, toRgb } from '../test/fixtures/contrast.js';
import { THEME_TOKENS } from './theme-tokens.js';

const hex = (color: string): string => `#${toRgb(color).map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** Builds the controls in `container`; `changed(name, value)` is called on every edit ('' = back to the default). */
export function buildEditor(container: HTMLElement, changed: (name: string, value: string) => void): void {
  const rows = THEME_TOKENS.map((token) => {
    const row = document.createElement('div');
    row.className = 'token';
    const id = `token${token.name.slice(1)}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = token.name;
    const text = document.createElement('input');
    text.type = 'text';
    text.id = id;
    text.dataset.token = token.name;
    text.spellcheck = false;
    const purpose = document.createElement('p');
    purpose.className = 'purpose';
    purpose.id = `${id}-purpose`;
    purpose.textContent = token.purpose;
    text.setAttribute('aria-describedby', purpose.id);
    text.addEventListener('change', () => changed(token.name, text.value.trim()));
    row.append(label);
    if (token.kind === 'color') {
      const picker = document.createElement('input');
      picker.type = 'color';
      picker.dataset.picker = token.name;
      picker.setAttribute('aria-label', `${token.name} colour picker`);
      picker.addEventListener('input', () => changed(token.name, picker.value));
      row.append(picker);
    }
    row.append(text, purpose);
    return row;
  });
  container.replaceChildren(...rows);
}

/** Shows `values` (effective ones) in the controls; `placeholder` for a property with no value (automatic). */
export function showValues(container: HTMLElement, values: Record<string, string>): void {
  for (const token of THEME_TOKENS) {
    const value = values[token.name] ?? '';
    const text = container.querySelector<HTMLInputElement>(`input[data-token="${token.name}"]`)!;
    if (document.activeElement !== text) text.value = value;
    text.placeholder = value ? '' : 'automatic';
    const picker = container.querySelector<HTMLInputElement>(`input[data-picker="${token.name}"]`);
    if (picker && value) picker.value = hex(value);
  }
}

interface Pair {
  what: string;
  fg: string;
  bg: string;
  min: number;
}

/** The colour pairs to check, read from a rendered widget (its shadow root). */
function pairsOf(root: ShadowRoot): Pair[] {
  const runner = root.querySelector('.runner');
  if (!runner) return [];
  const bg = getComputedStyle(runner).backgroundColor;
  const pairs: Pair[] = [{ what: 'Body text on the background', fg: getComputedStyle(runner).color, bg, min: 4.5 }];
  const add = (selector: string, what: string, min = 4.5, prop: 'color' | 'borderTopColor' = 'color', own = false) => {
    const el = root.querySelector(selector);
    if (!el) return;
    const style = getComputedStyle(el);
    pairs.push({ what, fg: style[prop], bg: own ? style.backgroundColor : bg, min });
  };
  add('.hint', 'Hints on the background');
  add('.button--primary', 'Text on the accent (primary button)', 4.5, 'color', true);
  add('.footer__cancel', 'Links and secondary buttons on the background');
  add('.error', 'Errors on the background');
  add('.control', 'Control borders on the background', 3, 'borderTopColor');
  return pairs;
}

/** Lists every pair with its ratio in `list`, failures first and marked. Returns the number of failures. */
export function reportContrast(list: HTMLElement, root: ShadowRoot): number {
  const rows = pairsOf(root).map((p) => ({ ...p, ratio: contrast(p.fg, p.bg) }));
  rows.sort((a, b) => Number(a.ratio >= a.min) - Number(b.ratio >= b.min));
  list.replaceChildren(
    ...rows.map((row) => {
      const item = document.createElement('li');
      const ok = row.ratio >= row.min;
      item.className = ok ? 'pass' : 'fail';
      item.textContent = `${ok ? 'OK' : 'Too low'}: ${row.what}, ${row.ratio.toFixed(2)}:1 (needs ${row.min}:1)`;
      return item;
    }),
  );
  return rows.filter((r) => r.ratio < r.min).length;
}
