/**
 * The stable list of `tl-error` codes. Host pages may switch on these strings; never rename one.
 *
 * Each code's comment is its documentation: `npm run docs` writes the README's error-code table
 * from them (the meaning, then `@recoverable`), and test/node/docs.test.ts fails when that table
 * is stale. Comments are stripped from the builds, so they cost no bytes.
 */
export const ERROR_CODES = [
  /**
   * the token (trimmed of whitespace, quotes and `Bearer `) is not a JWT, its payload cannot be
   * decoded, or its `exp` is missing, not a number or outside the range of a date; `message` names
   * the likely cause
   * @recoverable no: a new token is needed
   */
  'invalid-token',
  /**
   * the API refused the token (bad signature, revoked, wrong workflow)
   * @recoverable no: a new token is needed
   */
  'unauthorized',
  /**
   * the API could not be reached (offline, dropped connection, no answer before `request-timeout`);
   * official engine: TransactionLink's script (or `tl-workflow.official.js`) did not load or never
   * became ready. Also a language file that could not be loaded: the texts stay in English and the
   * widget goes on
   * @recoverable yes: "Try again" (a language file: no)
   */
  'network',
  /**
   * the workflow or one of its resources does not exist
   * @recoverable no
   */
  'not-found',
  /**
   * the server rejected a step's values (the messages are shown next to the fields), or the widget's
   * own checks did before sending
   * @recoverable yes: correct and send again
   */
  'validation',
  /**
   * the workflow changed elsewhere (already completed or cancelled)
   * @recoverable no
   */
  'conflict',
  /**
   * too many requests (HTTP 429)
   * @recoverable yes: retry later
   */
  'rate-limited',
  /**
   * the API failed (HTTP 5xx) after retries
   * @recoverable yes
   */
  'server',
  /**
   * a file could not be uploaded: refused by type or size before sending, or failed on the way
   * @recoverable yes
   */
  'upload-failed',
  /**
   * a response the widget cannot understand or render (not JSON, wrong shape, over the limits of
   * sandbox/API.md, a 400 or 422 to anything but a save); official engine: TransactionLink's widget
   * reported an `error`, or its script threw
   * @recoverable no; official engine: yes when its script threw or failed before showing its widget ("Try again")
   */
  'unexpected',
  /**
   * official engine with `placement="light-dom"`: another such element on the page is running
   * TransactionLink's widget (one global)
   * @recoverable yes: it starts by itself once the other is gone
   */
  'busy',
  /**
   * no token could be had from `token-endpoint` / `fetchToken`: it answered 401, 403, 404 (or
   * another 4xx), or failed (network, 5xx, no `token` in the answer) through every retry; or it gave
   * an already-expired token
   * @recoverable 4xx and expired tokens: no (not signed in, nothing to open, a server to fix); otherwise yes: "Try again"
   */
  'token-endpoint',
] as const;

export type TlErrorCode = (typeof ERROR_CODES)[number];
