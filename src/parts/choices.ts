/**
 * The `choices` part (`tl-workflow.choices.js`): radio and checkbox fields (consents with their
 * documents), with their CSS and English texts. Loaded by src/engines/step-parts.ts.
 */
import { renderCheckboxField } from '../views/fields/checkbox-field.js';
import { renderRadioField } from '../views/fields/radio-field.js';

export { choicesStrings as strings } from '../i18n/en-choices.js';
export { choicesStyles as styles } from '../views/styles/choices.js';
export const views = { radio: renderRadioField, checkbox: renderCheckboxField };
