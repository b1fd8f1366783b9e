/**
 * The theme studio: every state of the step views, rendered from the hand-built view models the
 * view tests use too (test/fixtures/samples.ts), each in its own small host element (one shadow
 * root, like <tl-workflow>), their workflow texts in the chosen language (demo/sample-texts.ts).
 * With a theme editor, light / dark / auto, viewport presets, the right-to-left pseudo-locale,
 * contrast warnings and a stable link (URL hash) for every view. No inline script or style: CSSOM only.
 */
import { loadLanguage } from '../src/i18n/localize.js';
import type { RunnerActions } from '../src/runner/view-model.js';
import { DARK_THEME, LIGHT_THEME, type RunnerStateHost } from '../test/fixtures/runner-state-host.js';
import { galleryStates, noopActions } from '../test/fixtures/samples.js';
import { localisedSample } from './sample-texts.js';
import { buildEditor, cssOf, reportContrast, showValues } from './studio-editor.js';
import { parseSettings, settingsHash, type StudioSettings } from './studio-settings.js';
import { effectiveScheme, effectiveTokens } from './theme-tokens.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const lastAction = $('last-action');
const gallery = $('gallery');
const tokens = $('tokens');
const stateSelect = $<HTMLSelectElement>('state');
let settings: StudioSettings = parseSettings(location.hash);

/** Actions that only say what they would do. */
function loggingActions(stateTitle: string): RunnerActions {
  const actions = noopActions();
  for (const key of Object.keys(actions) as Array<keyof RunnerActions>) {
    (actions as unknown as Record<string, (...args: unknown[]) => void>)[key] = (...args: unknown[]) => {
      const shown = args.map((a) => (a instanceof File ? `File(${a.name})` : JSON.stringify(a))).join(', ');
      lastAction.textContent = `${stateTitle}: ${key}(${shown})`;
    };
  }
  return actions;
}

/** Palette of the chosen scheme (auto: none, the widget follows the OS), then the designer's values. */
function themeHost(host: HTMLElement): void {
  const palette = settings.scheme === 'dark' ? DARK_THEME : settings.scheme === 'light' ? LIGHT_THEME : {};
  for (const [name, value] of Object.entries({ ...palette, ...settings.tokens })) host.style.setProperty(name, value);
}

function figureFor(id: string, title: string, host: RunnerStateHost): HTMLElement {
  const figure = document.createElement('figure');
  figure.id = `state-${id}`;
  // Direction comes from the page around the widget, as on a real right-to-left page.
  if (settings.locale === 'ar-XB') figure.dir = 'rtl';
  const caption = document.createElement('figcaption');
  const link = document.createElement('a');
  link.className = 'state-link';
  link.href = settingsHash(settings, id);
  link.textContent = 'link';
  link.setAttribute('aria-label', `Link to ${title}`);
  caption.append(title, link);
  figure.append(caption, host);
  return figure;
}

async function draw(): Promise<void> {
  document.body.classList.toggle('dark', settings.scheme === 'dark');
  document.body.classList.toggle('light', settings.scheme === 'light');
  gallery.classList.toggle('fixed', settings.width !== '');
  if (settings.width) gallery.style.setProperty('--studio-width', `${settings.width}px`);
  // The gallery draws views directly, without the element that loads language files: load it here.
  await loadLanguage(settings.locale);
  const states = galleryStates(settings.locale);
  if (stateSelect.options.length === 1) {
    for (const s of states) stateSelect.add(new Option(s.title, s.id));
  }
  const shown = states.filter((s) => !settings.state || s.id === settings.state);
  const hosts: RunnerStateHost[] = [];
  gallery.replaceChildren(
    ...shown.map(({ id, title, view }) => {
      const host = document.createElement('runner-state-host') as RunnerStateHost;
      host.className = 'gallery-state';
      host.view = localisedSample(view, settings.locale);
      host.actions = loggingActions(title);
      themeHost(host);
      hosts.push(host);
      return figureFor(id, title, host);
    }),
  );
  $<HTMLAnchorElement>('permalink').href = settingsHash(settings);
  await Promise.all(hosts.map((h) => h.updateComplete));
  // Contrast of the theme as painted, on the state with errors, links and a primary button.
  const probe = hosts.find((h) => h.view.fieldErrors && Object.keys(h.view.fieldErrors).length) ?? hosts[0];
  const scheme = effectiveScheme(settings.scheme);
  if (probe) {
    reportContrast($('contrast'), probe.shadowRoot!);
    showValues(tokens, effectiveTokens(probe, scheme));
  }
  $('css-output').textContent = cssOf({ ...settings.tokens }, scheme);
  // For scripts/screenshots.ts: the view of this address is drawn.
  document.body.dataset.drawn = location.hash;
}

/** Puts `settings` into the controls. */
function showSettings(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('.gallery-toolbar input[type=radio]')) {
    input.checked = input.value === String(settings[input.name as 'locale' | 'scheme' | 'width']);
  }
  stateSelect.value = settings.state;
}

function update(next: Partial<StudioSettings>): void {
  settings = { ...settings, ...next };
  history.replaceState(null, '', settingsHash(settings));
  void draw();
}

buildEditor(tokens, (name, value) => {
  const next = { ...settings.tokens };
  if (value) next[name] = value;
  else delete next[name];
  update({ tokens: next });
});
for (const input of document.querySelectorAll<HTMLInputElement>('.gallery-toolbar input[type=radio]')) {
  input.addEventListener('change', () => update({ [input.name]: input.value }));
}
stateSelect.addEventListener('change', () => update({ state: stateSelect.value }));
$('reset-tokens').addEventListener('click', () => update({ tokens: {} }));
$('copy-css').addEventListener('click', () => {
  const css = $('css-output').textContent ?? '';
  navigator.clipboard.writeText(css).then(
    () => ($('copy-status').textContent = 'CSS copied.'),
    () => ($('copy-status').textContent = 'The browser refused the clipboard: select the CSS below and copy it.'),
  );
});
addEventListener('hashchange', () => {
  settings = parseSettings(location.hash);
  showSettings();
  void draw();
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => void draw());
showSettings();
void draw();
