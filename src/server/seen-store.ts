/**
 * Replay protection for webhooks: the keys of the events already verified (their `id`), kept for
 * a while in a store the backends share. A second delivery of a key still held is a replay.
 */

/**
 * Where `verifyWebhook` records the events it accepted. A cluster of backends passes one shared
 * store (Redis `SET key 1 NX PXAT expiresAt`, a database table with a unique key): `add` must be
 * atomic, so that of two backends receiving the same event at once only one gets `true`.
 */
export interface WebhookSeenStore {
  /** Records `key` until `expiresAt`; `true` when it was new, `false` when it is already held (a replay). */
  add(key: string, expiresAt: Date): boolean | Promise<boolean>;
  /** Forgets `key`: the event could not be acted on, so TransactionLink's next delivery must be accepted. */
  delete(key: string): void | Promise<void>;
}

/** How many keys the in-memory store holds at most (the oldest are forgotten first). */
const MAX_KEYS = 100_000;

/** The default store: in this process's memory, bounded, expired keys dropped as new ones come. */
export function memorySeenStore(now: () => number = Date.now): WebhookSeenStore {
  const keys = new Map<string, number>();
  return {
    add(key, expiresAt) {
      const time = now();
      const held = keys.get(key);
      if (held !== undefined && held > time) return false;
      keys.delete(key);
      for (const [oldest, until] of keys) {
        if (until > time && keys.size < MAX_KEYS) break;
        keys.delete(oldest);
      }
      keys.set(key, expiresAt.getTime());
      return true;
    },
    delete(key) {
      keys.delete(key);
    },
  };
}
