import type {
  FieldValue,
  RegistryRecord,
  StepDefinition,
  StepValues,
  WidgetExecution,
} from '../schema/api-types.js';
import type { TlErrorCode } from '../events/error-codes.js';

/**
 * The seam between the workflow runner (state, `src/runner/`) and the step views (`src/views/`).
 * The runner builds a `RunnerViewModel`; the views render it and report the user's intents through
 * `RunnerActions`. Views never call `fetch` and never keep workflow data of their own.
 */

/** Where the runner is. `awaiting` and `complete` are both "the user's part is done". */
export type RunnerPhase = 'loading' | 'running' | 'awaiting' | 'complete' | 'cancelled' | 'error';

/** A file being uploaded, or uploaded, for a `file` field. Keyed by the field's dotted path. */
export interface UploadState {
  name: string;
  size: number;
  type: string;
  /** 0..1 */
  progress: number;
  /** `uploading` while bytes are sent; `done` once the server stored it; `failed` with `error`. */
  status: 'uploading' | 'done' | 'failed';
  /** An object URL for an image preview (revoked by the runner when the upload is removed). */
  previewUrl?: string;
  error?: string;
  /** A failed upload whose file can be sent again as it is (not refused for its size or type). */
  retryable?: boolean;
}

export interface RegistryLookupState {
  status: 'idle' | 'searching' | 'found' | 'not-found' | 'error';
  record?: RegistryRecord;
}

/** A failure shown in the banner above the step. */
interface BannerState {
  code: TlErrorCode;
  message: string;
  /** Whether a "Try again" action makes sense (`RunnerActions.retry`). */
  retryable: boolean;
}

export interface RunnerViewModel {
  /** Resolved UI language of the widget's own texts (`en`, `pl`). */
  locale: string;
  /**
   * The widget's locale as asked for (`en-GB`), which orders the parts of dates when `Intl` knows it
   * (see `dateLocale` in src/views/util.ts); absent or unknown means `locale`.
   */
  dateLocale?: string;
  phase: RunnerPhase;
  execution: WidgetExecution | null;
  /** The step on screen. May be earlier than `execution.currentStepId` while editing from review. */
  step: StepDefinition | null;
  /** 0-based index of `step` in `execution.definitions`, and their count. */
  stepIndex: number;
  stepCount: number;
  /** What the user sees in the displayed step's fields: their draft over the saved values. */
  values: StepValues;
  /** Every step's values, drafts over saved values, for the review screen. */
  allValues: Record<string, StepValues>;
  /** Messages by dotted field path (`email`, `owners.1.firstName`): client-side or server validation. */
  fieldErrors: Record<string, string>;
  /** A request for this step is in flight: the submit button is disabled and says so. */
  busy: boolean;
  /** The token expired: say so plainly, keep every input, disable sending until a new token arrives. */
  tokenExpired: boolean;
  banner: BannerState | null;
  uploads: Record<string, UploadState>;
  /** The "Leave the verification?" confirmation is open. */
  confirmingCancel: boolean;
  registry: RegistryLookupState;
  /** The text typed into the bank search of a `bank` step (filters its list locally). */
  bankQuery: string;
  /**
   * The displayed step needs a part (src/runner/step-parts.ts) that is on its way (`loading`) or
   * could not be loaded (`failed`: the banner says so, with "Try again"); absent or null once it is here.
   */
  stepPart?: 'loading' | 'failed' | null;
}

export interface RunnerActions {
  /** Sets one value of the displayed step by dotted path (`owners.1.firstName`). Clears that path's error. */
  setValue(path: string, value: FieldValue): void;
  /** Appends an empty entry to the `group` field at `path`. */
  addGroupItem(path: string): void;
  /** Removes entry `index` of the `group` field at `path`. */
  removeGroupItem(path: string, index: number): void;
  /** Validates the displayed step client-side, then saves it (one Idempotency-Key per submission). */
  submit(): void;
  /** Goes back one step, keeping every input. */
  back(): void;
  /** From review: opens an earlier step to edit it. */
  edit(stepId: string): void;
  /** Uploads a file for the `file` field at `path` (replaces a previous one). */
  upload(path: string, file: File): void;
  /** Aborts an upload in flight. */
  cancelUpload(path: string): void;
  /** Sends the chosen file of a failed upload again (`UploadState.retryable`). */
  retryUpload(path: string): void;
  /** Clears the file of the `file` field at `path`. */
  removeFile(path: string): void;
  /** Looks a company up in the registry (registry-lookup step). */
  lookupRegistry(registryNumber: string): void;
  /** Sets the bank search text of a `bank` step (filters the list; saves nothing). */
  setBankQuery(query: string): void;
  /** Repeats what failed (the banner's "Try again"). */
  retry(): void;
  dismissBanner(): void;
  /** Opens the cancel confirmation. */
  requestCancel(): void;
  /** Cancels the workflow: fires `tl-cancel` once. */
  confirmCancel(): void;
  /** Closes the cancel confirmation and stays. */
  dismissCancel(): void;
}
