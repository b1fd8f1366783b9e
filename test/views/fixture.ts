import { LitElement, html, render } from 'lit';
import { fixture } from '@open-wc/testing';
import sinon from 'sinon';
import type { RunnerActions, RunnerViewModel } from '../../src/runner/view-model.js';
import { renderRunner } from '../../src/views/runner-view.js';
import { runnerStyles } from '../../src/views/styles.js';
import { noopActions } from '../../demo/samples.js';

/** Every action as a sinon spy. */
export type SpiedActions = { [K in keyof RunnerActions]: sinon.SinonSpy };

/** A minimal host like `<tl-workflow>`: one shadow root with `runnerStyles`, rendering `renderRunner`. */
class ViewsTestHost extends LitElement {
  static override styles = runnerStyles;
  static override properties = { view: { attribute: false }, actions: { attribute: false } };
  view!: RunnerViewModel;
  actions!: RunnerActions;
  protected override render() {
    return renderRunner(this.view, this.actions);
  }
}
if (!customElements.get('views-test-host')) customElements.define('views-test-host', ViewsTestHost);

/** Spied actions; none of them does anything. */
export function spyActions(): SpiedActions {
  const base = noopActions();
  const spied = {} as SpiedActions;
  for (const key of Object.keys(base) as Array<keyof RunnerActions>) spied[key] = sinon.spy();
  return spied;
}

/** Renders a view model into a test host; returns the host, its shadow root and the spied actions. */
export async function renderView(view: RunnerViewModel, actions: SpiedActions = spyActions()) {
  const el = await fixture<ViewsTestHost>(html`<views-test-host .view=${view} .actions=${actions as unknown as RunnerActions}></views-test-host>`);
  await settle(el);
  return { el, root: el.shadowRoot!, actions };
}

/** Re-renders with a new view model (as the controller would after an action). */
export async function update(el: HTMLElement, view: RunnerViewModel) {
  (el as ViewsTestHost).view = view;
  await settle(el);
}

/** Waits for the host and any internal element (the bank picker) to render. */
export async function settle(el: HTMLElement) {
  await (el as ViewsTestHost).updateComplete;
  const inner = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].filter((n): n is LitElement => n instanceof LitElement);
  await Promise.all(inner.map((n) => n.updateComplete));
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

/** The center of an element, for `sendMouse` (scrolled into the viewport first). */
export function center(el: Element): [number, number] {
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** Renders a template into a plain div (no host), for unit checks of small pieces. */
export function renderInto(template: unknown): HTMLDivElement {
  const div = document.createElement('div');
  render(template, div);
  return div;
}
