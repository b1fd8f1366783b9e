import type { CSSResult } from 'lit';
import type { Catalogue } from '../i18n/en.js';
import { addEnglish } from '../i18n/localize.js';
import { loadPart } from '../on-demand/load-part.js';
import type { StepPartName } from '../runner/part-contract.js';
import type { LoadedStepPart, LoadStepPart, RunnerPart } from '../runner/step-parts.js';
import { addPartStyles, partViews, type PartViews } from '../views/part-views.js';

/** A step part's module (src/parts/): what it gives the runner, and its views, CSS and English texts. */
interface StepPart extends RunnerPart {
  views?: Partial<PartViews>;
  styles?: CSSResult;
  strings: Partial<Catalogue>;
}

/** The step types that ship as parts of their own, next to the main file (src/runner/step-parts.ts says which step needs which), and the validation. */
const PARTS: Record<StepPartName, () => Promise<StepPart>> = {
  upload: () => loadPart('upload', () => import('../parts/upload.js')),
  group: () => loadPart('group', () => import('../parts/group.js')),
  choices: () => loadPart('choices', () => import('../parts/choices.js')),
  bank: () => loadPart('bank', () => import('../parts/bank.js')),
  review: () => loadPart('review', () => import('../parts/review.js')),
  validation: () => loadPart('validation', () => import('../parts/validation.js')),
};

/** The parts loaded and put in place on this page. */
const inPlace = new Map<StepPartName, StepPart>();

/**
 * Loads a step part (once per page) and puts its views, CSS and English texts in place for every
 * element; resolves with what it gives the runner.
 */
export const loadStepPart: LoadStepPart = async (name) => {
  const part = await PARTS[name]();
  if (!inPlace.has(name)) {
    inPlace.set(name, part);
    addEnglish(part.strings);
    if (part.styles) addPartStyles(part.styles);
    Object.assign(partViews, part.views);
  }
  return part;
};

/** A step part already loaded on this page, or `undefined`. */
export const loadedStepPart: LoadedStepPart = (name) => inPlace.get(name);
