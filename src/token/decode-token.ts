import { jwtDecode, InvalidTokenError } from 'jwt-decode';

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

/** Thrown by `decodeToken` for a token the widget cannot use. `reason` says why, for the message. */
class TokenDecodeError extends Error {
  constructor(readonly reason: 'not-a-jwt' | 'bad-payload' | 'no-exp' | 'bad-exp') {
    super(
      reason === 'no-exp'
        ? 'The token has no numeric "exp" claim.'
        : reason === 'bad-exp'
          ? 'The token\'s "exp" claim is not a date a browser can hold.'
          : reason === 'bad-payload'
          ? 'The token payload could not be decoded.'
          : 'The token is not a JWT.',
    );
    this.name = 'TokenDecodeError';
  }
}

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * Reads a widget token with `jwt-decode`. The signature is NOT verified here: the browser has no
 * business trusting or rejecting a token; the TransactionLink API verifies it on every request.
 * The widget only needs the claims and the expiry, to warn the page in time.
 */
export function decodeToken(token: string): DecodedToken {
  if (!JWT_SHAPE.test(token)) throw new TokenDecodeError('not-a-jwt');
  let claims: Partial<TokenClaims>;
  try {
    claims = jwtDecode<Partial<TokenClaims>>(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new TokenDecodeError('bad-payload');
    throw error;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new TokenDecodeError('bad-payload');
  }
  const exp = claims.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new TokenDecodeError('no-exp');
  // Outside the Date range (about +-275,000 years) the expiry would be an Invalid Date.
  const expiresAt = new Date(exp * 1000);
  if (!Number.isFinite(expiresAt.getTime())) throw new TokenDecodeError('bad-exp');
  return { claims: claims as TokenClaims, expiresAt };
}
