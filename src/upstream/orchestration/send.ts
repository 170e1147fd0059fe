/** Sends one Orchestration API operation with the right credentials: the caller's bearer, or the service account. */
import type { OrchestrationOperation } from '../../config.ts';
import { JunctionError } from '../../errors.ts';
import type { HttpMethod, UpstreamHttp } from '../http.ts';
import { fill, type OrchestrationPaths } from './paths.ts';
import type { TokenManager } from './token-manager.ts';

export interface OrchestrationCallerIdentity {
  /** Pass-through mode: the client's `X-Orchestration-Authorization: Bearer …`, forwarded as-is. */
  bearer?: string;
  requestId?: string;
  /** Aborting it (the client left) cancels the upstream requests. */
  signal?: AbortSignal;
}

export interface Operation {
  operation: OrchestrationOperation;
  method: HttpMethod;
  params: Readonly<Record<string, string>>;
  query?: Array<[string, string]>;
  json?: unknown;
}

export type Send = <T>(op: Operation) => Promise<T>;

/**
 * Binds a sender to a caller. Pass-through never touches the service account. Service-account mode retries a 401
 * exactly once with a fresh token, writes included: a 401 means the request was not applied.
 */
export function createSender(http: UpstreamHttp, tokens: TokenManager | undefined, paths: OrchestrationPaths, caller: OrchestrationCallerIdentity): Send {
  const baseHeaders: Record<string, string> = caller.requestId ? { 'x-request-id': caller.requestId } : {};

  return async <T>(op: Operation): Promise<T> => {
    const template = paths[op.operation];
    const path = fill(template, op.params);
    const attempt = async (authorization: string) => (await http.request<T>({
      method: op.method, path, query: op.query, json: op.json, signal: caller.signal, route: template,
      headers: { ...baseHeaders, authorization },
    })).body;

    if (caller.bearer) return attempt(caller.bearer);
    if (!tokens) {
      throw new JunctionError('UNAUTHENTICATED', 'No Orchestration API credentials: send X-Orchestration-Authorization: Bearer …', { service: 'orchestration' });
    }
    const token = await tokens.getToken(caller.signal);
    try {
      return await attempt(`Bearer ${token}`);
    } catch (error) {
      if (!(error instanceof JunctionError && error.status === 401)) throw serviceAccountRefusal(error);
      tokens.invalidate(token);
      try {
        return await attempt(`Bearer ${await tokens.getToken(caller.signal)}`);
      } catch (retryError) {
        throw serviceAccountRefusal(retryError);
      }
    }
  };
}

/**
 * In service-account mode a 401 or 403 refuses the gateway's own account, not the caller (whose access the gateway
 * checked already): the client cannot fix it by signing in again, so it is an upstream error, not UNAUTHENTICATED.
 */
function serviceAccountRefusal(error: unknown): unknown {
  if (!(error instanceof JunctionError) || (error.status !== 401 && error.status !== 403)) return error;
  return new JunctionError('UPSTREAM_ERROR',
    `The Orchestration API refused the gateway's service account (HTTP ${error.status}); the gateway's operator must check its permissions`,
    { service: 'orchestration', status: error.status, requestId: error.requestId });
}
