import type { TemplateResult } from 'lit';
import type { FieldDefinition } from '../../schema/api-types.js';
import type { FieldContext } from '../util.js';
import { partViews } from '../part-views.js';
import { renderDateField } from './date-field.js';
import { renderSelectField } from './select-field.js';
import { renderTelField } from './tel-field.js';
import { renderTextField } from './text-field.js';

/** Renders one field of a step by its type; unknown types fall back to a text input. */
export function renderField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  switch (field.type) {
    case 'select':
    case 'country':
      return renderSelectField(field, ctx);
    case 'tel':
      return renderTelField(field, ctx);
    case 'radio':
    case 'checkbox':
    case 'file':
    case 'group':
      // A part's (src/runner/step-parts.ts): a step with such a field is drawn once its part is here.
      return partViews[field.type]!(field, ctx);
    case 'date':
      return renderDateField(field, ctx);
    case 'textarea':
    case 'email':
    case 'number':
      return renderTextField(field, ctx);
    default:
      return renderTextField(field.type === 'text' ? field : { ...field, type: 'text' }, ctx);
  }
}
