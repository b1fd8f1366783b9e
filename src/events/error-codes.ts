/**
 * The stable list of `tl-error` codes. Host pages may switch on these strings; never rename one.
 *
 * | code | meaning | recoverable |
 * |---|---|---|
 * | `invalid-token` | the token is not a JWT, its payload cannot be decoded, or it has no numeric `exp` | no: a new token is needed |
 * | `unauthorized` | the API refused the token (bad signature, revoked, wrong workflow) | no: a new token is needed |
 * | `network` | the API could not be reached (offline, DNS, CORS, dropped connection); also a file next to the script (language, official engine) | yes: retry (a language file: no, the texts stay English) |
 * | `not-found` | the workflow or a resource of it does not exist | no |
 * | `validation` | the server rejected the values of a step (shown next to the fields) | yes: correct and resend |
 * | `conflict` | the workflow changed elsewhere (e.g. already completed or cancelled) | no |
 * | `rate-limited` | too many requests (HTTP 429) | yes: retry later |
 * | `server` | the API failed (HTTP 5xx) after retries | yes: retry |
 * | `upload-failed` | a file could not be uploaded (too large, wrong type, or transport failure) | yes |
 * | `unexpected` | anything else: a response the widget cannot understand | no |
 * | `busy` | official engine: another `<tl-workflow>` on the page is running TransactionLink's widget (one global) | yes: retry once it is gone |
 * | `token-endpoint` | no token could be had from `token-endpoint` / `fetchToken`: 401, 403, 404 (or another 4xx), or transient failures after retries | 4xx: no (not signed in, nothing to open); otherwise yes |
 */
export const ERROR_CODES = [
  'invalid-token',
  'unauthorized',
  'network',
  'not-found',
  'validation',
  'conflict',
  'rate-limited',
  'server',
  'upload-failed',
  'unexpected',
  'busy',
  'token-endpoint',
] as const;

export type TlErrorCode = (typeof ERROR_CODES)[number];
