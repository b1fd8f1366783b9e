/**
 * The replica's modes: misbehaviours of TransactionLink's script (and its older API generation),
 * chosen by the script URL's `mode` query parameter (`?mode=old-api,error-after-open`), so that a
 * client and the tests can meet each one. What each does is in sandbox/README.md.
 */
export const REPLICA_MODES = [
  'old-api',
  'no-unmount',
  'events-during-open',
  'close-during-open',
  'error-in-open',
  'throw-set-options',
  'throw-open',
  'throw-on',
  'keep-listeners',
  'error-after-open',
  'error-flood',
  'out-of-order',
] as const;

export type ReplicaMode = (typeof REPLICA_MODES)[number];

/** The modes a `mode` parameter names, and the names it has that are no mode. */
export function parseModes(value: string | null): { modes: Set<ReplicaMode>; unknown: string[] } {
  const names = (value ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const known = (name: string): name is ReplicaMode => (REPLICA_MODES as readonly string[]).includes(name);
  return { modes: new Set(names.filter(known)), unknown: names.filter((name) => !known(name)) };
}
