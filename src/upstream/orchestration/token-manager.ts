/** The gateway's IMS service account: refresh-token grant → short-lived access token, cached and refreshed early. */
import type { UpstreamSettings } from '../../config.ts';
import { JunctionError } from '../../errors.ts';
import { createUpstreamHttp, type UpstreamHttp } from '../http.ts';

export interface TokenManagerOptions {
  /** Absolute URL of the OAuth2 token endpoint. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Must be bound to the token URL's origin; by default one is created (and closed by `close()`). */
  http?: UpstreamHttp;
  now?: () => number;
}

export interface TokenManager {
  /** Resolves a valid access token (one shared refresh under concurrency); rejects with UNAUTHENTICATED or UPSTREAM_UNAVAILABLE, or the signal's reason on abort (which never cancels the shared refresh). */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Forgets `token` after a 401 so the next getToken refreshes; a no-op when a newer token is already cached. */
  invalidate(token: string): void;
  /** Closes the HTTP client it created itself, if any. */
  close(): Promise<void>;
}

interface Cached { token: string; refreshAt: number; expiresAt: number }
interface TokenResponse { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown }

const TOKEN_HTTP: UpstreamSettings = { timeoutMs: 10_000, retries: 0, connections: 2, breakerFailurePercent: 50, breakerWindowMs: 10_000, breakerMinCalls: 20, breakerResetMs: 10_000, compression: false };
const CREDENTIALS = 'the gateway\'s operator must check its Orchestration service-account settings';

/** Creates the token manager; it does no I/O until the first getToken. */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const now = options.now ?? Date.now;
  const ownHttp = options.http ? undefined : createUpstreamHttp({ service: 'orchestration', baseUrl: options.tokenUrl, settings: TOKEN_HTTP });
  const http = options.http ?? ownHttp!;
  let refreshToken = options.refreshToken;
  let cached: Cached | undefined;
  let inflight: Promise<Cached> | undefined;

  async function fetchToken(): Promise<Cached> {
    const started = now();
    let body: TokenResponse | undefined;
    try {
      const form = { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: options.clientId, client_secret: options.clientSecret };
      // A refresh-token grant may rotate the refresh token, so it is never sent twice.
      body = (await http.request<TokenResponse>({ method: 'POST', path: options.tokenUrl, form, retry: false, route: 'token' })).body;
    } catch (error) {
      // The endpoint's own message is not relayed: it could echo what was sent.
      const rejected = error instanceof JunctionError && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429;
      throw rejected
        // The caller's credentials are not at fault, so this is not UNAUTHENTICATED: the gateway is misconfigured.
        ? new JunctionError('UPSTREAM_ERROR', `The Orchestration API token endpoint rejected the gateway's service account (HTTP ${(error as JunctionError).status}); ${CREDENTIALS}`, { service: 'orchestration', status: (error as JunctionError).status })
        : new JunctionError('UPSTREAM_UNAVAILABLE', 'The Orchestration API token endpoint is unavailable; try again later', { service: 'orchestration', retryable: true });
    }
    if (typeof body?.access_token !== 'string' || body.access_token === '') {
      throw new JunctionError('UPSTREAM_UNAVAILABLE', 'The Orchestration API token endpoint answered without an access token', { service: 'orchestration', retryable: true });
    }
    if (typeof body.refresh_token === 'string' && body.refresh_token) refreshToken = body.refresh_token;
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60) * 1000;
    // Refresh early: 10% of the lifetime, at most 30 s, so a token never expires on its way to the API.
    const expiresAt = started + lifetimeMs;
    return { token: body.access_token, expiresAt, refreshAt: expiresAt - Math.min(30_000, lifetimeMs / 10) };
  }

  function refresh(): Promise<Cached> {
    inflight ??= fetchToken().then((fresh) => (cached = fresh)).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  return {
    async getToken(signal) {
      signal?.throwIfAborted();
      const current = cached;
      const t = now();
      if (current && t < current.refreshAt) return current.token;
      // Inside the refresh margin the old token is still valid: fall back to it if the refresh fails.
      const token = refresh().then((fresh) => fresh.token, (error) => {
        if (current && now() < current.expiresAt) return current.token;
        throw error;
      });
      return abortable(token, signal);
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
    async close() {
      await ownHttp?.close();
    },
  };
}

/** Lets one caller stop waiting for a shared promise without cancelling it for the others. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
