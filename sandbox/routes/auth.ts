/**
 * Client-backend authentication: `POST /auth/authorize {key, secret}` issues an access token and a
 * refresh token, `POST /auth/refresh {refreshToken}` trades a refresh token (once) for new ones,
 * `GET /auth/webhooks/key/{keyId}` serves the webhook signing key, and `requireAccessToken` guards
 * every client-backend endpoint.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context.ts';
import { fail, readJsonObject } from '../errors.ts';
import { ACCESS_AUDIENCE, bearerToken, signAccessToken, verifyToken } from '../tokens.ts';
import { WEBHOOK_ALG } from '../webhooks.ts';

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
    return c.json(await issueSession(ctx, key as string));
  });

  app.post('/refresh', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return body.response;
    const { refreshToken } = body.value;
    if (typeof refreshToken !== 'string' || refreshToken === '') {
      return fail(c, 400, 'invalid-request', 'refreshToken is required and must be a string.', 'refreshToken');
    }
    const grant = ctx.refreshTokens.get(refreshToken);
    ctx.refreshTokens.delete(refreshToken); // One use only: the answer carries the next one.
    if (!grant || grant.expiresAt <= Date.now()) {
      return fail(c, 401, 'invalid-refresh-token', 'The refresh token is unknown, used or expired; authorize again.');
    }
    return c.json(await issueSession(ctx, grant.key));
  });

  app.get('/webhooks/key/:keyId', async (c) => webhookKey(ctx, c));

  return app;
}

/** A new access token and refresh token for `key`, as `/auth/authorize` and `/auth/refresh` answer. */
async function issueSession(ctx: SandboxContext, key: string) {
  const ttl = ctx.options.accessTtlSeconds;
  const now = Date.now();
  for (const [token, grant] of ctx.refreshTokens) if (grant.expiresAt <= now) ctx.refreshTokens.delete(token);
  const refreshToken = randomBase64url(32);
  ctx.refreshTokens.set(refreshToken, { key, expiresAt: now + ctx.options.refreshTtlSeconds * 1000 });
  return {
    accessToken: await signAccessToken(await ctx.keys(), key, ttl),
    refreshToken,
    expiryDuration: ttl,
    tokenType: 'Bearer',
  };
}

/** `GET /auth/webhooks/key/{keyId}`: the webhook public key as PEM (`?pem=true`) or as a JWK; 404 for another id. */
async function webhookKey(ctx: SandboxContext, c: Context): Promise<Response> {
  const { kid, pem } = await ctx.webhooks.publicKey();
  if (c.req.param('keyId') !== kid) return fail(c, 404, 'not-found', 'No webhook key with this id.');
  if (c.req.query('pem') === 'true') {
    return c.body(pem, 200, { 'content-type': 'application/x-pem-file; charset=utf-8', 'cache-control': 'public, max-age=3600' });
  }
  const { kty, n, e } = (await ctx.keys()).publicJwk;
  return c.json({ kty, n, e, kid, alg: WEBHOOK_ALG, use: 'sig' });
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

/** `bytes` random bytes as base64url (WebCrypto: the same in Node and in a service worker). */
function randomBase64url(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...random)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
