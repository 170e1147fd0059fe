import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dispatch } from './api/dispatch.ts';
import { handleControl } from './control/control-api.ts';
import { applyFault, sleep } from './control/fault-response.ts';
import { Faults } from './control/faults.ts';
import { loggedHeaders, RequestLog } from './control/request-log.ts';
import { parseBody, readBody } from './http/body.ts';
import { djangoServerErrorPage } from './http/html.ts';
import { QueryParams } from './http/query-params.ts';
import type { ApiResponse } from './http/types.ts';
import type { Simulation } from './simulation.ts';
import { encodeFor } from '../compression.ts';
import { countSocketBytes } from '../socket-bytes.ts';

/**
 * Writes an answer, compressed when the client asked (`acceptEncoding`); HEAD gets the same headers and no body.
 * Returns the body bytes before and after compression.
 */
function send(res: ServerResponse, response: ApiResponse, head: boolean, acceptEncoding?: string | string[]): { bytes: number; wireBytes: number } {
  const plain = response.json !== undefined ? Buffer.from(JSON.stringify(response.json)) : Buffer.from(response.text ?? '');
  const { body, encoding } = head ? { body: plain, encoding: undefined } : encodeFor(acceptEncoding, plain);
  const headers: Record<string, string | number> = { Vary: 'Accept-Language, Cookie, Accept-Encoding', ...response.headers };
  if (response.status !== 204 && response.status !== 304) {
    headers['Content-Type'] = response.contentType ?? 'application/json';
    headers['Content-Length'] = body.length;
    if (encoding) headers['Content-Encoding'] = encoding;
  }
  res.writeHead(response.status, headers);
  res.end(head ? undefined : body);
  return head ? { bytes: 0, wireBytes: 0 } : { bytes: plain.length, wireBytes: body.length };
}

export interface WaldurServer {
  server: Server;
  log: RequestLog;
  faults: Faults;
}

/** node:http front of the simulation: control routes, latency, faults, the API itself, and the request log. */
export function createWaldurServer(sim: Simulation, latencyMs: number): WaldurServer {
  const log = new RequestLog();
  const faults = new Faults();

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const raw = await readBody(req);
    let body: Record<string, unknown> = {};
    try {
      body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) ?? {} : {};
    } catch {
      send(res, { status: 400, json: { detail: 'Control request bodies are JSON.' } }, false);
      return;
    }
    const reply = await handleControl({ sim, log, faults }, req.method ?? 'GET', url.pathname.slice('/__sim/'.length).replace(/\/$/, ''), url.searchParams, body);
    send(res, { status: reply.status, json: reply.body }, false);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const rawQuery = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
    const parsed = parseBody(await readBody(req), req.headers['content-type']);
    let sent = { bytes: 0, wireBytes: 0 };
    res.on('close', () => log.record({
      method, path: url.pathname, query: rawQuery, status: res.headersSent ? res.statusCode : 0, ...sent,
      durationMs: Math.round((performance.now() - started) * 100) / 100, headers: loggedHeaders(req.headers), body: parsed.value ?? null,
    }));
    if (latencyMs > 0) await sleep(latencyMs);

    const fault = faults.take(method, url.pathname);
    const injected = fault ? await applyFault(fault, res) : undefined;
    if (injected === 'handled') return;
    let response = injected;
    if (!response) {
      const request = { method, path: url.pathname, query: new QueryParams(rawQuery), headers: req.headers, body: parsed.value, origin: `http://${req.headers.host ?? 'localhost'}` };
      try {
        response = await dispatch(request, sim, parsed.error);
      } catch (error) {
        process.emitWarning(`Waldur simulator: unhandled error on ${method} ${url.pathname}: ${(error as Error).stack}`);
        response = { status: 500, text: djangoServerErrorPage(), contentType: 'text/html; charset=utf-8' };
      }
    }
    sent = send(res, response, method === 'HEAD', req.headers['accept-encoding']);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const handle = url.pathname.startsWith('/__sim/') ? control(req, res, url) : api(req, res, url);
    handle.catch((error: Error) => {
      if (!res.headersSent) send(res, { status: 500, text: djangoServerErrorPage(), contentType: 'text/html; charset=utf-8' }, false);
      else res.destroy(error);
    });
  });
  countSocketBytes(server, (req) => !req.url?.startsWith('/__sim/'), (bytes) => log.addSocketBytes(bytes));
  return { server, log, faults };
}
