/**
 * The strict Content-Security-Policy of a page that runs the widget's own renderer: nothing
 * inline, every script, style and request from the page's origin, Trusted Types on with the
 * policies `trustedTypes` names (never 'allow-duplicates'). The replica's framed page
 * (routes/widget-replica.ts) and the strict test pages (web-test-runner.config.mjs) use it.
 */
export function strictCsp(trustedTypes: string, { frameAncestors = "'self'", lockDown = false } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' blob:",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
    // A page that is all ours (the replica's frame) also refuses <base> and form submissions.
    ...(lockDown ? ["base-uri 'none'", "form-action 'none'"] : []),
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}
