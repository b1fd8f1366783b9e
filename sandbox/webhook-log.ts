/**
 * The webhooks side of `startSandbox()`: where they go (settable after start, for an app that starts
 * after the sandbox), what was sent, and a wait for a delivery, which resolves on the delivery
 * itself (a positive signal), never after a fixed pause.
 */
import type { Sandbox } from './app.ts';
import type { WebhookDelivery } from './webhooks.ts';

/** Which delivery `waitFor` waits for: every given property must match. */
export interface WebhookMatch {
  workflowId?: string;
  status?: string;
  /** Default true: the receiver answered 2xx. */
  delivered?: boolean;
}

/** `sandbox.webhooks`. */
export interface WebhookLog {
  /** Where webhooks are POSTed (`--webhook-url`); `undefined`: none are sent. */
  url: string | undefined;
  /** Every delivery so far (the last 100), oldest first. */
  list(): WebhookDelivery[];
  /** Resolves with the first delivery matching `match`; rejects after `timeoutMs` (default 30 s) or on `stop()`. */
  waitFor(match: WebhookMatch, options?: { timeoutMs?: number }): Promise<WebhookDelivery>;
  /** Ends every pending wait (`stop()` of the sandbox calls it). */
  stop(): void;
}

/** How often a wait looks at the deliveries again. */
const POLL_MS = 25;

/** The webhook log of one in-process sandbox. */
export function createWebhookLog(sandbox: Sandbox): WebhookLog {
  const deliveries = () => sandbox.context.webhooks.deliveries;
  const waits = new Set<() => void>();
  return {
    get url() {
      return sandbox.options.webhookUrl;
    },
    set url(value: string | undefined) {
      if (value !== undefined && !/^https?:\/\//.test(value)) throw new TypeError(`webhooks.url must be an http(s) URL (got ${value}).`);
      sandbox.options.webhookUrl = value;
    },
    list: () => deliveries().map((delivery) => ({ ...delivery })),
    waitFor(match, { timeoutMs = 30_000 } = {}) {
      const wanted = { delivered: true, ...match };
      const matches = (d: WebhookDelivery) =>
        (wanted.workflowId === undefined || d.workflowId === wanted.workflowId) &&
        (wanted.status === undefined || d.status === wanted.status) &&
        d.delivered === wanted.delivered;
      return new Promise((resolve, reject) => {
        const started = Date.now();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const end = () => {
          clearTimeout(timer);
          waits.delete(end);
          reject(new Error('The sandbox stopped before the webhook came.'));
        };
        const look = () => {
          const found = deliveries().find(matches);
          if (found) {
            waits.delete(end);
            resolve({ ...found });
          } else if (Date.now() - started >= timeoutMs) {
            waits.delete(end);
            const seen = deliveries().map((d) => `${d.workflowId} ${d.status} delivered=${d.delivered}`).join('; ') || 'none';
            reject(new Error(`No webhook matching ${JSON.stringify(wanted)} within ${timeoutMs} ms (deliveries: ${seen}).`));
          } else timer = setTimeout(look, POLL_MS);
        };
        waits.add(end);
        look();
      });
    },
    stop() {
      for (const end of [...waits]) end();
    },
  };
}
