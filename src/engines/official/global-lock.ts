/**
 * `window.transactionlink` is one global, so one `<tl-workflow>` at a time may drive it. The owner
 * lives on `window` (under a registered symbol) so that two copies of this package on one page (a
 * script tag and an npm bundle) share one lock.
 */
const OWNER = Symbol.for('tl-workflow.transactionlink-owner');

type LockHolder = Record<symbol, object | undefined>;

const holder = (): LockHolder => window as unknown as LockHolder;

/** Takes the global for `owner`; false when another owner holds it (never a silent takeover). */
export function claimTransactionLink(owner: object): boolean {
  const current = holder()[OWNER];
  if (current && current !== owner) return false;
  holder()[OWNER] = owner;
  return true;
}

/** Gives the global back, if `owner` holds it. */
export function releaseTransactionLink(owner: object): void {
  if (holder()[OWNER] === owner) delete holder()[OWNER];
}
