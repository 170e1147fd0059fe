/** The one HTTP client for an upstream: keep-alive pool, timeouts, retries within a budget, circuit breaker. */
import { Pool } from 'undici';
import type { UpstreamSettings } from '../config.ts';
import type { Tracing } from '../tracing.ts';
import { JunctionError, upstreamFailure, type ErrorCode, type Service } from '../errors.ts';
import { attempt, type RawResponse } from './attempt.ts';
import { createBreaker, type BreakerState } from './breaker.ts';
import { breakerOpen, classifyTransportError, foreignOrigin, isRetryableTransportError, isTransportError, malformedBody, transportFailure } from './failures.ts';
import { backoffMs, createRetryBudget, RETRYABLE_STATUSES, retryAfterMs, sleep, type RetryTuning } from './retry.ts';
import { resolveTarget, routeOf } from './target.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface UpstreamRequest {
  method: HttpMethod;
  /** Relative to the base URL's path, or an absolute URL on the same origin. */
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  signal?: AbortSignal;
  /** Default: true only for GET and HEAD. Only set it for requests that are safe to send twice. */
  retry?: boolean;
  /** Metrics route; default: the path with ids replaced by `{id}`. */
  route?: string;
  /** `text`: resolve with the body as a string (endpoints that render text/plain). Default: parsed JSON. */
  responseType?: 'json' | 'text';
}

export interface UpstreamResponse<T> {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON; undefined for HEAD, 204 and empty bodies. */
  body: T;
  bytes: number;
}

/** One finished request (all attempts), for metrics and logs; it never carries headers or bodies. */
export interface UpstreamCallInfo {
  service: Service;
  method: HttpMethod;
  route: string;
  /** Status of the last answer; 0 when none came (timeout, connection failure, open breaker, abort). */
  status: number;
  durationMs: number;
  /** Response body bytes as received: compressed ones when the upstream compressed them. */
  bytes: number;
  retries: number;
  error?: ErrorCode | 'ABORTED';
  /** The `X-Request-Id` sent upstream: the GraphQL request this call served. */
  requestId?: string;
}

export interface UpstreamHttpOptions {
  service: Service;
  baseUrl: string;
  settings: UpstreamSettings;
  onCall?: (info: UpstreamCallInfo) => void;
  /** Backoff and budget knobs; defaults suit production (tests shorten them). */
  tuning?: RetryTuning;
  /** Client spans and `traceparent`; absent when tracing is off. */
  tracing?: Tracing;
}

export interface UpstreamHttp {
  readonly service: Service;
  readonly baseUrl: string;
  /** The circuit breaker's state, for readiness and metrics. */
  readonly breakerState: BreakerState;
  /** Sends a request; resolves on 2xx, else rejects with a JunctionError, or with the signal's reason on abort. */
  request<T = unknown>(req: UpstreamRequest): Promise<UpstreamResponse<T>>;
  /** Stops retries and waits for in-flight requests, then closes every connection. */
  close(): Promise<void>;
}

/** Creates the client of one upstream; it never throws synchronously for a valid base URL. */
export function createUpstreamHttp({ service, baseUrl, settings, onCall, tuning = {}, tracing }: UpstreamHttpOptions): UpstreamHttp {
  const base = new URL(baseUrl);
  const pool = new Pool(base.origin, { connections: settings.connections, connectTimeout: Math.min(settings.timeoutMs, 10_000) });
  const breaker = createBreaker<RawResponse>({
    failureRatio: settings.breakerFailurePercent / 100,
    windowMs: settings.breakerWindowMs,
    minCalls: settings.breakerMinCalls,
    resetMs: settings.breakerResetMs,
    // A caller that gives up, or a bug of ours, says nothing about the upstream's health.
    failedError: (error) => classifyTransportError(error) !== 'other',
    failedResult: (res) => res.status >= 500,
  });
  const budget = createRetryBudget(tuning);
  const maxRetryAfterMs = tuning.maxRetryAfterMs ?? 5_000;
  let closing = false;

  async function request<T>(req: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const method = req.method.toUpperCase() as HttpMethod;
    const target = resolveTarget(base, req.path, req.query);
    if (target === undefined) throw foreignOrigin(service);
    const mayRetry = req.retry ?? (method === 'GET' || method === 'HEAD');
    const info: UpstreamCallInfo = { service, method, route: req.route ?? routeOf(target), status: 0, durationMs: 0, bytes: 0, retries: 0, requestId: req.headers?.['x-request-id'] };
    const started = performance.now();
    const span = tracing?.upstream(service, method, info.route);
    const headers = span ? { ...req.headers, ...span.headers } : req.headers;
    budget.recordRequest();
    let failure: JunctionError | undefined;
    try {
      for (;;) {
        if (req.signal?.aborted) throw req.signal.reason;
        let waitMs = 0;
        let retryable = false;
        try {
          // Our own failed attempts may have opened the breaker: report what the upstream said, not the breaker.
          const res = await breaker.run(() => attempt(pool, settings.timeoutMs, { ...req, headers, method, target }, settings.compression), () => failure ?? breakerOpen(service));
          info.status = res.status;
          info.bytes += res.wireBytes;
          if (res.undecodable && res.status >= 200 && res.status < 300) throw malformedBody(service, res.status);
          if (res.status >= 200 && res.status < 300) return { status: res.status, headers: res.headers, body: req.responseType === 'text' ? (res.text as T) : parseBody<T>(service, method, res), bytes: res.bytes };
          const retryAfter = retryAfterMs(res.headers['retry-after']);
          const seconds = retryAfter === undefined ? undefined : String(Math.ceil(retryAfter / 1000));
          failure = upstreamFailure(service, res.status, res.text, seconds, `${method} ${info.route}`);
          retryable = RETRYABLE_STATUSES.has(res.status) && (retryAfter === undefined || retryAfter <= maxRetryAfterMs);
          waitMs = retryAfter ?? 0;
        } catch (error) {
          if (req.signal?.aborted) throw req.signal.reason;
          // Our own failure (e.g. a body we could not serialise) is INTERNAL and logged, never the upstream's.
          if (error instanceof JunctionError || !isTransportError(error)) throw error;
          info.status = 0;
          failure = transportFailure(service, method, error, settings.timeoutMs);
          retryable = isRetryableTransportError(error);
        }
        if (!mayRetry || !retryable || closing || info.retries >= settings.retries || !budget.tryRetry()) throw failure;
        info.retries += 1;
        const backoff = backoffMs(info.retries, tuning.backoffBaseMs ?? 50, tuning.backoffMaxMs ?? 2_000);
        await sleep(Math.max(waitMs, backoff), req.signal);
      }
    } catch (error) {
      info.error = error instanceof JunctionError ? error.code : req.signal?.aborted ? 'ABORTED' : 'INTERNAL';
      throw error;
    } finally {
      info.durationMs = performance.now() - started;
      span?.end(info.status, info.error);
      try {
        onCall?.(info);
      } catch {
        // A broken metrics hook must not fail the request.
      }
    }
  }

  return {
    service,
    baseUrl,
    get breakerState() {
      return breaker.state;
    },
    request,
    async close() {
      closing = true;
      await pool.close();
    },
  };
}

function parseBody<T>(service: Service, method: HttpMethod, res: { status: number; text: string }): T {
  if (method === 'HEAD' || res.status === 204 || res.text.trim() === '') return undefined as T;
  try {
    return JSON.parse(res.text) as T;
  } catch {
    throw malformedBody(service, res.status);
  }
}
