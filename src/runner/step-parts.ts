import type { FieldDefinition, StepDefinition } from '../schema/api-types.js';
import { networkError } from '../client/errors.js';
import type { RunnerCore } from './runner-core.js';
import type { PartsPort, StepPartName, Uploads, ValidateStep } from './part-contract.js';
import type { RunnerPort } from './runner-port.js';


/** The part of each field type that ships as one. */
const FIELD_PARTS: Partial<Record<FieldDefinition['type'], StepPartName>> = { file: 'upload', group: 'group', radio: 'choices', checkbox: 'choices' };

/** What a loaded part gives the runner (its views, CSS and texts go to the views: src/engines/step-parts.ts). */
export interface RunnerPart {
  uploads?: (core: RunnerCore) => Uploads;
  validate?: ValidateStep;
}

/** Loads a part, once per page: resolves when it can be used, rejects when its file cannot be loaded. */
export type LoadStepPart = (name: StepPartName) => Promise<RunnerPart>;

/** A part already loaded on the page (by this runner or another), or `undefined`. */
export type LoadedStepPart = (name: StepPartName) => RunnerPart | undefined;

/** The parts of `fields` and of the fields of their groups. */
const fieldParts = (fields: readonly FieldDefinition[] = []): StepPartName[] =>
  fields.flatMap((f) => [FIELD_PARTS[f.type]!, ...fieldParts(f.fields)]).filter(Boolean);

/** The parts a step needs on screen (a bank step's consent is a checkbox). */
function partsOf(step: StepDefinition): StepPartName[] {
  const own: StepPartName[] = step.type === 'bank' ? ['bank', 'choices'] : step.type === 'review' ? ['review'] : [];
  return [...own, ...fieldParts(step.fields)];
}

/**
 * The parts of one runner: loaded when the displayed step needs one, and all those of the workflow
 * fetched ahead once its first step is on screen, so that no later step waits for the network. A
 * part that cannot be loaded is the `network` error of the step that needs it, with "Try again"
 * (`retry`): the user's answers are kept, and the step shows once the part has come. The
 * `validation` part is fetched ahead with them; a Continue pressed before it has come is sent once
 * it has (`validation`).
 */
export class StepParts implements PartsPort {
  readonly #port: RunnerPort;
  readonly #load: LoadStepPart;
  readonly #use: (part: RunnerPart) => void;
  readonly #loaded: LoadedStepPart;
  readonly #states = new Map<StepPartName, 'loading' | 'ready' | 'failed'>();
  /** The parts this runner has loaded. */
  readonly #here = new Map<StepPartName, RunnerPart>();
  /** What to do once a part has come, by part: the user is waiting for it (a Continue pressed before the validation). */
  readonly #waiting = new Map<StepPartName, () => void>();

  constructor(port: RunnerPort, load: LoadStepPart, use: (part: RunnerPart) => void, loaded: LoadedStepPart = () => undefined) {
    this.#port = port;
    this.#load = load;
    this.#use = use;
    this.#loaded = loaded;
  }

  /** Whether `step` can be drawn: `null` when its parts are here, else whether one is on its way or failed. */
  missing(step: StepDefinition | null): 'loading' | 'failed' | null {
    const states = (step ? partsOf(step) : []).map((name) => this.#states.get(name));
    return states.includes('failed') ? 'failed' : states.every((s) => s === 'ready') ? null : 'loading';
  }

  /**
   * Loads what the displayed step needs. A part that failed before (fetched ahead) is not fetched
   * again by itself: the step shows its error, and "Try again" (`retry`) fetches it.
   */
  need(): void {
    for (const name of this.#displayedNeeds()) {
      const state = this.#states.get(name);
      if (state === 'failed') this.#failed(name);
      else if (!state) this.#fetch(name);
    }
  }

  /** Fetches every part the workflow needs; a failure stays silent until a step needs the part. */
  prefetch(definitions: readonly StepDefinition[]): void {
    for (const name of new Set([...definitions.flatMap(partsOf), 'validation' as const])) if (!this.#states.has(name)) this.#fetch(name);
  }

  validation(then: () => void): ValidateStep | null {
    // Once on the page, the check is used at once (a Continue is sent in the same turn).
    const validate = (this.#here.get('validation') ?? this.#loaded('validation'))?.validate;
    if (validate) return validate;
    this.#waiting.set('validation', then);
    const state = this.#states.get('validation');
    if (state === 'failed') this.#failed('validation');
    else if (!state) this.#fetch('validation');
    return null;
  }

  /** "Try again" after a part failed. */
  retry(name: StepPartName): void {
    if (this.#states.get(name) === 'failed') this.#fetch(name);
  }

  #displayedNeeds(): StepPartName[] {
    const step = this.#port.state.step;
    return step ? partsOf(step) : [];
  }

  #fetch(name: StepPartName): void {
    this.#states.set(name, 'loading');
    this.#load(name).then(
      (part) => {
        this.#states.set(name, 'ready');
        this.#here.set(name, part);
        this.#use(part);
        // Fetched ahead for a later step: nothing on screen changes, so nothing is redrawn.
        if (this.#displayedNeeds().includes(name)) this.#port.changed();
        const then = this.#waiting.get(name);
        this.#waiting.delete(name);
        then?.();
      },
      () => {
        this.#states.set(name, 'failed');
        // Needed on screen, or waited for by the user: its error, with "Try again"; else silent until then.
        if (this.#displayedNeeds().includes(name) || this.#waiting.has(name)) this.#failed(name);
      },
    );
  }

  /** The displayed step needs a part that could not be loaded: its `network` error, with "Try again". */
  #failed(name: StepPartName): void {
    const { state } = this.#port;
    if (state.failed?.kind === 'part' && state.failed.name === name) return;
    const error = networkError(undefined, `A part of the widget (tl-workflow.${name}.js, next to its script) could not be loaded.`);
    this.#port.failures().fail(error, { kind: 'part', name });
  }
}
