/**
 * The `group` part (`tl-workflow.group.js`): group fields (repeatable entries such as beneficial
 * owners), with their CSS and English texts. Loaded by src/engines/step-parts.ts.
 */
import { renderGroupField } from '../views/fields/group-field.js';

export { groupStrings as strings } from '../i18n/en-group.js';
export { groupStyles as styles } from '../views/styles/group.js';
export const views = { group: renderGroupField };
