import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition, FieldLink } from '../../schema/api-types.js';
import type { RunnerViewModel } from '../../runner/view-model.js';
import { getPath, idFor, safeHref, serverLang, t, type FieldContext } from '../util.js';
import { fieldIds, renderError, renderHint, requiredMark } from './field-parts.js';

/**
 * Document links of a consent: real links opening in a new tab (said in visually hidden text).
 * Only http(s) URLs become links; any other (`javascript:`, `data:`) is dropped.
 */
function renderLinks(
  view: RunnerViewModel,
  links: FieldLink[] | undefined,
  id?: string,
): TemplateResult | typeof nothing {
  const safe = (links ?? [])
    .map((l) => ({ label: l.label, href: safeHref(l.href) }))
    .filter((l): l is { label: string; href: string } => l.href !== null);
  if (!safe.length) return nothing;
  return html`<ul class="links" id=${ifDefined(id)}>
    ${safe.map(
      (l) => html`<li>
        <a href=${l.href} target="_blank" rel="noopener noreferrer"
          >${l.label}<span class="vh"> ${t(view, 'views.link.newTab')}</span></a
        >
      </li>`,
    )}
  </ul>`;
}

/** Renders a `checkbox` field (typically a consent): the box, its label, the documents it refers to. */
export function renderCheckboxField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const ids = fieldIds(field, ctx);
  const checked = getPath(ctx.view.values, ctx.path) === true;
  return html`<div class="field" part="field">
    <div class="choice choice--check">
      <input
        type="checkbox"
        id=${ids.id}
        data-field-path=${ctx.path}
        ?required=${!!field.required}
        aria-required=${field.required ? 'true' : 'false'}
        aria-invalid=${ifDefined(ids.error ? 'true' : undefined)}
        aria-describedby=${ifDefined(ids.describedBy)}
        .checked=${live(checked)}
        @change=${(e: Event) => ctx.actions.setValue(ctx.path, (e.target as HTMLInputElement).checked)}
      />
      <label for=${ids.id} lang=${serverLang(ctx.view) ?? nothing}>${field.label}${requiredMark(field.required)}</label>
    </div>
    ${renderHint(field.hint, ids.hintId)} ${renderLinks(ctx.view, field.links, idFor(ctx.path, 'links'))}
    ${renderError(ctx.view, ids.error, ids.errorId)}
  </div>`;
}
