import { css, type CSSResult, type TemplateResult } from 'lit';
import type { FieldDefinition, StepDefinition } from '../schema/api-types.js';
import type { RunnerActions, RunnerViewModel } from '../runner/view-model.js';
import type { FieldContext } from './util.js';

/** Draws a step of a type that ships as a part. */
type StepView = (step: StepDefinition, view: RunnerViewModel, actions: RunnerActions) => TemplateResult;
/** Draws a field of a type that ships as a part. */
type FieldView = (field: FieldDefinition, ctx: FieldContext) => TemplateResult;

/** The views the parts bring: the `bank` and `review` steps; `file`, `group`, `radio` and `checkbox` fields (src/engines/step-parts.ts). */
export interface PartViews {
  bank: StepView;
  review: StepView;
  file: FieldView;
  group: FieldView;
  radio: FieldView;
  checkbox: FieldView;
}

/**
 * The views of the parts loaded so far, once per page (src/engines/step-parts.ts puts them here).
 * The runner draws a step only once its parts are here (`view.stepPart`).
 */
export const partViews: Partial<PartViews> = {};

/**
 * The parts' CSS: one style sheet, in every element's styles (`runnerStyles`), empty until a part
 * brings its rules. Every shadow root adopts this same sheet, so a part's rules reach every element.
 */
export const partStyles = css``;
let partCss = '';

/** Adds a part's rules to `partStyles`. */
export function addPartStyles(styles: CSSResult): void {
  partCss += styles.cssText;
  partStyles.styleSheet?.replaceSync(partCss);
}
