/**
 * Signing and verifying the two kinds of JWT the sandbox issues:
 * - widget tokens (`aud: "tl-widget"`), for the browser, bound to one workflow execution;
 * - access tokens (`aud: "tl-client-api"`), for the client backend, from `POST /auth/authorize`.
 * Both RS512, signed with the sandbox key, verified (signature, `alg`, `aud`, `exp`) with jose.
 */
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ALG, type SigningKeys } from './keys.ts';

/** `aud` of widget tokens. */
export const WIDGET_AUDIENCE = 'tl-widget';
/** `aud` of client-backend access tokens. */
export const ACCESS_AUDIENCE = 'tl-client-api';

/** TransactionLink's environments, as the `environment` claim names them (transactionlink-js reads it). */
export const TOKEN_ENVIRONMENTS = ['sandbox', 'staging', 'production'] as const;

/** Payload of a widget token: the TransactionLink claims plus the sandbox's `executionId`, `jti` and `aud`. */
export interface WidgetClaims extends JWTPayload {
  customerId: string;
  partyId: string;
  workspaceId: string;
  executionId: string;
  /** Only when asked for (`POST /token` `environment`): TransactionLink's tokens as documented carry none. */
  environment?: (typeof TOKEN_ENVIRONMENTS)[number];
  jti: string;
  iat: number;
  exp: number;
}

/** Why a token was refused; the value is the `code` of the 401 error body. */
type TokenProblem = 'token-missing' | 'token-expired' | 'token-invalid';

/** The verified claims, or why the token was refused. */
export type VerifyResult<T> = { ok: true; claims: T } | { ok: false; problem: TokenProblem; message: string };

/** Signs a widget token for one execution, valid for `ttlSeconds` (with an `environment` claim when given one). */
export async function signWidgetToken(
  keys: SigningKeys,
  claims: Pick<WidgetClaims, 'customerId' | 'partyId' | 'workspaceId' | 'executionId' | 'environment'>,
  ttlSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: ALG, typ: 'JWT', kid: keys.kid })
    .setJti(crypto.randomUUID())
    .setAudience(WIDGET_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keys.privateKey);
}

/** Signs a client-backend access token for the given key (`sub`). */
export async function signAccessToken(keys: SigningKeys, key: string, ttlSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALG, typ: 'JWT', kid: keys.kid })
    .setSubject(key)
    .setJti(crypto.randomUUID())
    .setAudience(ACCESS_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keys.privateKey);
}

/** Extracts the token from an `Authorization: Bearer <token>` header value. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}

/** Verifies a token's signature (RS512 only), audience and expiry. */
export async function verifyToken<T extends JWTPayload>(
  keys: SigningKeys,
  token: string | undefined,
  audience: string,
): Promise<VerifyResult<T>> {
  if (!token) return { ok: false, problem: 'token-missing', message: 'Authorization: Bearer <token> is required.' };
  try {
    const { payload } = await jwtVerify<T>(token, keys.publicKey, { algorithms: [ALG], audience });
    return { ok: true, claims: payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      return { ok: false, problem: 'token-expired', message: 'The token has expired; ask your backend for a new one.' };
    }
    return { ok: false, problem: 'token-invalid', message: 'The token is not valid for this API.' };
  }
}

/** True when the widget claims carry every claim the sandbox relies on. */
export function isWidgetClaims(claims: JWTPayload): claims is WidgetClaims {
  return typeof claims.executionId === 'string' && typeof claims.partyId === 'string';
}
