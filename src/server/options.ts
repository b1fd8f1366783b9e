/**
 * A positive number option of `owner` (`createTransactionLink`, `widgetTokenHandler`), or its
 * default when absent; anything else is a `TypeError` naming it.
 */
export function positive(value: number | undefined, name: string, fallback: number, owner = 'createTransactionLink'): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new TypeError(`${owner}: ${name} must be a positive number.`);
  return value;
}
