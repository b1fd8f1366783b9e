/**
 * `SANDBOX_DATA`: the sandbox's state in a JSON file, written atomically after every change and read
 * back at start (Node only). The storage holds the file's lock (`<file>.lock`, lock.ts) until
 * `close()` or the process ends: a second process on the same file is refused. Uploaded files'
 * bytes stay in memory; the JSON keeps their metadata.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { acquireLock } from './lock.ts';
import type { SandboxStorage, StoreData } from './storage.ts';

/** The storage of one data file; throws `DataFileLockedError` when another process holds it. */
export function fileStorage(file: string): SandboxStorage {
  const lock = acquireLock(file);
  let text: string | null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      lock.release();
      throw error;
    }
    text = null;
  }
  let data: StoreData | null;
  try {
    data = text === null ? null : (JSON.parse(text) as StoreData);
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    load: () => data,
    loadFiles: () => new Map(),
    save(next) {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(next, null, 2));
      renameSync(tmp, file);
    },
    saveFile: () => undefined,
    close: () => lock.release(),
  };
}
