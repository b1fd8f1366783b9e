/**
 * Sandbox configuration: every knob, its default, and how it is read from the environment.
 * `createSandbox(options)` merges explicit options over `optionsFromEnv()`.
 */
import type { JWK } from 'jose';

/** Everything that changes how the sandbox behaves. All fields have defaults (see `optionsFromEnv`). */
export interface SandboxOptions {
  /** `SANDBOX_KEY`: the client-backend key for `POST /auth/authorize`. Default `sandbox-key`. */
  key: string;
  /** `SANDBOX_SECRET`: the client-backend secret. Default `sandbox-secret`. */
  secret: string;
  /** `TOKEN_TTL_SECONDS`: lifetime of widget tokens. Default 3600. */
  tokenTtlSeconds: number;
  /** `ACCESS_TTL_SECONDS`: lifetime of client-backend access tokens (`expiryDuration` of `/auth/authorize`). Default 3600. */
  accessTtlSeconds: number;
  /** `REFRESH_TTL_SECONDS`: lifetime of the refresh tokens `/auth/authorize` and `/auth/refresh` issue. Default 86400. */
  refreshTtlSeconds: number;
  /** `WEBHOOK_URL`: where signed webhooks go when a workflow turns `AWAITING` or `COMPLETED`. Default: none (no webhooks). */
  webhookUrl: string | undefined;
  /** `LATENCY_MS`: delay added to every `/widget/*` request. Default 0. */
  latencyMs: number;
  /** `FAULT_RATE`: fraction (0..1) of `/widget/*` requests answered `503 unavailable`. Default 0. */
  faultRate: number;
  /** `SANDBOX_DATA`: JSON file the state is loaded from and saved to. Default: none (memory only). */
  dataFile: string | undefined;
  /** `AWAITING_SECONDS`: how long a submitted KYB execution stays `AWAITING`. Default 5. */
  awaitingSeconds: number;
  /** Answer CORS for `http://localhost:*` and `http://127.0.0.1:*` origins. Default true. */
  cors: boolean;
  /**
   * A private RSA JWK to sign with instead of generating a key pair (programmatic only; tests share
   * one to save key generation time). A key persisted in `dataFile` takes precedence.
   */
  signingKey: JWK | undefined;
  /** Source of randomness for `FAULT_RATE` (tests may inject one). Default `Math.random`. */
  random: () => number;
  /**
   * `SANDBOX_ALLOWED_HOSTS` (comma separated, added to the defaults): the host names the sandbox
   * answers for, compared with the `Host` header as sent (any port); any other `Host` gets `421`
   * (against DNS rebinding), other spellings of loopback (`127.1`, `0x7f.1`, `2130706433`),
   * subdomains of `localhost` and a missing or empty `Host` included. Default `localhost`,
   * `127.0.0.1`, `[::1]`.
   */
  allowedHosts: string[];
  /**
   * The path prefix the sandbox is mounted under (`/tl-api` inside Vite and web-test-runner), for
   * the absolute links it returns. Default `''`. Set by the mounts, never taken from a request.
   */
  basePath: string;
  /**
   * `SANDBOX_TRUST_FORWARDED_PREFIX=1`: take the base path from the `X-Forwarded-Prefix` header (behind
   * a reverse proxy you run). Default false: the header is ignored.
   */
  trustForwardedPrefix: boolean;
  /** `SANDBOX_MAX_JSON_BYTES`: the largest JSON request body. Default 1 MiB. */
  maxJsonBytes: number;
  /** `SANDBOX_MAX_UPLOAD_BYTES`: the largest upload request body. Default 12 MiB (10 MiB files plus room). */
  maxUploadBytes: number;
  /**
   * `SANDBOX_BODY_TIMEOUT_MS`: how long a request body may take to arrive whole; past it `408` and
   * the connection is closed (a client that stops sending keeps no socket). Default 10000.
   */
  bodyTimeoutMs: number;
}

/** Host names every sandbox answers for. */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Reads a number from the environment, falling back when unset or not a number. */
function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) ? value : fallback;
}

/** The options as the environment variables describe them (defaults for anything unset). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxOptions {
  return {
    key: env.SANDBOX_KEY || 'sandbox-key',
    secret: env.SANDBOX_SECRET || 'sandbox-secret',
    tokenTtlSeconds: envNumber(env, 'TOKEN_TTL_SECONDS', 3600),
    accessTtlSeconds: envNumber(env, 'ACCESS_TTL_SECONDS', 3600),
    refreshTtlSeconds: envNumber(env, 'REFRESH_TTL_SECONDS', 86400),
    webhookUrl: env.WEBHOOK_URL || undefined,
    latencyMs: envNumber(env, 'LATENCY_MS', 0),
    faultRate: Math.min(1, Math.max(0, envNumber(env, 'FAULT_RATE', 0))),
    dataFile: env.SANDBOX_DATA || undefined,
    awaitingSeconds: envNumber(env, 'AWAITING_SECONDS', 5),
    cors: true,
    signingKey: undefined,
    random: Math.random,
    allowedHosts: [...LOCAL_HOSTS, ...(env.SANDBOX_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)],
    basePath: '',
    trustForwardedPrefix: env.SANDBOX_TRUST_FORWARDED_PREFIX === '1',
    maxJsonBytes: envNumber(env, 'SANDBOX_MAX_JSON_BYTES', 1024 * 1024),
    maxUploadBytes: envNumber(env, 'SANDBOX_MAX_UPLOAD_BYTES', 12 * 1024 * 1024),
    bodyTimeoutMs: envNumber(env, 'SANDBOX_BODY_TIMEOUT_MS', 10_000),
  };
}

/** Fixed ids of the demo data, stable across restarts. */
export const DEMO = {
  customerId: '11536e65-4bb0-47dd-9600-76ac535c7832',
  workspaceId: '1f9d28bb-7494-4531-b50e-fc5a9a11b483',
  caseId: '11111111-2222-3333-4444-555555555555',
  partyId: 'a3c5e7f9-1b2d-4e6f-8a0b-c2d4e6f80a1c',
  individualKycId: '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c',
  companyKybId: '7c1e4a52-2f3d-4b8e-9a61-0d5b6e8f9a10',
} as const;
