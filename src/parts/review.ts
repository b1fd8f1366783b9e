/**
 * The `review` part (`tl-workflow.review.js`): the review step (every earlier step's answers,
 * formatted for reading, each with Edit), with its CSS and English texts. Loaded by
 * src/engines/step-parts.ts.
 */
import { renderReviewStep } from '../views/steps/review-step.js';

export { reviewStrings as strings } from '../i18n/en-review.js';
export { reviewStyles as styles } from '../views/styles/review.js';
export const views = { review: renderReviewStep };
