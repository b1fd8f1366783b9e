import { html, nothing, type TemplateResult } from 'lit';
import type { StepDefinition } from '../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../runner/view-model.js';
import { renderFooter } from './footer.js';
import { renderHeader, STEP_HEADING_ID } from './header.js';
import { renderBanner, renderTokenExpired } from './notices.js';
import { renderEndScreen, renderLoading } from './phases.js';
import { partViews } from './part-views.js';
import { renderFormStep } from './steps/form-step.js';
import { renderRegistryStep } from './steps/registry-step.js';
import { t } from './util.js';

function renderStepBody(step: StepDefinition, view: RunnerViewModel, actions: RunnerActions): TemplateResult | typeof nothing {
  // A step whose part is on its way says so; one whose part failed has the banner (with Try again).
  if (view.stepPart) {
    return view.stepPart === 'loading'
      ? html`<p class="busy-line" role="status"><span class="spinner" aria-hidden="true"></span>${t(view, 'views.loading')}</p>`
      : nothing;
  }
  switch (step.type) {
    case 'registry-lookup':
      return renderRegistryStep(step, view, actions);
    case 'bank':
    case 'review':
      return partViews[step.type]!(step, view, actions);
    default:
      return renderFormStep(step, view, actions);
  }
}

/**
 * Renders the whole runner for the element's shadow root: the phase screens (loading, awaiting,
 * complete, cancelled, error) or, while running, the header, the banners, the displayed step as a
 * form (Enter submits through `actions.submit()`; `aria-busy` while the part it needs is on its way,
 * so that assistive technology and test drivers wait for its fields), an alert (inserted, so announced) that says "Some
 * answers need your attention" while any field shows an error, and the footer.
 *
 * A pure function of `view`: it keeps no workflow data, never fetches, and reports every user intent
 * through `actions`. Pair it with `runnerStyles` in the element's `static styles`.
 */
export function renderRunner(view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  switch (view.phase) {
    case 'loading':
      return html`<div class="runner" lang=${view.locale}>${renderLoading(view)}</div>`;
    case 'awaiting':
    case 'complete':
    case 'cancelled':
    case 'error':
      return html`<div class="runner" lang=${view.locale}>${renderEndScreen(view.phase, view, actions)}</div>`;
    default:
      break;
  }
  const step = view.step;
  if (!step) return html`<div class="runner" lang=${view.locale}>${renderLoading(view)}</div>`;
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!view.busy && !view.tokenExpired) actions.submit();
  };
  return html`<div class="runner" lang=${view.locale}>
    ${renderHeader(view)} ${renderTokenExpired(view)} ${renderBanner(view, actions)}
    <form class="step step--${step.type}" part="step" novalidate aria-labelledby=${STEP_HEADING_ID}
      aria-busy=${view.stepPart === 'loading' ? 'true' : nothing} data-step-id=${step.id} @submit=${onSubmit}>
      ${renderStepBody(step, view, actions)}
      ${Object.keys(view.fieldErrors).length > 0
        ? html`<p class="vh" role="alert" data-error-summary>${t(view, 'runner.error.validation')}</p>`
        : nothing}
      ${renderFooter(view, actions)}
    </form>
  </div>`;
}
