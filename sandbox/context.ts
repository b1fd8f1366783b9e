/**
 * What every route module of one sandbox instance shares: options, state, keys, workflow
 * definitions and the queue of injected faults.
 */
import type { SandboxOptions } from './config.ts';
import type { SigningKeys } from './keys.ts';
import type { ReplicaBundle } from './replica/bundle.ts';
import type { ScenarioQueue } from './scenarios.ts';
import type { Store } from './store.ts';
import type { WebhookSender } from './webhooks.ts';
import type { WorkflowCatalog } from './workflows/loader.ts';

/** A deterministic fault queued through `POST /sandbox/faults`. */
export interface Fault {
  method?: string;
  pathContains?: string;
  status: number;
  code?: string;
  remaining: number;
  /** The answer instead of an error body (scenario `script-never-ready`); not listed by `GET /sandbox/faults`. */
  respond?: () => Response;
}

/** Shared state of one sandbox instance. */
export interface SandboxContext {
  options: SandboxOptions;
  store: Store;
  /** The JavaScript of one of the replica's files (core.ts, `SandboxParts`). */
  replicaScript: (name: ReplicaBundle) => Promise<string>;
  /** Resolves to the signing keys once generated or loaded. */
  keys: () => Promise<SigningKeys>;
  workflows: WorkflowCatalog;
  faults: Fault[];
  /** Scenarios queued for the next tokens, submissions and saves (scenarios.ts). */
  scenarios: ScenarioQueue;
  /** Refresh tokens issued and not yet used, with the key they belong to and when they expire (epoch ms). */
  refreshTokens: Map<string, { key: string; expiresAt: number }>;
  /** Signs and delivers webhooks to `options.webhookUrl`. */
  webhooks: WebhookSender;
}
