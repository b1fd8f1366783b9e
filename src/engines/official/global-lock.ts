/**
 * With `placement="light-dom"` TransactionLink's script runs in the page, where
 * `window.transactionlink` is one global: one `<tl-workflow>` at a time may drive it. The owner and
 * the elements waiting for it live on `window` (registered symbols), so that two copies of this
 * package on one page (a script tag and an npm bundle) share one lock.
 */
const OWNER = Symbol.for('tl-workflow.transactionlink-owner');
const WAITING = Symbol.for('tl-workflow.transactionlink-waiting');

/** Called when the global is free: true when the waiter took it (the next ones are not asked). */
type Waiter = () => boolean;

type LockHolder = Record<symbol, unknown>;

const holder = (): LockHolder => window as unknown as LockHolder;

function waiting(): Map<object, Waiter> {
  holder()[WAITING] ??= new Map<object, Waiter>();
  return holder()[WAITING] as Map<object, Waiter>;
}

/**
 * Takes the global for `owner`; false when another owner holds it (never a silent takeover). Then
 * `onFree` is called when it is let go, until `owner` takes it or calls `stopWaiting`.
 */
export function claimTransactionLink(owner: object, onFree: Waiter): boolean {
  const current = holder()[OWNER];
  if (current && current !== owner) {
    waiting().set(owner, onFree);
    return false;
  }
  waiting().delete(owner);
  holder()[OWNER] = owner;
  return true;
}

/** Gives the global back, if `owner` holds it, and offers it to the elements waiting, in order. */
export function releaseTransactionLink(owner: object): void {
  stopWaiting(owner);
  if (holder()[OWNER] !== owner) return;
  delete holder()[OWNER];
  for (const [waiter, onFree] of [...waiting()]) {
    waiting().delete(waiter);
    if (onFree()) return;
  }
}

/** `owner` no longer waits for the global. */
export function stopWaiting(owner: object): void {
  waiting().delete(owner);
}
