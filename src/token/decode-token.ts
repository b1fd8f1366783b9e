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

/** A token the widget could read: the token itself (trimmed), its claims and when it expires. */
export interface DecodedToken {
  /** The token as it is sent: without the whitespace, quotes or `Bearer ` prefix it was handed with. */
  token: string;
  claims: TokenClaims;
  expiresAt: Date;
}

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * The token without what a copy and paste or a backend's answer often wraps it in: surrounding
 * whitespace (a trailing newline), one pair of surrounding quotes (a JSON string), and a
 * `Bearer ` prefix (an `Authorization` header's value). Nothing else is changed.
 */
function trimToken(token: string): string {
  let trimmed = token.trim();
  const quote = /^(["'`])(.*)\1$/s.exec(trimmed);
  if (quote) trimmed = quote[2]!.trim();
  return trimmed.replace(/^Bearer\s+/i, '').trim();
}

/** Why a string that is not JWT-shaped was refused, naming the likely cause (the `tl-error` message). */
function notAJwt(token: string): string {
  if (!token) return 'The token is empty.';
  if (token.startsWith('{')) return 'The token is not a JWT: it looks like JSON. Pass the "token" field of your backend\'s answer, not the whole answer.';
  if (/\s/.test(token)) return 'The token is not a JWT: it has whitespace or a line break inside it (a token copied across lines?).';
  const parts = token.split('.').length;
  if (parts !== 3) return `The token is not a JWT: it has ${parts} part${parts === 1 ? '' : 's'} separated by dots, a JWT has 3 (a truncated or wrong value?).`;
  return 'The token is not a JWT: it has characters a JWT never contains (an encoded or escaped value?).';
}

/**
 * Reads a widget token with `jwt-decode`, after `trimToken`. The signature is NOT verified here: the
 * browser has no business trusting or rejecting a token; the TransactionLink API verifies it on
 * every request. The widget only needs the claims and the expiry, to warn the page in time.
 *
 * @throws Error for a token the widget cannot use; its message says why (the `tl-error` message).
 */
export function decodeToken(raw: string): DecodedToken {
  const token = trimToken(raw);
  if (!JWT_SHAPE.test(token)) throw new Error(notAJwt(token));
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
  return { token, claims: claims as TokenClaims, expiresAt };
}
