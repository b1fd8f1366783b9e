/**
 * The theme studio: every state of the widget's screens (demo/studio-states.ts: the workflows the
 * sandbox serves), each in its own small host element (one shadow root, like <tl-workflow>), one
 * state at a time or all of them, with a theme editor, light / dark / auto, width presets, the
 * right-to-left pseudo-locale, a contrast report and a link (URL hash) for every view.
 * The page opens where it is, at the top: no state takes focus on its own. No inline script or
 * style: CSSOM only.
 */
import { loadLanguage } from '../src/i18n/localize.js';
import type { RunnerActions } from '../src/runner/view-model.js';
import '../test/fixtures/runner-state-host.js';
import type { RunnerStateHost } from '../test/fixtures/runner-state-host.js';
import { noopActions } from '../test/fixtures/samples.js';
import { buildEditor, reportContrast, showValues } from './studio-editor.js';
import { parseSettings, settingsHash, type StudioSettings } from './studio-settings.js';
import { studioStates, type StudioState } from './studio-states.js';
import { effectiveScheme, effectiveTokens, schemePalette, themeCss } from './theme-tokens.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const lastAction = $('last-action');
const gallery = $('gallery');
const tokens = $('tokens');
const stateSelect = $<HTMLSelectElement>('state');
/** The state shown when the link names none (or one that does not exist). */
const DEFAULT_STATE = 'form';
/** The `state` of the overview: every state, one after the other. */
const ALL = 'all';
let settings: StudioSettings = parseSettings(location.hash);
/** Counts draws: a draw that a newer one overtook stops before touching the page. */
let drawing = 0;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

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

/** A host showing `state`, themed: the palette of a forced scheme, then the designer's values. */
function hostFor(state: StudioState): RunnerStateHost {
  const host = document.createElement('runner-state-host') as RunnerStateHost;
  host.className = 'gallery-state';
  host.view = state.view;
  host.actions = loggingActions(state.title);
  for (const [name, value] of Object.entries({ ...schemePalette(settings.scheme), ...settings.tokens })) host.style.setProperty(name, value);
  return host;
}

function figureFor(state: StudioState, host: RunnerStateHost, linked: boolean): HTMLElement {
  const figure = document.createElement('figure');
  figure.id = `state-${state.id}`;
  // Direction comes from the page around the widget, as on a real right-to-left page.
  if (settings.locale === 'ar-XB') figure.dir = 'rtl';
  const caption = document.createElement('figcaption');
  const group = document.createElement('span');
  group.className = 'state-group';
  group.textContent = state.group;
  caption.append(group, ' ', state.title);
  if (linked) {
    const link = document.createElement('a');
    link.className = 'state-link';
    link.href = settingsHash(settings, state.id);
    link.textContent = 'Open';
    link.setAttribute('aria-label', `Open ${state.title}`);
    caption.append(link);
  }
  figure.append(caption, host);
  return figure;
}

/** The state picker: the overview, then each workflow's states and the screens, in groups. */
function fillPicker(states: StudioState[]): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  stateSelect.add(new Option('All states, one after the other', ALL));
  for (const state of states) {
    let group = groups.get(state.group);
    if (!group) {
      group = document.createElement('optgroup');
      group.label = state.group;
      groups.set(state.group, group);
      stateSelect.append(group);
    }
    group.append(new Option(state.title, state.id));
  }
}

/** The id of the state to show ('all' for the overview). */
function shownState(states: StudioState[]): string {
  return settings.state === ALL || states.some((s) => s.id === settings.state) ? settings.state : DEFAULT_STATE;
}

async function draw(): Promise<void> {
  const current = ++drawing;
  // The gallery draws views directly, without the element that loads language files: load it here.
  await loadLanguage(settings.locale);
  if (current !== drawing) return;
  document.body.classList.toggle('dark', settings.scheme === 'dark');
  document.body.classList.toggle('light', settings.scheme === 'light');
  gallery.classList.toggle('fixed', settings.width !== '');
  gallery.style.setProperty('--studio-width', settings.width ? `${settings.width}px` : '');
  const states = studioStates(settings.locale);
  const id = shownState(states);
  stateSelect.value = id;
  $<HTMLButtonElement>('prev-state').disabled = stateSelect.selectedIndex <= 0;
  $<HTMLButtonElement>('next-state').disabled = stateSelect.selectedIndex >= stateSelect.options.length - 1;
  gallery.classList.toggle('overview', id === ALL);
  const shown = states.filter((s) => id === ALL || s.id === id);
  const hosts = shown.map(hostFor);
  // The contrast is measured on the state with errors, links and buttons, whatever is shown.
  const probe = hostFor(states.find((s) => s.id === 'form-errors')!);
  probe.className = 'contrast-probe';
  // Inert while they first render: a state that moves focus (the cancel confirmation focuses
  // "Stay") would take it from the designer and scroll the page to it.
  for (const host of [...hosts, probe]) host.inert = true;
  gallery.replaceChildren(...shown.map((state, i) => figureFor(state, hosts[i]!, id === ALL)), probe);
  $<HTMLAnchorElement>('permalink').href = settingsHash(settings);
  await Promise.all([...hosts, probe].map((h) => h.updateComplete));
  // A view that focuses something does it one frame after its render (src/views/focus.ts).
  await nextFrame();
  await nextFrame();
  if (current !== drawing) return;
  for (const host of hosts) host.inert = false;
  reportContrast($('contrast'), probe.shadowRoot!);
  showValues(tokens, effectiveTokens(probe, effectiveScheme(settings.scheme)));
  $('css-output').textContent = themeCss(settings.tokens, settings.scheme);
  // For scripts/screenshots.ts and the tests: the view of this address is drawn.
  document.body.dataset.drawn = location.hash;
}

/** Puts `settings` into the controls. */
function showSettings(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('.studio-toolbar input[type=radio]')) {
    input.checked = input.value === String(settings[input.name as 'locale' | 'scheme' | 'width']);
  }
}

function update(next: Partial<StudioSettings>): void {
  settings = { ...settings, ...next };
  history.replaceState(null, '', settingsHash(settings));
  void draw();
}

/** Copies `text`, and says so in `status`. */
function copy(text: string, status: HTMLElement, what: string): void {
  navigator.clipboard.writeText(text).then(
    () => (status.textContent = `${what} copied.`),
    () => (status.textContent = `The browser refused the clipboard: select the ${what.toLowerCase()} and copy it.`),
  );
}

buildEditor(tokens, (name, value) => {
  const next = { ...settings.tokens };
  if (value) next[name] = value;
  else delete next[name];
  update({ tokens: next });
});
for (const input of document.querySelectorAll<HTMLInputElement>('.studio-toolbar input[type=radio]')) {
  input.addEventListener('change', () => update({ [input.name]: input.value }));
}
fillPicker(studioStates());
stateSelect.addEventListener('change', () => update({ state: stateSelect.value }));
for (const [button, step] of [['prev-state', -1], ['next-state', 1]] as const) {
  $(button).addEventListener('click', () => update({ state: stateSelect.options[stateSelect.selectedIndex + step]?.value ?? settings.state }));
}
$('reset-tokens').addEventListener('click', () => update({ tokens: {} }));
$('copy-css').addEventListener('click', () => copy($('css-output').textContent ?? '', $('copy-status'), 'CSS'));
$('copy-link').addEventListener('click', () => copy(location.href, $('link-status'), 'Link'));
addEventListener('hashchange', () => {
  settings = parseSettings(location.hash);
  showSettings();
  void draw();
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => void draw());
showSettings();
void draw();
