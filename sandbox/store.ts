/**
 * The sandbox's state: cases, workflow executions, file metadata and bytes, in memory, handed to a
 * storage (storage.ts: none, a `SANDBOX_DATA` file, IndexedDB) after every change and loaded from
 * it at start.
 */
import type { ExecutionStatus, FileRef, StepValues, WidgetExecution } from '../src/schema/api-types.ts';
import type { SandboxStorage, StoreData } from './storage.ts';

export type { StoreData } from './storage.ts';

/** A case (a "record") created by the client backend. */
export interface CaseRecord {
  caseId: string;
  partyId: string;
  createdDate: string;
  data: Record<string, unknown>;
}

/** A stored successful save, replayed for the same `Idempotency-Key`. */
interface IdempotentSave {
  stepId: string;
  /** The request body as canonical JSON, to detect a key reused with another body. */
  body: string;
  status: number;
  /** The response sent, without `definitions` (static; re-attached on replay to keep the data file small). */
  response: Omit<WidgetExecution, 'definitions'>;
}

/** A file uploaded for one field of one step of an execution. */
export interface StoredFile extends FileRef {
  stepId: string;
  field: string;
}

/** The stored status: `EXPIRED` and the end of `AWAITING` are derived on read (see execution.ts). */
type StoredStatus = Exclude<ExecutionStatus, 'EXPIRED'>;

/** One workflow execution. */
export interface ExecutionRecord {
  id: string;
  workflowDefinitionId: string;
  /** The case it belongs to; `null` for executions started without one (v2 without recordId). */
  caseId: string | null;
  partyId: string;
  locale: string;
  parametersId: string | null;
  parameters: Record<string, unknown>;
  status: StoredStatus;
  createdAt: string;
  expiresAt: string;
  /** When the review step was saved (the user's part ended). */
  submittedAt: string | null;
  cancelledAt: string | null;
  /** How long this execution stays `AWAITING` when a scenario said so; else `awaitingSeconds` of the options. */
  awaitingSeconds?: number;
  currentStepId: string | null;
  /** Ids of the steps saved at least once. */
  done: string[];
  values: Record<string, StepValues>;
  /** How many times each step was saved (idempotent replays not counted). */
  saves: Record<string, number>;
  idempotency: Record<string, IdempotentSave>;
  files: Record<string, StoredFile>;
}

/**
 * A map keyed by ids from requests: an object without a prototype, so `__proto__`, `constructor`
 * or `toString` is just a key that is not there, never `Object.prototype` or one of its methods.
 */
export function dict<T>(from?: Record<string, T> | null): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (from && typeof from === 'object') for (const [key, value] of Object.entries(from)) out[key] = value;
  return out;
}

/** An execution whose maps are null-prototype objects (as created, or as read from the data file). */
function normalizeExecution(execution: ExecutionRecord): ExecutionRecord {
  const values = dict<StepValues>();
  for (const [stepId, stepValues] of Object.entries(execution.values ?? {})) values[stepId] = stepValues;
  return {
    ...execution,
    values,
    saves: dict(execution.saves),
    idempotency: dict(execution.idempotency),
    files: dict(execution.files),
  };
}

/** In-memory state, saved to its storage after every change. */
export class Store {
  data: StoreData;
  /** File contents by file id (kept by storages that can, IndexedDB; not by a data file). */
  private readonly files: Map<string, Uint8Array>;

  constructor(private readonly storage: SandboxStorage) {
    this.data = normalizeData(storage.load());
    this.files = storage.loadFiles();
  }

  /** Releases the storage (a data file's lock); the state stays readable in memory. */
  close(): void {
    this.storage.close();
  }

  /** Hands the state to the storage. Call after every change. */
  save(): void {
    this.storage.save(this.data);
  }

  /** The bytes of an uploaded file, if kept. */
  fileBytes(id: string): Uint8Array | undefined {
    return this.files.get(id);
  }

  /** Keeps the bytes of an uploaded file (`null`: forgets them). */
  putFileBytes(id: string, bytes: Uint8Array | null): void {
    if (bytes) this.files.set(id, bytes);
    else this.files.delete(id);
    this.storage.saveFile(id, bytes);
  }

  getCase(caseId: string): CaseRecord | undefined {
    return this.data.cases[caseId];
  }

  putCase(record: CaseRecord): void {
    this.data.cases[record.caseId] = record;
    this.save();
  }

  getExecution(id: string): ExecutionRecord | undefined {
    return this.data.executions[id];
  }

  putExecution(execution: ExecutionRecord): void {
    this.data.executions[execution.id] = execution;
    this.save();
  }

  /** All executions of one case and workflow definition, newest first. */
  executionsFor(caseId: string, workflowDefinitionId: string): ExecutionRecord[] {
    return Object.values(this.data.executions)
      .filter((e) => e.caseId === caseId && e.workflowDefinitionId === workflowDefinitionId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}

/** The state as loaded (or empty), with null-prototype maps throughout. */
function normalizeData(parsed: Partial<StoreData> | null): StoreData {
  const executions = dict<ExecutionRecord>();
  for (const [id, execution] of Object.entries(parsed?.executions ?? {})) executions[id] = normalizeExecution(execution);
  return { version: 1, privateJwk: parsed?.privateJwk ?? null, cases: dict(parsed?.cases), executions };
}
