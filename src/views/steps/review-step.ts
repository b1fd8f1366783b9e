import { html, type TemplateResult } from 'lit';
import type { StepDefinition } from '../../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../../runner/view-model.js';
import { idFor, langAttr, t } from '../util.js';
import { renderRows } from '../summary.js';
import { stepRows } from './review-format.js';

/**
 * Renders a `review` step: for every earlier step, its title, its values as a description list
 * (formatted for reading) and an "Edit <step title>" button. The footer carries Submit.
 */
export function renderReviewStep(step: StepDefinition, view: RunnerViewModel, actions: RunnerActions): TemplateResult {
  const definitions = view.execution?.definitions ?? [];
  const index = definitions.findIndex((d) => d.id === step.id);
  const earlier = (index >= 0 ? definitions.slice(0, index) : definitions).filter((d) => d.type !== 'review');
  return html`<div class="review">
    ${earlier.map((def) => {
      const titleId = idFor(`review-${def.id}`, 'title');
      return html`<section class="review__step" aria-labelledby=${titleId}>
        <div class="review__head">
          <h3 id=${titleId} lang=${langAttr(view)}>${def.title}</h3>
          <button type="button" class="button button--secondary" part="button"
            @click=${() => actions.edit(def.id)}>${t(view, 'views.review.edit')}<span class="vh"> ${def.title}</span></button>
        </div>
        ${renderRows(stepRows(def, view.allValues[def.id], view))}
      </section>`;
    })}
  </div>`;
}
