/**
 * The client backend's access token: obtained with key and secret (`POST /auth/authorize`), kept
 * until shortly before it expires, then renewed with the refresh token (`POST /auth/refresh`), or
 * with a fresh authorize when the refresh is refused. Concurrent callers share ONE renewal.
 */

/** `POST /auth/authorize` and `POST /auth/refresh` answer this. */
export interface AuthAnswer {
  accessToken: string;
  refreshToken?: string;
  /** Seconds the access token is valid. */
  expiryDuration: number;
}

/** The two ways of getting an access token. */
export interface AuthCalls {
  authorize: () => Promise<AuthAnswer>;
  refresh: (refreshToken: string) => Promise<AuthAnswer>;
}

interface Session {
  accessToken: string;
  refreshToken: string | undefined;
  /** Epoch ms after which the token is renewed before use. */
  renewAt: number;
}

/** Renew this long before expiry: a tenth of the lifetime, at most a minute. */
function renewalMargin(expirySeconds: number): number {
  return Math.min(60_000, expirySeconds * 100);
}

/** Holds the current access token and renews it, one renewal at a time. */
export class AccessTokenCache {
  #session: Session | null = null;
  #renewal: Promise<Session> | null = null;
  readonly #calls: AuthCalls;
  readonly #now: () => number;

  constructor(calls: AuthCalls, now: () => number = Date.now) {
    this.#calls = calls;
    this.#now = now;
  }

  /** A valid access token: the cached one, or a renewed one (shared with concurrent callers). */
  async get(): Promise<string> {
    const session = this.#session;
    if (session && this.#now() < session.renewAt) return session.accessToken;
    return (await this.#renew()).accessToken;
  }

  /** Marks `token` as refused by the API, so the next `get()` renews it (unless already renewed). */
  reject(token: string): void {
    if (this.#session?.accessToken === token) this.#session = { ...this.#session, renewAt: 0 };
  }

  /** The refresh token currently held (for redaction only). */
  get refreshToken(): string | undefined {
    return this.#session?.refreshToken;
  }

  #renew(): Promise<Session> {
    this.#renewal ??= this.#obtain().finally(() => {
      this.#renewal = null;
    });
    return this.#renewal;
  }

  async #obtain(): Promise<Session> {
    const refreshToken = this.#session?.refreshToken;
    let answer: AuthAnswer | undefined;
    if (refreshToken) {
      try {
        answer = await this.#calls.refresh(refreshToken);
      } catch {
        answer = undefined; // Refused or failed: authorize again below.
      }
    }
    answer ??= await this.#calls.authorize();
    const expirySeconds = Number.isFinite(answer.expiryDuration) && answer.expiryDuration > 0 ? answer.expiryDuration : 60;
    this.#session = {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      renewAt: this.#now() + expirySeconds * 1000 - renewalMargin(expirySeconds),
    };
    return this.#session;
  }
}
