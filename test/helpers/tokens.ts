/**
 * Token fixtures for browser tests. The widget never checks signatures (the API does), so for
 * pure token-lifecycle tests an unsigned-looking JWT with the right payload is enough; tests that
 * talk to the API use real tokens from the sandbox instead.
 */

/** The example token of TransactionLink's token API docs (shared/token-api.txt): expired in 2022. */
export const EXAMPLE_TOKEN =
  'ewogICJhbGciIDogIlJTNTEyIgp9.ewogICJjdXN0b21lcklkIiA6ICIxMTUzNmU2NS00YmIwLTQ3ZGQtOTYwMC03NmFjNTM1Yzc4MzIiLAogICJwYXJ0eUlkIiA6ICIzYjJkOGE0Zi01NzlmLTRlMmUtYTUxYy1mODU5ZTUzMmZlOGMiLAogICJ3b3Jrc3BhY2VJZCIgOiAiMWY5ZDI4YmItNzQ5NC00NTMxLWI1MGUtZmM1YTlhMTFiNDgzIiwKICAiaWF0IiA6IDE2NDUwMjkyOTcsCiAgImV4cCIgOiAxNjQ1MDMyODk3Cn0.j62_fClRsh6vk4Lx2JoMSoEjptUyK9kqtaK_9BtYk3j-Gw-dphMRD4TL0tSc-CBHloV8wl2knMqsyTHLMNSdOkwZYNeSfPwABQEmgNkpOJoyKAxlYAp3KOpkhT4EQgYFeewrK6tgOiLPWy5tlT8NOMJHWJ_VdDGjtBd1jcir1Tp6ipumoUcBfrspHIuXbNVdh7PHJg1mUVHMspvL1WsARVvqHe9KsUszVPdlxc2xJkKFf2jwh70jwjcaXSkBSu4iOVjPdblC6vdvZpRIUK7eSASKexPfQaJXMa0iDv7NEwSAQbrz9iyXiYD5pnRR6MeGAX1d39Z09sxvVzyon_aSvA';

/** The example token's `exp`, in seconds. */
export const EXAMPLE_EXP = 1645032897;

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A JWT-shaped token with the given payload and a dummy signature. */
export function makeToken(payload: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'RS512', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.c2lnbmF0dXJl`;
}

/** A token shaped like TransactionLink's, expiring `seconds` from now (by `Date.now()`, fake clocks included). */
export function tokenExpiringIn(seconds: number, extra: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return makeToken({
    customerId: '11536e65-4bb0-47dd-9600-76ac535c7832',
    partyId: '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c',
    workspaceId: '1f9d28bb-7494-4531-b50e-fc5a9a11b483',
    iat: now,
    exp: now + seconds,
    ...extra,
  });
}
