/**
 * Webhooks: when a workflow execution turns `AWAITING` or `COMPLETED`, the sandbox POSTs a JSON
 * event to `WEBHOOK_URL`, signed like TransactionLink's: a detached JWS (RS256, `kid` naming the
 * key) over the raw body in the `JWS-SIGNATURE` header. The public key is served at
 * `GET /auth/webhooks/key/{kid}?pem=true`. Failed deliveries are retried twice.
 */
import { exportSPKI, FlattenedSign, importJWK, type CryptoKey } from 'jose';
import type { SigningKeys } from './keys.ts';
import type { ExecutionRecord } from './store.ts';

/** The webhook signature algorithm. */
export const WEBHOOK_ALG = 'RS256';
/** Pauses before the 2nd and 3rd delivery attempts, ms. */
const RETRY_DELAYS = [500, 2000];

/** One event and what became of its delivery (listed by `GET /sandbox/webhooks`). */
export interface WebhookDelivery {
  id: string;
  workflowId: string;
  status: string;
  attempts: number;
  delivered: boolean;
  /** HTTP status of the last attempt; `null` when the receiver could not be reached. */
  lastStatus: number | null;
}

/** The RS256 webhook key pair derived from the sandbox's RSA key (same `kid`). */
interface WebhookKeys {
  kid: string;
  privateKey: CryptoKey;
  pem: string;
}

/** Waits `ms`, or less when `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Signs and sends webhooks for one sandbox. */
export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private webhookKeys: Promise<WebhookKeys> | undefined;
  /** Aborted by `stop()`: deliveries and retries in flight end, no timer stays. */
  private readonly stopped = new AbortController();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly url: () => string | undefined,
    private readonly signingKeys: () => Promise<SigningKeys>,
    /** How long after submission an AWAITING execution turns COMPLETED, ms. */
    private readonly awaitingMs: (execution: ExecutionRecord) => number,
    /** Re-reads an execution's status (which turns it COMPLETED when due, and reports that here). */
    private readonly recheck: (executionId: string) => void,
  ) {}

  /** The key webhooks are signed with: `kid` and public key in PEM (SPKI). */
  async publicKey(): Promise<{ kid: string; pem: string }> {
    const { kid, pem } = await this.keys();
    return { kid, pem };
  }

  /** Reports a status change; sends a webhook for `AWAITING` and `COMPLETED` when `WEBHOOK_URL` is set. */
  statusChanged(execution: ExecutionRecord): void {
    const url = this.url();
    if (!url || this.stopped.signal.aborted || (execution.status !== 'AWAITING' && execution.status !== 'COMPLETED')) return;
    if (execution.status === 'AWAITING') {
      // Nobody may read the execution again; turn it COMPLETED (and send that webhook) when due.
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.recheck(execution.id);
      }, this.awaitingMs(execution) + 10);
      timer.unref?.();
      this.timers.add(timer);
    }
    const event = {
      id: crypto.randomUUID(),
      type: 'workflow.status-changed',
      workflowId: execution.id,
      workflowDefinitionId: execution.workflowDefinitionId,
      recordId: execution.caseId,
      status: execution.status,
      createdAt: new Date().toISOString(),
    };
    const delivery: WebhookDelivery = { id: event.id, workflowId: execution.id, status: event.status, attempts: 0, delivered: false, lastStatus: null };
    this.deliveries.push(delivery);
    if (this.deliveries.length > 100) this.deliveries.shift();
    this.deliver(url, JSON.stringify(event), delivery).catch((error: unknown) => console.error('[sandbox] webhook', error));
  }

  /** Ends every delivery and retry in flight and every pending `AWAITING` -> `COMPLETED` timer; sends nothing more. */
  stop(): void {
    this.stopped.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** The detached JWS of `body`: `<protected header>..<signature>`. */
  async sign(body: string): Promise<string> {
    const { kid, privateKey } = await this.keys();
    const jws = await new FlattenedSign(new TextEncoder().encode(body)).setProtectedHeader({ alg: WEBHOOK_ALG, kid }).sign(privateKey);
    return `${jws.protected}..${jws.signature}`;
  }

  private async deliver(url: string, body: string, delivery: WebhookDelivery): Promise<void> {
    const signature = await this.sign(body);
    for (let attempt = 0; attempt <= RETRY_DELAYS.length; attempt += 1) {
      if (attempt > 0) await sleep(RETRY_DELAYS[attempt - 1], this.stopped.signal);
      if (this.stopped.signal.aborted) return;
      delivery.attempts += 1;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'jws-signature': signature },
          body,
          signal: AbortSignal.any([AbortSignal.timeout(5000), this.stopped.signal]),
        });
        delivery.lastStatus = response.status;
        await response.body?.cancel();
        if (response.ok) {
          delivery.delivered = true;
          return;
        }
      } catch {
        delivery.lastStatus = null;
      }
    }
    console.warn(`[sandbox] webhook ${delivery.id} (${delivery.status}) not delivered to ${url} after ${delivery.attempts} attempts`);
  }

  private keys(): Promise<WebhookKeys> {
    this.webhookKeys ??= this.signingKeys().then(async (keys) => ({
      kid: keys.kid,
      privateKey: (await importJWK({ ...keys.privateJwk, alg: WEBHOOK_ALG }, WEBHOOK_ALG)) as CryptoKey,
      pem: await exportSPKI(keys.publicKey),
    }));
    return this.webhookKeys;
  }
}
