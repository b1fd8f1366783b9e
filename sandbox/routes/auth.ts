/**
 * Client-backend authentication: `POST /auth/authorize {key, secret}` issues an access token, and
 * `requireAccessToken` guards every client-backend endpoint with it.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context.ts';
import { fail, readJsonObject } from '../errors.ts';
import { ACCESS_AUDIENCE, bearerToken, signAccessToken, verifyToken } from '../tokens.ts';

/** Routes mounted at `/auth`. */
export function authRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();

  app.post('/authorize', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const { key, secret } = body.value;
    for (const [name, value] of [['key', key], ['secret', secret]] as const) {
      if (typeof value !== 'string' || value === '') {
        return fail(c, 400, 'invalid-request', `${name} is required and must be a string.`, name);
      }
    }
    if (key !== ctx.options.key || secret !== ctx.options.secret) {
      return fail(c, 401, 'invalid-credentials', 'Wrong key or secret.');
    }
    const keys = await ctx.keys();
    const ttl = ctx.options.accessTtlSeconds;
    return c.json({
      accessToken: await signAccessToken(keys, key as string, ttl),
      refreshToken: randomBytes(32).toString('base64url'),
      expiryDuration: ttl,
      tokenType: 'Bearer',
    });
  });

  return app;
}

/** Middleware: answers 401 unless the request carries a valid client-backend access token. */
export function requireAccessToken(ctx: SandboxContext): MiddlewareHandler {
  return async (c, next) => {
    const result = await verifyToken(await ctx.keys(), bearerToken(c.req.header('authorization')), ACCESS_AUDIENCE);
    if (!result.ok) return fail(c, 401, result.problem, result.message);
    await next();
    return undefined;
  };
}
