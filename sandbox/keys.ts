/**
 * The sandbox's RS512 signing key pair: generated at start, or restored from persisted JWKs.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The algorithm of every token the sandbox signs. */
export const ALG = 'RS512';

/** A ready-to-use key pair plus its JWK forms (the private one only for persistence). */
export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  privateJwk: JWK;
}

/** Generates a fresh 2048-bit RSA key pair for RS512. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  return importSigningKeys(privateJwk);
}

/** Rebuilds the key pair from a private JWK (as persisted in SANDBOX_DATA). */
export async function importSigningKeys(privateJwk: JWK): Promise<SigningKeys> {
  const { kty, n, e } = privateJwk;
  const publicBase: JWK = { kty, n, e };
  const kid = await calculateJwkThumbprint(publicBase);
  const publicJwk: JWK = { ...publicBase, kid, alg: ALG, use: 'sig' };
  const privateKey = (await importJWK({ ...privateJwk, alg: ALG }, ALG, { extractable: true })) as CryptoKey;
  const publicKey = (await importJWK(publicJwk, ALG)) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk, privateJwk: { ...privateJwk, kid, alg: ALG } };
}

/** The public JWKS document served at `/.well-known/jwks.json`. */
export function jwks(keys: SigningKeys): { keys: JWK[] } {
  return { keys: [keys.publicJwk] };
}
