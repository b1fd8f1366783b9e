import type { FieldDefinition, StepDefinition } from '../schema/api-types.js';
import type { validateStep } from './validate.js';
import type { UploadState } from './view-model.js';

/**
 * The step and field types that ship as parts of their own, `tl-workflow.<name>.js`
 * (src/engines/step-parts.ts loads them): the `bank` and `review` steps, and the fields a first
 * step rarely has: `upload` (file fields), `group` (group fields), `choices` (radio buttons and
 * checkboxes). Plain forms (text, select, date, phone fields) and the registry lookup are in the main file.
 * And `validation`, which no step needs to be drawn, only to be sent.
 */
export type StepPartName = 'upload' | 'group' | 'choices' | 'bank' | 'review' | 'validation';

/** The uploads of `file` fields: the runner's side of the upload part's `UploadManager`. */
export interface Uploads {
  /** Starts (or replaces) the upload of `file` for `path` of `stepId`; `deferred`: wait for the next token. */
  start(stepId: string, path: string, file: File, field: FieldDefinition | undefined, deferred?: boolean): void;
  /** Aborts the upload at `path` (by the user) and forgets it. */
  cancel(stepId: string, path: string): void;
  /** Sends the file of a failed upload at `path` again, when its failure allows it. */
  retry(stepId: string, path: string): void;
  /** Forgets the uploads of `stepId` at or under `path`, or all of them without `stepId`. */
  remove(stepId?: string, path?: string): void;
  /** Upload states of one step, by path, with their errors in `locale`. */
  forStep(stepId: string | null, locale: string): Record<string, UploadState>;
  /** Paths of one step whose upload is not finished. */
  pending(stepId: string): string[];
  /** Aborts every upload in flight, keeping its file to resume it later. */
  interruptAll(): void;
  /** Sends again every interrupted upload. */
  resume(): void;
  /** Revokes every preview URL (on disconnect). */
  releasePreviews(): void;
  /** Recreates the preview URLs released by `releasePreviews`. */
  restorePreviews(): void;
}

/** What the runner's other modules use of its parts (src/runner/step-parts.ts `StepParts`). */
export interface PartsPort {
  /** Whether `step` can be drawn: `null` when its parts are here, else whether one is on its way or failed. */
  missing(step: StepDefinition | null): 'loading' | 'failed' | null;
  /** "Try again" after a part failed. */
  retry(name: StepPartName): void;
  /**
   * The step check of the `validation` part once it is here. Until then, `null`: the part is asked
   * for, and `then` is called once it comes (also after a failure and "Try again").
   */
  validation(then: () => void): ValidateStep | null;
}

/** Checks a step's values (src/runner/validate.ts), shipped in the `validation` part. */
export type ValidateStep = typeof validateStep;
