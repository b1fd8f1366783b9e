/**
 * The guard of every `/widget/*` request: a valid widget token (RS512 signature, `aud`, `exp`)
 * that names an existing execution. Puts the execution on the context.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxOptions } from '../config.ts';
import type { SandboxContext } from '../context.ts';
import { fail } from '../errors.ts';
import type { ExecutionRecord } from '../store.ts';
import { bearerToken, isWidgetClaims, verifyToken, WIDGET_AUDIENCE, type WidgetClaims } from '../tokens.ts';

/** Hono environment of the widget routes. */
export type WidgetEnv = { Variables: { execution: ExecutionRecord; claims: WidgetClaims } };

/** Middleware answering 401 `token-missing` / `token-expired` / `token-invalid` unless the token is good. */
export function requireWidgetToken(ctx: SandboxContext): MiddlewareHandler<WidgetEnv> {
  return async (c, next) => {
    const result = await verifyToken<WidgetClaims>(await ctx.keys(), bearerToken(c.req.header('authorization')), WIDGET_AUDIENCE);
    if (!result.ok) return fail(c, 401, result.problem, result.message);
    if (!isWidgetClaims(result.claims)) return fail(c, 401, 'token-invalid', 'The token has no executionId claim.');
    const execution = ctx.store.getExecution(result.claims.executionId);
    if (!execution) return fail(c, 401, 'token-invalid', 'The token names an unknown workflow execution.');
    c.set('claims', result.claims);
    c.set('execution', execution);
    await next();
    return undefined;
  };
}

/**
 * Base URL the sandbox is reachable at from the caller, for absolute links: the request's origin
 * plus the configured mount prefix (`basePath`), or `X-Forwarded-Prefix` only when configured to trust it.
 */
export function baseUrl(c: Context, options: SandboxOptions): string {
  const forwarded = options.trustForwardedPrefix ? c.req.header('x-forwarded-prefix') : undefined;
  const prefix = forwarded !== undefined && /^(\/[\w.~-]+)*$/.test(forwarded) ? forwarded : options.basePath;
  return new URL(c.req.url).origin + prefix;
}
