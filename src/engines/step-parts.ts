import type { CSSResult } from 'lit';
import type { Catalogue } from '../i18n/en.js';
import { addEnglish } from '../i18n/localize.js';
import { loadPart } from '../on-demand/load-part.js';
import type { StepPartName } from '../runner/part-contract.js';
import type { LoadStepPart, RunnerPart } from '../runner/step-parts.js';
import { addPartStyles, partViews, type PartViews } from '../views/part-views.js';

/** A step part's module (src/parts/): what it gives the runner, and its views, CSS and English texts. */
interface StepPart extends RunnerPart {
  views: Partial<PartViews>;
  styles: CSSResult;
  strings: Partial<Catalogue>;
}

/** The step types that ship as parts of their own, next to the main file (src/runner/step-parts.ts says which step needs which). */
const PARTS: Record<StepPartName, () => Promise<StepPart>> = {
  upload: () => loadPart('upload', () => import('../parts/upload.js')),
  group: () => loadPart('group', () => import('../parts/group.js')),
  choices: () => loadPart('choices', () => import('../parts/choices.js')),
  bank: () => loadPart('bank', () => import('../parts/bank.js')),
  review: () => loadPart('review', () => import('../parts/review.js')),
};

const inPlace = new Set<StepPartName>();

/**
 * Loads a step part (once per page) and puts its views, CSS and English texts in place for every
 * element; resolves with what it gives the runner.
 */
export const loadStepPart: LoadStepPart = async (name) => {
  const part = await PARTS[name]();
  if (!inPlace.has(name)) {
    inPlace.add(name);
    addEnglish(part.strings);
    addPartStyles(part.styles);
    Object.assign(partViews, part.views);
  }
  return part;
};
