/**
 * `createTransactionLink(options)`: the client backend's calls to TransactionLink with its key and
 * secret. The access token is cached and renewed on its own; errors are typed; the secret and the
 * tokens never appear in an error message or a log line.
 */
import { decodeJwt } from 'jose';
import { AccessTokenCache, type AuthAnswer } from './access-token.js';
import { UnauthorizedError } from './errors.js';
import { Http, type CallOptions, type FetchLike } from './http.js';
import type { CaseInput, CreatedCase, StartedWorkflow, StartWorkflowInput, WebhookEvent, WidgetToken, WidgetTokenRequest, Workflow } from './types.js';
import { pollUntilFinal, type WaitOptions } from './wait.js';
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
  /** Verifies a webhook's `JWS-SIGNATURE` over its raw body and resolves with its parsed body. */
  verifyWebhook<T = WebhookEvent>(request: Request): Promise<T>;
}

/** The `Accept` header that selects version 2 of the token API. */
const V2 = { accept: 'application/json;version=2' };

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`createTransactionLink: ${name} is required.`);
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
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const log = options.log ?? (() => undefined);

  const tokens: AccessTokenCache = new AccessTokenCache({
    authorize: () => http.json<AuthAnswer>({ method: 'POST', path: '/auth/authorize', body: { key, secret } }),
    refresh: (refreshToken) => http.json<AuthAnswer>({ method: 'POST', path: '/auth/refresh', body: { refreshToken } }),
  });
  const http: Http = new Http(baseUrl, fetchImpl, log, () => [secret, tokens.refreshToken]);

  /** An authenticated call; a refused access token is renewed and the call sent once more. */
  async function authed<T>(call: CallOptions, parse: (response: Response) => Promise<T>): Promise<T> {
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
  const json = <T>(call: CallOptions) => authed(call, (response) => response.json() as Promise<T>);

  const getWorkflow = (id: string, { signal }: { signal?: AbortSignal } = {}) =>
    json<Workflow>({ method: 'GET', path: `/workflows/${encodeURIComponent(requireString(id, 'id'))}`, signal });

  const webhooks = new WebhookVerifier((keyId) =>
    authed({ method: 'GET', path: `/auth/webhooks/key/${encodeURIComponent(keyId)}?pem=true` }, (response) => response.text()),
  );

  return {
    createCase: (input) => json<CreatedCase>({ method: 'POST', path: '/cases', body: input }),
    async issueWidgetToken(request) {
      const { caseId, recordId, workflowDefinitionId, lang, parametersId, ttlSeconds } = request;
      const v1 = caseId !== undefined;
      const body = { ...(v1 ? { caseId } : recordId === undefined ? {} : { recordId }), workflowDefinitionId, lang, parametersId, ttlSeconds };
      const answer = await json<{ token: string; expiryDuration?: number }>({
        method: 'POST',
        path: '/token',
        body,
        headers: v1 ? {} : V2,
      });
      return { token: answer.token, expiresAt: expiryOf(answer.token, answer.expiryDuration) };
    },
    startWorkflow(input) {
      const expiresAt = input.expiresAt instanceof Date ? input.expiresAt.toISOString() : input.expiresAt;
      const body = { ...input, parameters: input.parameters ?? {}, expiresAt };
      return json<StartedWorkflow>({ method: 'POST', path: '/workflows', body, headers: V2 });
    },
    getWorkflow,
    waitForCompletion: (id, waitOptions) => pollUntilFinal((workflowId, signal) => getWorkflow(workflowId, { signal }), id, waitOptions),
    verifyWebhook: (request) => webhooks.verify(request),
  };
}
