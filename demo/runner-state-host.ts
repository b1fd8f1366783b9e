/**
 * Shared by the states gallery and the view tests: a host element like `<tl-workflow>` (one shadow
 * root with the runner's styles) that renders a hand-built view model, and the dark theme both use.
 */
import { LitElement } from 'lit';
import type { RunnerActions, RunnerViewModel } from '../src/runner/view-model.js';
import { renderRunner } from '../src/views/runner-view.js';
import { runnerStyles } from '../src/views/styles.js';

/** `<runner-state-host>`: renders `view` with `actions`, nothing else. */
export class RunnerStateHost extends LitElement {
  static override styles = runnerStyles;
  static override properties = { view: { attribute: false }, actions: { attribute: false } };
  view!: RunnerViewModel;
  actions!: RunnerActions;
  protected override render() {
    return renderRunner(this.view, this.actions);
  }
}
if (!customElements.get('runner-state-host')) customElements.define('runner-state-host', RunnerStateHost);

/** The dark palette as `--tl-*` values, for a host that wants dark mode whatever the OS says. */
export const DARK_THEME: Record<string, string> = {
  '--tl-color-bg': '#16181d',
  '--tl-color-surface': '#20242b',
  '--tl-color-text': '#e6e8eb',
  '--tl-color-muted': '#b4bac3',
  '--tl-color-border': '#8b93a1',
  '--tl-color-danger': '#ff8a80',
  '--tl-color-success': '#7ee2a8',
  '--tl-color-accent': '#8ab4f8',
  '--tl-color-scheme': 'dark',
};

/** The light palette as `--tl-*` values (the widget's defaults), for a host that wants light mode whatever the OS says. */
export const LIGHT_THEME: Record<string, string> = {
  '--tl-color-bg': '#ffffff',
  '--tl-color-surface': '#f4f5f7',
  '--tl-color-text': '#1f2328',
  '--tl-color-muted': '#4b5563',
  '--tl-color-border': '#6b7280',
  '--tl-color-danger': '#b42318',
  '--tl-color-success': '#1a7f37',
  '--tl-color-accent': '#1d4ed8',
  '--tl-color-scheme': 'light',
};
