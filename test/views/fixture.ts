import { html, render } from 'lit';
import { fixture } from '@open-wc/testing';
import sinon from 'sinon';
import { loadLanguage } from '../../src/i18n/localize.js';
import type { RunnerActions, RunnerViewModel } from '../../src/runner/view-model.js';
import { noopActions } from '../fixtures/samples.js';
import { showLateScreens } from '../helpers/late-screens.js';
import '../fixtures/runner-state-host.js';
import type { RunnerStateHost } from '../fixtures/runner-state-host.js';

// Views are drawn here without the element, which loads language files: the tests' languages are loaded up front.
await Promise.all([loadLanguage('pl'), loadLanguage('de')]);

/** Every action as a sinon spy. */
export type SpiedActions = { [K in keyof RunnerActions]: sinon.SinonSpy };


/** Spied actions; none of them does anything. */
export function spyActions(): SpiedActions {
  const base = noopActions();
  const spied = {} as SpiedActions;
  for (const key of Object.keys(base) as Array<keyof RunnerActions>) spied[key] = sinon.spy();
  return spied;
}

/**
 * Renders a view model into a test host; returns the host, its shadow root and the spied actions.
 * A loading screen is shown at once (its 0.3 s delay ended: test/helpers/late-screens.ts) unless
 * `late` asks for it as first drawn.
 */
export async function renderView(view: RunnerViewModel, actions: SpiedActions = spyActions(), { late = false } = {}) {
  const el = await fixture<RunnerStateHost>(html`<runner-state-host .view=${view} .actions=${actions as unknown as RunnerActions}></runner-state-host>`);
  await settle(el);
  if (!late) showLateScreens(el.shadowRoot!);
  return { el, root: el.shadowRoot!, actions };
}

/** Re-renders with a new view model (as the controller would after an action). */
export async function update(el: HTMLElement, view: RunnerViewModel) {
  (el as RunnerStateHost).view = view;
  await settle(el);
  showLateScreens(el.shadowRoot!);
}

/** Waits for the host to render. */
export async function settle(el: HTMLElement) {
  await (el as RunnerStateHost).updateComplete;
}

/** `querySelector` that fails the test when nothing matches. */
export function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/** The accessible text of the elements listed in an `aria-describedby`/`aria-labelledby`. */
export function textOfIds(root: ShadowRoot, ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? `#${id}?`)
    .join(' | ');
}

/** Renders a template into a plain div (no host), for unit checks of small pieces. */
export function renderInto(template: unknown): HTMLDivElement {
  const div = document.createElement('div');
  render(template, div);
  return div;
}
