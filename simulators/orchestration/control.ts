import type { IncomingMessage, ServerResponse } from 'node:http';
import { rfc3339 } from './clock.ts';
import { SimError, badRequest, notFound } from './errors.ts';
import { parseBody, readRaw, send } from './http-io.ts';
import { crash, exit, markReady } from './payloads.ts';
import { seedWorld } from './seed.ts';
import { allocationJson, payloadJson } from './serialize.ts';
import type { Sim } from './sim.ts';
import { TOKEN_PATH } from './token-endpoint.ts';

type Body = Record<string, unknown>;
type ControlRoute = [method: string, pattern: RegExp, run: (sim: Sim, m: string[], body: Body, query: URLSearchParams) => unknown];

const nonNegative = (v: unknown, name: string): number => {
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw badRequest(`${name} must be a non-negative number`);
  return v;
};

/** The off-contract control API under `/__sim/`: no auth, never logged or counted. */
const ROUTES: ControlRoute[] = [
  ['GET', /^\/__sim\/requests$/, (sim) => sim.log.requests()],
  ['GET', /^\/__sim\/counters$/, (sim) => sim.log.counters()],
  ['GET', /^\/__sim\/clock$/, (sim) => ({ now: rfc3339(sim.clock.now()) })],
  ['POST', /^\/__sim\/reset$/, (sim, _m, _b, query) => {
    sim.log.reset();
    sim.faults.clear();
    sim.errorMode = 'ims';
    if (query.get('data') === 'true') sim.world = seedWorld(sim.options, sim.options.projects, sim.clock.now());
    return {};
  }],
  ['POST', /^\/__sim\/advance$/, (sim, _m, body) => {
    sim.clock.advance(nonNegative(body.ms, 'ms') + nonNegative(body.ticks, 'ticks') * sim.options.stepMs);
    const ticks = sim.world.catchUp(sim.clock.now());
    return { now: rfc3339(sim.clock.now()), ticks };
  }],
  ['POST', /^\/__sim\/payloads\/([^/]+)\/([^/]+)\/([^/]+)\/(ready|crash|exit)$/, (sim, [, project, allocationId, payloadId, hook]) => {
    const now = sim.clock.now();
    sim.world.catchUp(now);
    const payload = sim.world.payload(sim.world.allocation(project, allocationId), payloadId);
    if (hook === 'ready') markReady(payload, now);
    else if (hook === 'crash') crash(payload, sim.world.tickTime, sim.world.options);
    else exit(payload, sim.world.tickTime, sim.world.options);
    return { result: payloadJson(payload) };
  }],
  ['POST', /^\/__sim\/allocations\/([^/]+)\/([^/]+)\/(error|recover)$/, (sim, [, project, allocationId, hook], body) => {
    sim.world.catchUp(sim.clock.now());
    const allocation = sim.world.allocation(project, allocationId);
    if (allocation.deleting) throw new SimError(409, `allocation ${allocationId} is being deleted`);
    if (hook === 'error') {
      allocation.errorHook = typeof body.details === 'string' ? body.details : 'simulated failure';
      allocation.state = 'Error';
      allocation.details = allocation.errorHook;
    } else if (allocation.errorHook !== undefined) {
      allocation.errorHook = undefined;
      allocation.settling = true;
      allocation.state = 'Updating';
      allocation.details = 'recovering';
    }
    return { result: allocationJson(allocation) };
  }],
  ['POST', /^\/__sim\/faults$/, (sim, _m, body) => ({ id: sim.faults.add(body) })],
  ['DELETE', /^\/__sim\/faults$/, (sim) => {
    sim.faults.clear();
    return {};
  }],
  ['POST', /^\/__sim\/error-mode$/, (sim, _m, body) => {
    if (body.mode !== 'ims' && body.mode !== 'grpc') throw badRequest('mode must be "ims" or "grpc"');
    sim.errorMode = body.mode;
    return { mode: sim.errorMode };
  }],
  ['POST', /^\/__sim\/tokens\/expire$/, (sim) => ({ expired: sim.tokens.expireAll() })],
  ['GET', /^\/__sim\/credentials$/, (sim) => {
    const { clientId, clientSecret, refreshToken } = sim.tokens.serviceAccount;
    return { serviceAccount: { clientId, clientSecret, refreshToken, tokenUrl: sim.origin + TOKEN_PATH }, userTokens: sim.tokens.userTokens };
  }],
];

const DOWNLOAD = /^\/__sim\/downloads\/([^/]+)\/([^/]+)\/(.+)$/;

export async function handleControlRequest(sim: Sim, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const method = req.method ?? 'GET';
  const parsed = parseBody(await readRaw(req), req.headers['content-type']);
  try {
    if (method === 'GET' && DOWNLOAD.test(url.pathname)) return download(sim, url.pathname, res);
    if (parsed.invalid) throw badRequest('request body is not valid JSON');
    const body = (typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : {}) as Body;
    for (const [m, pattern, run] of ROUTES) {
      const match = pattern.exec(url.pathname);
      if (match && m === method) return void send(res, 200, run(sim, match.map((s) => decodeURIComponent(s ?? '')), body, url.searchParams));
    }
    throw notFound(`no control route ${method} ${url.pathname}`);
  } catch (error) {
    const status = error instanceof SimError ? error.status : 500;
    send(res, status, { message: (error as Error).message });
  }
}

/** The artefact `download_url`: filler bytes of the recorded size. */
function download(sim: Sim, pathname: string, res: ServerResponse): void {
  const [, allocationId, payloadId, filePath] = DOWNLOAD.exec(pathname)!.map(decodeURIComponent);
  const artefact = sim.world.artefacts.get(allocationId, payloadId, filePath, sim.clock.now());
  if (!artefact) throw notFound(`artefact ${filePath} not found or expired`);
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(artefact.sizeBytes) });
  res.end(Buffer.alloc(artefact.sizeBytes, 0x2e));
}
