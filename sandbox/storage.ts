/**
 * Where a sandbox keeps its state between runs: the seam between the Store (store.ts, the same
 * everywhere) and the platform. Three implementations:
 * - `memoryStorage()` (here): nothing kept, the default;
 * - `fileStorage(file)` (file-storage.ts, Node only): `SANDBOX_DATA`, a JSON file with a lock;
 * - `openIndexedDbStorage()` (site/worker/indexeddb-storage.ts): the static site's service worker.
 * A storage hands its saved state over synchronously (an asynchronous one loads it before the
 * sandbox is created) and is told about every change as it happens.
 */
import type { JWK } from 'jose';
import type { CaseRecord, ExecutionRecord } from './store.ts';

/** Everything that is persisted but uploaded files' bytes. */
export interface StoreData {
  version: 1;
  privateJwk: JWK | null;
  cases: Record<string, CaseRecord>;
  executions: Record<string, ExecutionRecord>;
}

/** A place for the sandbox's state. */
export interface SandboxStorage {
  /** The state saved last; `null` when there is none yet. */
  load(): StoreData | null;
  /** The bytes of uploaded files kept from before (by file id); empty when the storage keeps none. */
  loadFiles(): Map<string, Uint8Array>;
  /** Called after every change with the whole state. */
  save(data: StoreData): void;
  /** Called when a file is uploaded (`bytes`) or deleted (`null`). */
  saveFile(id: string, bytes: Uint8Array | null): void;
  /** Releases what the storage holds (a file lock); the state stays readable in memory. */
  close(): void;
}

/** A storage that keeps nothing: the sandbox starts empty every time. */
export function memoryStorage(): SandboxStorage {
  return {
    load: () => null,
    loadFiles: () => new Map(),
    save: () => undefined,
    saveFile: () => undefined,
    close: () => undefined,
  };
}
