/**
 * The sandbox's state: cases, workflow executions and file metadata, in memory, optionally
 * persisted to a JSON file (`SANDBOX_DATA`) after every change and loaded back at start.
 * File bytes stay in memory only; the JSON file keeps their metadata.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { acquireLock, type Lock } from './lock.ts';
import type { JWK } from 'jose';
import type { ExecutionStatus, FileRef, StepValues, WidgetExecution } from '../src/schema/api-types.ts';

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

/** Everything that is persisted. */
export interface StoreData {
  version: 1;
  privateJwk: JWK | null;
  cases: Record<string, CaseRecord>;
  executions: Record<string, ExecutionRecord>;
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

/**
 * In-memory state with optional JSON persistence. With a data file, the store holds its lock
 * (`<file>.lock`) until `close()` or the process ends: a second process on the same file is refused.
 */
export class Store {
  data: StoreData;
  /** File contents by file id (never persisted). */
  readonly fileBytes = new Map<string, Uint8Array>();
  private readonly file: string | undefined;
  private readonly lock: Lock | undefined;

  constructor(file: string | undefined) {
    this.file = file;
    this.lock = file ? acquireLock(file) : undefined;
    try {
      this.data = loadData(file);
    } catch (error) {
      this.lock?.release();
      throw error;
    }
  }

  /** Releases the data file's lock (the state stays readable in memory). */
  close(): void {
    this.lock?.release();
  }

  /** Writes the state to the data file (if any), atomically. Call after every change. */
  save(): void {
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    renameSync(tmp, this.file);
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

/** Reads the data file, or starts empty when there is none yet. */
function loadData(file: string | undefined): StoreData {
  const empty: StoreData = { version: 1, privateJwk: null, cases: dict(), executions: dict() };
  if (!file) return empty;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<StoreData>;
  const executions = dict<ExecutionRecord>();
  for (const [id, execution] of Object.entries(parsed.executions ?? {})) executions[id] = normalizeExecution(execution);
  return { version: 1, privateJwk: parsed.privateJwk ?? null, cases: dict(parsed.cases), executions };
}
