import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition } from '../../schema/api-types.js';
import { refocusAfterRender } from '../focus.js';
import { getPath, idFor, langAttr, t, type FieldContext } from '../util.js';
import { fieldIds, renderError, renderHint, requiredMark } from './field-parts.js';
import { renderField } from './render-field.js';

/**
 * Renders a `group` field (repeatable entries such as beneficial owners): a titled group holding a
 * fieldset per entry (legend "Beneficial owner 2") with that entry's fields and a Remove button
 * naming the entry, then an Add button, disabled at `maxItems`. Entries below `minItems` cannot be removed.
 */
export function renderGroupField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const { view, actions, path } = ctx;
  const ids = fieldIds(field, ctx);
  const raw = getPath(view.values, path);
  const min = field.minItems ?? 0;
  const max = field.maxItems ?? Infinity;
  const count = Math.max(Array.isArray(raw) ? raw.length : 0, min);
  const itemLabel = field.itemLabel ?? field.label;
  const titleId = idFor(path, 'title');
  const addId = idFor(path, 'add');
  const maxId = idFor(path, 'max');
  const atMax = count >= max;
  const subFields = field.fields ?? [];

  const entry = (_: unknown, index: number) => {
    const name = t(view, 'views.group.item', { label: itemLabel, n: index + 1 });
    return html`<fieldset class="entry" part="group-entry">
      <legend class="entry__legend">${name}</legend>
      ${subFields.map((f) => renderField(f, { view, actions, path: `${path}.${index}.${f.name}` }))}
      ${count > min
        ? html`<button type="button" class="button button--secondary entry__remove" part="button"
            @click=${(e: Event) => {
              actions.removeGroupItem(path, index);
              refocusAfterRender(e.currentTarget as Element, [addId, titleId]);
            }}>${t(view, 'views.group.remove')}<span class="vh"> ${name}</span></button>`
        : nothing}
    </fieldset>`;
  };

  const firstNewField = subFields[0] ? idFor(`${path}.${count}.${subFields[0].name}`) : titleId;
  // The title carries the group's path: the runner focuses it for a group-level error (which it describes).
  return html`<div class="field group" part="field" role="group" aria-labelledby=${titleId}
    aria-describedby=${ids.errorId ?? nothing}>
    <h3 class="group__title" id=${titleId} tabindex="-1" data-field-path=${path} lang=${langAttr(view)}>${field.label}${requiredMark(field.required)}</h3>
    ${renderHint(field.hint, ids.hintId, view)}${renderError(view, ids.error, ids.errorId)}
    ${Array.from({ length: count }, entry)}
    <div class="group__add">
      <button type="button" class="button button--secondary" part="button" id=${addId}
        ?disabled=${atMax}
        aria-describedby=${atMax ? maxId : nothing}
        @click=${(e: Event) => {
          actions.addGroupItem(path);
          refocusAfterRender(e.currentTarget as Element, [firstNewField], true);
        }}>${t(view, 'views.group.add', { label: itemLabel })}</button>
      ${Number.isFinite(max) ? html`<p class="hint" id=${maxId}>${t(view, 'views.group.max', { max })}</p>` : nothing}
    </div>
  </div>`;
}
