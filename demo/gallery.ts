/**
 * The states gallery: every state of the step views rendered side by side from the hand-built view
 * models in samples.ts, each in its own small host element (one shadow root, like <tl-workflow>).
 */
import { LitElement } from 'lit';
import type { RunnerActions, RunnerViewModel } from '../src/runner/view-model.js';
import { renderRunner } from '../src/views/runner-view.js';
import { runnerStyles } from '../src/views/styles.js';
import { galleryStates, noopActions } from './samples.js';

const lastAction = document.getElementById('last-action')!;

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

/** `<demo-runner-state>`: renders one view model with the runner's styles. */
class DemoRunnerState extends LitElement {
  static override styles = runnerStyles;
  static override properties = { view: { attribute: false }, actions: { attribute: false } };
  view!: RunnerViewModel;
  actions!: RunnerActions;
  protected override render() {
    return renderRunner(this.view, this.actions);
  }
}
if (!customElements.get('demo-runner-state')) customElements.define('demo-runner-state', DemoRunnerState);

const DARK: Record<string, string> = {
  '--tl-color-bg': '#16181d',
  '--tl-color-surface': '#20242b',
  '--tl-color-text': '#e6e8eb',
  '--tl-color-muted': '#b4bac3',
  '--tl-color-border': '#8b93a1',
  '--tl-color-danger': '#ff8a80',
  '--tl-color-success': '#7ee2a8',
  '--tl-color-accent': '#8ab4f8',
  '--tl-color-accent-contrast': '#0b1220',
  '--tl-color-scheme': 'dark',
};

function draw(): void {
  const locale = document.querySelector<HTMLInputElement>('input[name=locale]:checked')?.value ?? 'en';
  const dark = document.querySelector<HTMLInputElement>('#dark')!.checked;
  const gallery = document.getElementById('gallery')!;
  gallery.classList.toggle('narrow', document.querySelector<HTMLInputElement>('#narrow')!.checked);
  document.body.classList.toggle('dark', dark);
  const figures = galleryStates(locale)
    .map(({ id, title, view }) => {
      const figure = document.createElement('figure');
      figure.id = `state-${id}`;
      const caption = document.createElement('figcaption');
      caption.textContent = title;
      const host = document.createElement('demo-runner-state') as DemoRunnerState;
      host.className = 'gallery-state';
      host.view = view;
      host.actions = loggingActions(title);
      for (const [prop, value] of Object.entries(DARK)) {
        if (dark) host.style.setProperty(prop, value);
      }
      figure.append(caption, host);
      return figure;
    });
  gallery.replaceChildren(...figures);
}

for (const input of document.querySelectorAll('input')) input.addEventListener('change', draw);
draw();
