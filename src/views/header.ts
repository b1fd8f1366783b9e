import { html, nothing, type TemplateResult } from 'lit';
import type { RunnerViewModel } from '../runner/view-model.js';
import { langAttr, t } from './util.js';

/** Id of the step heading, which labels the step's form. */
export const STEP_HEADING_ID = 'tl-step-heading';

/**
 * The header: workflow name, "Step n of m" with a labelled `<progress>`, the ordered step list
 * (done / current / todo, said in visually hidden text) and the displayed step's heading, which the
 * runner focuses on every step change (`[data-step-heading]`), and description.
 */
export function renderHeader(view: RunnerViewModel): TemplateResult {
  const step = view.step;
  const current = view.stepIndex + 1;
  const total = view.stepCount;
  const progressText = t(view, 'views.progress', { current, total });
  const steps = view.execution?.steps ?? [];
  // The workflow's texts come from the server in its language; marked when it is not the UI's.
  const lang = langAttr(view);
  return html`<header class="header" part="header">
    ${view.execution?.name ? html`<p class="workflow-name" lang=${lang}>${view.execution.name}</p>` : nothing}
    ${total > 0
      ? html`<div class="progress">
          <span class="progress__text" id="tl-progress-label">${progressText}</span>
          <progress aria-labelledby="tl-progress-label" max=${total} value=${current}></progress>
        </div>`
      : nothing}
    ${steps.length
      ? html`<ol class="steps" aria-label=${t(view, 'views.steps.label')}>
            ${steps.map((s) => {
              const state = s.id === step?.id ? 'current' : s.state === 'done' ? 'done' : 'todo';
              return html`<li class="steps__item steps__item--${state}" aria-current=${state === 'current' ? 'step' : nothing}>
                <span class="steps__marker" aria-hidden="true"></span>
                <span class="steps__title" lang=${lang}>${s.title}</span>
                <span class="vh"> ${t(view, `views.steps.${state}`)}</span>
              </li>`;
            })}
          </ol>`
      : nothing}
    ${step
      ? html`<h2 class="step-heading" id=${STEP_HEADING_ID} data-step-heading tabindex="-1" lang=${lang}>${step.title}</h2>
          ${step.description ? html`<p class="step-description" lang=${lang}>${step.description}</p>` : nothing}`
      : nothing}
  </header>`;
}
