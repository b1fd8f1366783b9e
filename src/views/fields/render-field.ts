import type { TemplateResult } from 'lit';
import type { FieldDefinition } from '../../schema/api-types.js';
import type { FieldContext } from '../util.js';
import { renderCheckboxField } from './checkbox-field.js';
import { renderDateField } from './date-field.js';
import { renderRadioField, renderSelectField } from './choice-field.js';
import { partViews } from '../part-views.js';
import { renderGroupField } from './group-field.js';
import { renderTelField } from './tel-field.js';
import { renderTextField } from './text-field.js';

/** Renders one field of a step by its type; unknown types fall back to a text input. */
export function renderField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  switch (field.type) {
    case 'select':
    case 'country':
      return renderSelectField(field, ctx);
    case 'radio':
      return renderRadioField(field, ctx);
    case 'checkbox':
      return renderCheckboxField(field, ctx);
    case 'tel':
      return renderTelField(field, ctx);
    case 'file':
      // The upload part's (a step with a file field is drawn once it is here).
      return partViews.file!(field, ctx);
    case 'group':
      return renderGroupField(field, ctx);
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
