/**
 * Wire types of the widget-facing TransactionLink API: what the widget receives.
 *
 * `src/schema/` is the shared schema layer: every layer may import it (the client, the runner, the
 * views, the sandbox, the tests), and it imports no layer. The views render these shapes as they
 * come (a step's definition, its saved values); `check-execution.ts` checks every answer against
 * them at the client boundary. `sandbox/API.md` describes the same contract in prose, with every
 * request, response and error body (request bodies are built in `src/client/widget-client.ts`).
 *
 * All widget requests carry `Authorization: Bearer <widget token>`. Paths are relative to `apiBase`.
 */

/** Status of a workflow execution. `AWAITING`: the user is done, background checks still run. */
export type ExecutionStatus = 'RUNNING' | 'AWAITING' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED';

/** Kinds of step the widget knows how to render. */
export type StepType = 'form' | 'registry-lookup' | 'bank' | 'review';

/** Kinds of field inside a `form` step. */
export type FieldType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'tel'
  | 'date'
  | 'number'
  | 'select'
  | 'country'
  | 'radio'
  | 'checkbox'
  | 'file'
  | 'group';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldLink {
  label: string;
  href: string;
}

/** One field of a step, with everything a good UI needs to render and validate it. */
export interface FieldDefinition {
  /** Key of the value in the step's values. Unique within the step (or within the group). */
  name: string;
  type: FieldType;
  label: string;
  hint?: string;
  required?: boolean;
  /** A JavaScript regular expression source the whole value must match (as the HTML `pattern` attribute). */
  pattern?: string;
  /** Message shown when `pattern` does not match. */
  patternMessage?: string;
  minLength?: number;
  maxLength?: number;
  /** For `number`: numbers. For `date`: ISO dates `YYYY-MM-DD`. */
  min?: number | string;
  max?: number | string;
  /** For `select`, `radio`, `country` and for the calling codes of `tel`. */
  options?: FieldOption[];
  /** An HTML `autocomplete` token, e.g. `given-name`, `bday`, `email`, `tel-national`. */
  autocomplete?: string;
  /** For `file`: accepted MIME types, comma separated (HTML `accept`). */
  accept?: string;
  /** For `file`: maximum size in bytes. */
  maxSize?: number;
  /** For `checkbox` (consents): documents the user should be able to open. */
  links?: FieldLink[];
  /** For `group`: the fields of one entry. */
  fields?: FieldDefinition[];
  /** For `group`: minimum and maximum number of entries. */
  minItems?: number;
  maxItems?: number;
  /** For `group`: label of one entry, e.g. "Beneficial owner". */
  itemLabel?: string;
}

/** A phone number as a `tel` field holds it. */
export interface PhoneValue {
  countryCode: string;
  number: string;
}

/** A saved file as a `file` field holds it (the value is this object once uploaded). */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  type: string;
}

export type FieldValue =
  | string
  | number
  | boolean
  | null
  | PhoneValue
  | FileRef
  | Array<Record<string, FieldValue>>;

export type StepValues = Record<string, FieldValue>;

export interface Bank {
  id: string;
  name: string;
  country: string;
}

export interface StepDefinition {
  id: string;
  type: StepType;
  title: string;
  description?: string;
  /** For `form` and `registry-lookup` steps. */
  fields?: FieldDefinition[];
  /** For `registry-lookup`: the id of the step the lookup pre-fills. */
  prefills?: string;
  /** For `bank`: the consent text the user must accept before connecting, and its links. */
  consent?: { label: string; links?: FieldLink[] };
  /** For `bank`: the banks the user can pick from (the widget searches this list locally). */
  banks?: Bank[];
}

export interface StepSummary {
  id: string;
  title: string;
  type: StepType;
  /** `done`: saved at least once. `current`: the step the user is on. `todo`: not reached yet. */
  state: 'done' | 'current' | 'todo';
}

export interface UiOptions {
  defaultLanguage?: string;
  cssVariables?: Record<string, string>;
  [key: string]: unknown;
}

/** `GET /widget/execution`: the whole execution as the widget sees it. */
export interface WidgetExecution {
  id: string;
  workflowDefinitionId: string;
  name: string;
  status: ExecutionStatus;
  locale: string;
  expiresAt: string;
  uiOptions: UiOptions;
  steps: StepSummary[];
  /** The step the user is on; `null` once the user's part is over (AWAITING, COMPLETED, CANCELLED, EXPIRED). */
  currentStepId: string | null;
  /** Every step's definition, in order (the review screen and "edit" links need them all). */
  definitions: StepDefinition[];
  /** Saved values by step id (pre-filled values included). */
  values: Record<string, StepValues>;
}

/** `GET /widget/registry/{number}` response (200). */
export interface RegistryRecord {
  registryNumber: string;
  companyName: string;
  country: string;
  [key: string]: FieldValue;
}

/** Error body of every non-2xx response. `field` is a dotted path (`owners.1.firstName`) on 422. */
export interface ApiErrorBody {
  fingerprint?: string;
  errors: Array<{ code: string; message: string; field?: string }>;
}
