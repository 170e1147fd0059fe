import type { IncomingMessage, ServerResponse } from 'node:http';
import { canAccess } from './auth.ts';
import { SimError, badRequest, errorBody, notFound } from './errors.ts';
import type { Fault } from './faults.ts';
import { parseBody, readRaw, send, sendEncoded, sleep } from './http-io.ts';
import { loggedHeaders } from './request-log.ts';
import { matchRoute, type RouteMatch } from './router.ts';
import type { Sim } from './sim.ts';
import { TOKEN_PATH, exchangeToken } from './token-endpoint.ts';

interface Reply { status: number; body: unknown; headers?: Record<string, string> }
interface Incoming { method: string; url: URL; match: RouteMatch; body: { value: unknown; invalid: boolean }; authorization?: string }

/** Serves one API or token-endpoint request: latency, faults, auth, routing, and the request log. */
export async function handleApiRequest(sim: Sim, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = performance.now();
  const seq = sim.log.nextSeq();
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const body = parseBody(await readRaw(req), req.headers['content-type']);
  const isToken = url.pathname === TOKEN_PATH;
  const match = isToken ? undefined : matchRoute(sim.routes, method, url.pathname);
  const routeKey = isToken ? `${method} ${TOKEN_PATH}` : match && 'route' in match ? match.route.key : `${method} (unmatched)`;
  let logged = false;
  const record = (status: number, bytes: number, wireBytes = bytes) => {
    if (logged) return;
    logged = true;
    const durationMs = Math.round((performance.now() - startedAt) * 100) / 100;
    sim.log.record({ seq, method, path: url.pathname, query: url.search.slice(1), status, bytes, wireBytes, durationMs, headers: loggedHeaders(req.headers), body: body.value }, routeKey, isToken);
  };

  const requestId = `req-${sim.requestIds.hex(16)}`;
  const fault = sim.faults.take(method, url.pathname);
  const delay = sim.options.latencyMs + (fault?.delayMs ?? 0);
  if (delay > 0) await sleep(delay);
  if (fault && applyFault(sim, fault, requestId, req, res, record)) return;

  const reply = answer(sim, { method, url, match, body, authorization: req.headers.authorization }, requestId, isToken);
  const sent = sendEncoded(res, reply.status, reply.body, { 'x-request-id': requestId, ...reply.headers }, req.headers['accept-encoding']);
  record(reply.status, sent.bytes, sent.wireBytes);
}

function answer(sim: Sim, call: Incoming, requestId: string, isToken: boolean): Reply {
  try {
    sim.world.catchUp(sim.clock.now());
    if (isToken) {
      if (call.method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'use POST' } };
      return exchangeToken(sim.tokens, (call.body.value ?? {}) as Record<string, unknown>, call.authorization);
    }
    const prefix = sim.options.pathPrefix;
    if (call.url.pathname !== prefix && !call.url.pathname.startsWith(`${prefix}/`)) throw notFound(`no such path ${call.url.pathname}`);
    const verdict = sim.tokens.verify(call.authorization);
    if (!verdict.ok) throw new SimError(401, verdict.message);
    const match = call.match;
    if (!match) throw notFound(`no such path ${call.url.pathname}`);
    if ('methodNotAllowed' in match) throw new SimError(405, `method ${call.method} not allowed; use ${match.methodNotAllowed.join(' or ')}`);
    const project = match.params.project;
    if (project !== undefined && !canAccess(verdict.principal, project)) throw new SimError(403, `permission denied: the token has no access to project "${project}"`);
    if (call.body.invalid) throw badRequest('request body is not valid JSON');
    const body = match.route.handler(sim, { params: match.params, query: call.url.searchParams, body: call.body.value, now: sim.clock.now() });
    return { status: 200, body };
  } catch (error) {
    const status = error instanceof SimError ? error.status : 500;
    const message = error instanceof SimError ? error.message : `internal error: ${(error as Error).message}`;
    const headers = status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : undefined;
    return { status, body: errorBody(sim.errorMode, status, message, requestId), headers };
  }
}

/** Plays an injected fault; false when the fault only delays and the request continues normally. */
function applyFault(sim: Sim, fault: Fault, requestId: string, req: IncomingMessage, res: ServerResponse, record: (status: number, bytes: number) => void): boolean {
  if (fault.reset) {
    req.socket.destroy();
    record(0, 0);
    return true;
  }
  if (fault.hang) {
    res.on('close', () => record(0, 0));
    return true;
  }
  if (fault.malformed) {
    record(200, send(res, 200, '{"results": [{"id": "', { 'x-request-id': requestId }));
    return true;
  }
  if (fault.status === undefined) return false;
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  const body = fault.body !== undefined ? fault.body : errorBody(sim.errorMode, fault.status, `injected fault ${fault.id}`, requestId);
  record(fault.status, send(res, fault.status, body, headers));
  return true;
}
