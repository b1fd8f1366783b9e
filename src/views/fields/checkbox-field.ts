import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from '../live.js';
import type { FieldDefinition } from '../../schema/api-types.js';
import type { RunnerViewModel } from '../../runner/view-model.js';
import { getPath, idFor, langAttr, safeHref, t, type FieldContext } from '../util.js';
import { fieldIds, renderFieldBox, requiredMark } from './field-parts.js';

/**
 * Document links of a consent: real links opening in a new tab (said in visually hidden text).
 * Only http(s) URLs become links; any other (`javascript:`, `data:`) is dropped.
 */
function renderLinks(view: RunnerViewModel, field: FieldDefinition, id: string): TemplateResult | typeof nothing {
  const links = (field.links ?? []).flatMap((l) => {
    const href = safeHref(l.href);
    return href ? [html`<li><a href=${href} target="_blank" rel="noopener noreferrer"
      >${l.label}<span class="vh"> ${t(view, 'views.link.newTab')}</span></a></li>`] : [];
  });
  return links.length ? html`<ul class="links" id=${id}>${links}</ul>` : nothing;
}

/** Renders a `checkbox` field (typically a consent): the box, its label, the documents it refers to. */
export function renderCheckboxField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const ids = fieldIds(field, ctx);
  const required = !!field.required;
  const box = html`<div class="choice choice--check">
    <input
      type="checkbox"
      id=${ids.id}
      data-field-path=${ctx.path}
      ?required=${required}
      aria-required=${required}
      aria-invalid=${ifDefined(ids.invalid)}
      aria-describedby=${ifDefined(ids.describedBy)}
      .checked=${live(getPath(ctx.view.values, ctx.path) === true)}
      @change=${(e: Event) => ctx.actions.setValue(ctx.path, (e.target as HTMLInputElement).checked)}
    />
    <label for=${ids.id} lang=${langAttr(ctx.view)}>${field.label}${requiredMark(required)}</label>
  </div>`;
  // The box and its label come first; the hint, the documents and the error follow.
  return renderFieldBox(field, ctx, ids, renderLinks(ctx.view, field, idFor(ctx.path, 'links')), box);
}
