/**
 * `createTransactionLink(options)`: the client backend's calls to TransactionLink with its key and
 * secret. The access token is cached and renewed on its own; errors are typed; the secret and the
 * tokens never appear in an error message or a log line.
 */
import { decodeJwt } from 'jose';
import { AccessTokenCache, type AuthAnswer } from './access-token.js';
import { UnauthorizedError } from './errors.js';
import { positive } from './options.js';
import { Http, invalidResponse, requestName, type Answer, type CallOptions, type FetchLike } from './http.js';
import { Secrets } from './secrets.js';
import { memorySeenStore, type WebhookSeenStore } from './seen-store.js';
import type { CaseInput, CreatedCase, StartedWorkflow, StartWorkflowInput, WebhookEvent, WidgetToken, WidgetTokenRequest, Workflow } from './types.js';
import { pollUntilFinal, type WaitOptions } from './wait.js';
import { WebhookKeys } from './webhook-keys.js';
import { WebhookVerifier } from './webhooks.js';

/** TransactionLink's production API. */
export const DEFAULT_BASE_URL = 'https://api.transactionlink.io';

/** Options of `createTransactionLink`. */
export interface TransactionLinkOptions {
  /** The API base URL. Default `https://api.transactionlink.io` (sandbox: `https://api.sandbox.transactionlink.io`). */
  baseUrl?: string;
  /** Your API key. */
  key: string;
  /** Your API secret. Keep it on the server: it never leaves this object. */
  secret: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: FetchLike;
  /** Receives one line per call (method, path, status, time): never a header, body, secret or token. */
  log?: (line: string) => void;
  /**
   * Deadline of each call to TransactionLink (its answer and body), ms. Past it the call fails with
   * a transient `TransactionLinkError` `timeout` (status 0). Default 15000.
   */
  timeoutMs?: number;
  /** How `verifyWebhook` bounds its work and refuses replays. */
  webhooks?: WebhookOptions;
  /** The clock (epoch ms) of the caches and the replay store. Default `Date.now`; tests pass their own. */
  now?: () => number;
}

/** Options of `verifyWebhook`, given to `createTransactionLink({ webhooks })`. */
export interface WebhookOptions {
  /** Largest webhook body read, bytes: a longer one is refused (`too-large`) before it is read whole. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Where the ids of accepted events are kept to refuse replays (`replayed`): share one across a
   * cluster of backends (see `WebhookSeenStore`). Default: this process's memory.
   */
  seen?: WebhookSeenStore;
  /** Seconds an accepted event's id is kept. Default 86400 (a day). */
  rememberSeconds?: number;
  /** Seconds a `kid` TransactionLink has no key for is refused (`unknown-key`) without asking again. Default 300. */
  unknownKeySeconds?: number;
  /** Key fetches for `kid`s not yet known, per minute at most; past them a transient `key-fetch-limit` error, no fetch. Default 10. */
  maxKeyFetchesPerMinute?: number;
}

/** The client backend's TransactionLink API. */
export interface TransactionLink {
  /** Creates a case (`POST /cases`) for a person or a company: its `caseId` is what widget tokens are for. */
  createCase(input: CaseInput): Promise<CreatedCase>;
  /** A one-time widget token for a case (v1, `caseId`) or a record (v2, `recordId`), for the page. */
  issueWidgetToken(request: WidgetTokenRequest): Promise<WidgetToken>;
  /** Starts a workflow execution (v2 `POST /workflows`): the workflow, a widget token and a hosted link. */
  startWorkflow(input: StartWorkflowInput): Promise<StartedWorkflow>;
  /** Reads a workflow execution (`GET /workflows/{id}`). */
  getWorkflow(id: string, options?: { signal?: AbortSignal }): Promise<Workflow>;
  /** Polls `getWorkflow` with backoff until the workflow is `COMPLETED`, `CANCELLED` or `EXPIRED` (see `WaitOptions`). */
  waitForCompletion(id: string, options?: WaitOptions): Promise<Workflow>;
  /**
   * Verifies a webhook's `JWS-SIGNATURE` over its raw body and resolves with its parsed body;
   * refuses an event it accepted before (`replayed`). See `WebhookOptions`.
   */
  verifyWebhook<T = WebhookEvent>(request: Request): Promise<T>;
  /** Forgets an event `verifyWebhook` accepted, when you could not act on it: TransactionLink's next delivery is accepted. */
  forgetWebhook(event: unknown): Promise<void>;
}

/** The `Accept` header that selects version 2 of the token API. */
const V2 = { accept: 'application/json;version=2' };

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`createTransactionLink: ${name} is required.`);
  return value;
}

/** A non-empty string field of a 2xx answer, or a `TransactionLinkError` `invalid-response`. */
function stringField(answer: unknown, field: string, call: CallOptions, status: number): string {
  const value = (answer as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'string' || value === '') {
    throw invalidResponse(requestName(call.method, call.path), status, `The answer has no ${field} (a non-empty string).`);
  }
  return value;
}

/** When a widget token expires: its `exp` claim, else now plus `expiryDuration`. */
function expiryOf(token: string, expiryDuration: number | undefined): Date {
  try {
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') return new Date(exp * 1000);
  } catch {
    /* not a JWT we can read: fall back to the duration */
  }
  return new Date(Date.now() + (expiryDuration ?? 3600) * 1000);
}

/** Creates a TransactionLink client for one key and secret. */
export function createTransactionLink(options: TransactionLinkOptions): TransactionLink {
  const key = requireString(options.key, 'key');
  const secret = requireString(options.secret, 'secret');
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const hooks = options.webhooks ?? {};
  const secrets = new Secrets([secret]);
  const http = new Http({
    baseUrl,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    log: options.log ?? (() => undefined),
    secrets,
    timeoutMs: positive(options.timeoutMs, 'timeoutMs', 15_000),
  });

  /** A JSON answer: parsed, and every token in it remembered for redaction. */
  function json<T>(call: CallOptions, answer: Answer): T {
    let value: unknown;
    try {
      value = JSON.parse(answer.text);
    } catch {
      throw invalidResponse(requestName(call.method, call.path), answer.status, 'The answer is not JSON.');
    }
    for (const field of ['accessToken', 'refreshToken', 'token']) secrets.remember((value as Record<string, unknown> | null)?.[field]);
    return value as T;
  }
  /** `/auth/authorize` and `/auth/refresh`: an answer without an access token is an error. */
  async function auth(call: CallOptions): Promise<AuthAnswer> {
    const sent = await http.send(call);
    const answer = json<AuthAnswer>(call, sent);
    stringField(answer, 'accessToken', call, sent.status);
    return answer;
  }
  const tokens: AccessTokenCache = new AccessTokenCache(
    {
      authorize: () => auth({ method: 'POST', path: '/auth/authorize', body: { key, secret } }),
      refresh: (refreshToken) => auth({ method: 'POST', path: '/auth/refresh', body: { refreshToken } }),
    },
    now,
  );

  /** An authenticated call; a refused access token is renewed and the call sent once more. */
  async function authed<T>(call: CallOptions, parse: (answer: Answer) => T | Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const accessToken = await tokens.get();
      try {
        return await parse(await http.send({ ...call, accessToken }));
      } catch (error) {
        if (!(error instanceof UnauthorizedError) || attempt > 0) throw error;
        tokens.reject(accessToken);
      }
    }
  }
  const call = <T>(options: CallOptions) => authed(options, (answer) => json<T>(options, answer));

  const getWorkflow = (id: string, { signal }: { signal?: AbortSignal } = {}) =>
    call<Workflow>({ method: 'GET', path: `/workflows/${encodeURIComponent(requireString(id, 'id'))}`, signal });

  const keys = new WebhookKeys((keyId) => authed({ method: 'GET', path: `/auth/webhooks/key/${encodeURIComponent(keyId)}?pem=true` }, (answer) => answer.text), {
    unknownKeySeconds: positive(hooks.unknownKeySeconds, 'webhooks.unknownKeySeconds', 300),
    maxKeyFetchesPerMinute: positive(hooks.maxKeyFetchesPerMinute, 'webhooks.maxKeyFetchesPerMinute', 10),
    now,
  });
  const webhooks = new WebhookVerifier(keys, {
    maxBodyBytes: positive(hooks.maxBodyBytes, 'webhooks.maxBodyBytes', 1024 * 1024),
    seen: hooks.seen ?? memorySeenStore(now),
    rememberSeconds: positive(hooks.rememberSeconds, 'webhooks.rememberSeconds', 86_400),
    now,
  });

  return {
    createCase: (input) => call<CreatedCase>({ method: 'POST', path: '/cases', body: input }),
    async issueWidgetToken(request) {
      const { caseId, recordId, workflowDefinitionId, lang, parametersId, ttlSeconds } = request;
      const v1 = caseId !== undefined;
      const body = { ...(v1 ? { caseId } : recordId === undefined ? {} : { recordId }), workflowDefinitionId, lang, parametersId, ttlSeconds };
      const options: CallOptions = { method: 'POST', path: '/token', body, headers: v1 ? {} : V2 };
      return authed(options, (sent) => {
        const answer = json<{ expiryDuration?: number }>(options, sent);
        const token = stringField(answer, 'token', options, sent.status);
        return { token, expiresAt: expiryOf(token, answer.expiryDuration) };
      });
    },
    startWorkflow(input) {
      const expiresAt = input.expiresAt instanceof Date ? input.expiresAt.toISOString() : input.expiresAt;
      const body = { ...input, parameters: input.parameters ?? {}, expiresAt };
      return call<StartedWorkflow>({ method: 'POST', path: '/workflows', body, headers: V2 });
    },
    getWorkflow,
    waitForCompletion: (id, waitOptions) => pollUntilFinal((workflowId, signal) => getWorkflow(workflowId, { signal }), id, waitOptions),
    verifyWebhook: (request) => webhooks.verify(request),
    forgetWebhook: (event) => webhooks.forget(event),
  };
}
