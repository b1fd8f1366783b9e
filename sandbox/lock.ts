/**
 * One writer per data file: `<file>.lock` holds the pid of the sandbox process using `SANDBOX_DATA`.
 * Two processes on one file would overwrite each other's state, so a second one is refused with a
 * clear message; a lock left by a process that no longer runs is taken over.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/** A held lock. */
export interface Lock {
  readonly path: string;
  release(): void;
}

/** Thrown when another running process holds the data file. */
export class DataFileLockedError extends Error {
  override readonly name = 'DataFileLockedError';
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(
      `The sandbox data file ${file} is in use by another sandbox process (pid ${pid}). ` +
        'Stop that process, or give this one another file (SANDBOX_DATA=other.json).',
    );
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `file`, or throws `DataFileLockedError`. Released on `release()` and at process exit. */
export function acquireLock(file: string): Lock {
  const path = `${file}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      let holder = NaN;
      try {
        holder = Number(readFileSync(path, 'utf8').trim());
      } catch {
        // Unreadable: treat as stale.
      }
      if (holder !== process.pid && isRunning(holder)) throw new DataFileLockedError(file, holder);
      unlinkSync(path);
    }
  }
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { path, release };
}
