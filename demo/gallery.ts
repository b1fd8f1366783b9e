/**
 * The states gallery: every state of the step views rendered side by side from the hand-built view
 * models in samples.ts, each in its own small host element (one shadow root, like <tl-workflow>).
 */
import type { RunnerActions } from '../src/runner/view-model.js';
import { DARK_THEME, type RunnerStateHost } from './runner-state-host.js';
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
      const host = document.createElement('runner-state-host') as RunnerStateHost;
      host.className = 'gallery-state';
      host.view = view;
      host.actions = loggingActions(title);
      for (const [prop, value] of Object.entries(DARK_THEME)) {
        if (dark) host.style.setProperty(prop, value);
      }
      figure.append(caption, host);
      return figure;
    });
  gallery.replaceChildren(...figures);
}

for (const input of document.querySelectorAll('input')) input.addEventListener('change', draw);
draw();
