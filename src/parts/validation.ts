/**
 * The `validation` part (`tl-workflow.validation.js`): the widget's own check of a step's answers
 * before they are sent (src/runner/validate.ts), with its English texts. No step needs it to be
 * drawn: it is fetched with the step parts once the first step is on screen, and Continue waits for
 * it (src/runner/step-parts.ts). Loaded by src/engines/step-parts.ts.
 */
export { validationStrings as strings } from '../i18n/en-validation.js';
export { validateStep as validate } from '../runner/validate.js';
