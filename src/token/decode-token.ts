import { jwtDecode } from 'jwt-decode';

/**
 * The payload of a TransactionLink widget token as the widget reads it. TransactionLink sets
 * `customerId`, `partyId`, `workspaceId`, `iat` and `exp`; other claims are kept as they come.
 */
export interface TokenClaims {
  customerId?: string;
  partyId?: string;
  workspaceId?: string;
  iat?: number;
  /** Expiry, in seconds since the epoch. Always present in a token the widget accepts. */
  exp: number;
  [claim: string]: unknown;
}

/** A token the widget could read: its claims and when it expires. */
export interface DecodedToken {
  claims: TokenClaims;
  expiresAt: Date;
}

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * Reads a widget token with `jwt-decode`. The signature is NOT verified here: the browser has no
 * business trusting or rejecting a token; the TransactionLink API verifies it on every request.
 * The widget only needs the claims and the expiry, to warn the page in time.
 *
 * @throws Error for a token the widget cannot use; its message says why (the `tl-error` message).
 */
export function decodeToken(token: string): DecodedToken {
  if (!JWT_SHAPE.test(token)) throw new Error('The token is not a JWT.');
  let claims: Partial<TokenClaims> | undefined;
  try {
    claims = jwtDecode<Partial<TokenClaims>>(token);
  } catch {
    // jwt-decode throws only its InvalidTokenError (bad base64 or JSON): handled below as no payload.
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new Error('The token payload could not be decoded.');
  }
  const exp = claims.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new Error('The token has no numeric "exp" claim.');
  // Outside the Date range (about +-275,000 years) the expiry would be an Invalid Date.
  const expiresAt = new Date(exp * 1000);
  if (!Number.isFinite(expiresAt.getTime())) throw new Error('The token\'s "exp" claim is not a date a browser can hold.');
  return { claims: claims as TokenClaims, expiresAt };
}
