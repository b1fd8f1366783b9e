/**
 * The static site's state in IndexedDB, for the service worker (sw.ts): the sandbox's state (a
 * `SandboxStorage`, sandbox/storage.ts), the bytes of uploaded files, and the demo backend's one
 * session (`DemoSessions`, demo/backend.ts). Everything the worker has in memory is written here as
 * it changes, so a worker the browser stopped and started again goes on where it was.
 */
import type { DemoSession, DemoSessions } from '../../demo/backend.ts';
import type { SandboxStorage, StoreData } from '../../sandbox/storage.ts';

/** The database's name. */
const DATABASE = 'tl-workflow-site';
const STATE = 'state';
const FILES = 'files';
/** Keys in the `state` store. */
const SANDBOX_KEY = 'sandbox';
const SESSION_KEY = 'demo-session';

/** A request's outcome as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** A transaction's end as a promise. */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** The site's database, opened (and created on first use). Closes itself when a page deletes it. */
export async function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(DATABASE, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(STATE);
    request.result.createObjectStore(FILES);
  };
  const db = await done(request);
  db.onversionchange = () => db.close();
  return db;
}

/** Empties the database (the site's "Reset sandbox"; test/site/ after each test). */
export async function clearDatabase(db: IDBDatabase): Promise<void> {
  const transaction = db.transaction([STATE, FILES], 'readwrite');
  transaction.objectStore(STATE).clear();
  transaction.objectStore(FILES).clear();
  await committed(transaction);
}

/** The sandbox's storage in IndexedDB, with what was saved loaded first. */
export interface IndexedDbStorage extends SandboxStorage {
  /** Resolves when every change handed over so far is written. */
  flushed(): Promise<void>;
}

/** Loads the saved state, then answers it synchronously, as the sandbox's Store wants it. */
export async function openIndexedDbStorage(db: IDBDatabase): Promise<IndexedDbStorage> {
  const read = db.transaction([STATE, FILES], 'readonly');
  const [text, ids, blobs] = await Promise.all([
    done(read.objectStore(STATE).get(SANDBOX_KEY) as IDBRequest<string | undefined>),
    done(read.objectStore(FILES).getAllKeys()),
    done(read.objectStore(FILES).getAll() as IDBRequest<Uint8Array[]>),
  ]);
  const data = text ? (JSON.parse(text) as StoreData) : null;
  const files = new Map(ids.map((id, i) => [String(id), blobs[i]!]));
  // Writes go one after the other, in the order of the changes; the last state wins.
  let queue: Promise<void> = Promise.resolve();
  const write = (apply: (transaction: IDBTransaction) => void): void => {
    queue = queue.then(async () => {
      const transaction = db.transaction([STATE, FILES], 'readwrite');
      apply(transaction);
      await committed(transaction);
    });
    queue.catch((error: unknown) => console.error('[site sandbox] could not save', error));
  };
  return {
    load: () => data,
    loadFiles: () => files,
    save(next) {
      const json = JSON.stringify(next);
      write((t) => t.objectStore(STATE).put(json, SANDBOX_KEY));
    },
    saveFile(id, bytes) {
      write((t) => (bytes ? t.objectStore(FILES).put(bytes, id) : t.objectStore(FILES).delete(id)));
    },
    close: () => undefined,
    flushed: () => queue.catch(() => undefined),
  };
}

/**
 * The demo backend's sessions in a service worker: one per browser (a worker sees no cookies, and
 * sets none), kept in IndexedDB; the same browser is what a cookie would have tied a session to.
 */
export function indexedDbSessions(db: IDBDatabase): DemoSessions {
  const put = async (session: DemoSession) => {
    const transaction = db.transaction(STATE, 'readwrite');
    transaction.objectStore(STATE).put(JSON.stringify(session), SESSION_KEY);
    await committed(transaction);
  };
  return {
    async get() {
      const text = await done(db.transaction(STATE, 'readonly').objectStore(STATE).get(SESSION_KEY) as IDBRequest<string | undefined>);
      return text ? (JSON.parse(text) as DemoSession) : undefined;
    },
    async start(session) {
      await put(session);
      return {};
    },
    changed: (_request, session) => put(session),
  };
}
