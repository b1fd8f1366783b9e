/** TransactionLink's environments: each has its own widget script (official-engine.ts has the addresses). */
export type TransactionLinkEnvironment = 'production' | 'sandbox' | 'staging';

const isEnvironment = (value: unknown): value is TransactionLinkEnvironment =>
  value === 'production' || value === 'sandbox' || value === 'staging';

/**
 * Whose script the official engine loads (when `widget-src` is not set): the `environment`
 * attribute, else the token's `environment` claim (as TransactionLink's own transactionlink-js
 * reads it), else production.
 */
export function resolveEnvironment(attribute: string, claims: Readonly<Record<string, unknown>> | undefined): TransactionLinkEnvironment {
  if (isEnvironment(attribute)) return attribute;
  const claim = claims?.environment;
  return isEnvironment(claim) ? claim : 'production';
}
