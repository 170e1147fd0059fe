import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countSocketBytes } from '../socket-bytes.ts';
import { allocationRoutes } from './api-allocations.ts';
import { artefactRoutes } from './api-artefacts.ts';
import { handleApiRequest } from './api-handler.ts';
import { payloadRoutes } from './api-payloads.ts';
import { reservationRoutes } from './api-reservations.ts';
import { TokenStore, type UserToken } from './auth.ts';
import { SimClock } from './clock.ts';
import { handleControlRequest } from './control.ts';
import { FaultSet } from './faults.ts';
import { send } from './http-io.ts';
import { Rng, deriveSeed } from './random.ts';
import { RequestLog } from './request-log.ts';
import { compileRoutes } from './router.ts';
import { seedWorld, type SeedProject } from './seed.ts';
import type { ResolvedOptions, Sim } from './sim.ts';
import { gameServerSpec } from './spec.ts';
import { TOKEN_PATH } from './token-endpoint.ts';

export interface OrchestrationSimulatorOptions {
  port?: number;
  host?: string;
  /** Default `/api/v0`. */
  pathPrefix?: string;
  latencyMs?: number;
  seed?: number;
  /** Time per automatic payload step and per autoscaler tick; default 1000. */
  stepMs?: number;
  /** Starting payloads become Ready on their own (demo mode); default true. Off: tests call the ready hook. */
  autoReady?: boolean;
  /** How long a deleted payload stays visible in Shutdown; default 2 steps. */
  shutdownMs?: number;
  /** How long a Deleted allocation stays gettable; default 30 steps. */
  deletedGraceMs?: number;
  projects: SeedProject[];
  serviceAccount?: { clientId: string; clientSecret: string; refreshToken: string; accessTokenTtlSeconds?: number };
  userTokens?: UserToken[];
}

export interface OrchestrationSimulator {
  /** Origin + path prefix. */
  url: string;
  origin: string;
  tokenUrl: string;
  serviceAccount: { clientId: string; clientSecret: string; refreshToken: string };
  /** Creates an allocation with the default game-server spec (buffer 2, min 1, max 5); returns its id. */
  provisionAllocation(projectId: string, name: string): string;
  /** Creates an empty project (what the provider does for an "Orchestration project" order); returns its id. */
  provisionProject(): string;
  close(): Promise<void>;
}

const DEMO_ACCOUNT = { clientId: 'junction-sim', clientSecret: 'junction-sim-secret', refreshToken: 'junction-sim-refresh-token' };

function resolve(opts: OrchestrationSimulatorOptions): ResolvedOptions {
  const stepMs = opts.stepMs ?? 1000;
  if (!(stepMs > 0)) throw new Error('stepMs must be positive');
  return {
    pathPrefix: (opts.pathPrefix ?? '/api/v0').replace(/\/+$/, ''),
    latencyMs: opts.latencyMs ?? 0,
    seed: opts.seed ?? 1,
    stepMs,
    autoReady: opts.autoReady ?? true,
    shutdownMs: opts.shutdownMs ?? 2 * stepMs,
    deletedGraceMs: opts.deletedGraceMs ?? 30 * stepMs,
    projects: opts.projects,
  };
}

const urlHost = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host);

export async function startOrchestrationSimulator(opts: OrchestrationSimulatorOptions): Promise<OrchestrationSimulator> {
  const options = resolve(opts);
  const clock = new SimClock();
  const account = { ...DEMO_ACCOUNT, ...opts.serviceAccount, accessTokenTtlSeconds: opts.serviceAccount?.accessTokenTtlSeconds ?? 300 };
  const sim: Sim = {
    world: seedWorld(options, options.projects, clock.now()),
    clock,
    tokens: new TokenStore(clock, new Rng(deriveSeed(options.seed, 'tokens')), account, opts.userTokens ?? []),
    log: new RequestLog(),
    faults: new FaultSet(),
    errorMode: 'ims',
    options,
    origin: '',
    routes: compileRoutes(options.pathPrefix, [...allocationRoutes, ...payloadRoutes, ...artefactRoutes, ...reservationRoutes]),
    requestIds: new Rng(deriveSeed(options.seed, 'request-ids')),
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const handle = req.url?.startsWith('/__sim/') ? handleControlRequest : handleApiRequest;
    handle(sim, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `simulator failure: ${(error as Error).message}` });
      else res.destroy();
    });
  });
  countSocketBytes(server, (req) => !req.url?.startsWith('/__sim/'), (bytes) => sim.log.addSocketBytes(bytes));
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolveListen());
  });
  sim.origin = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;

  return {
    url: sim.origin + options.pathPrefix,
    origin: sim.origin,
    tokenUrl: sim.origin + TOKEN_PATH,
    serviceAccount: { clientId: account.clientId, clientSecret: account.clientSecret, refreshToken: account.refreshToken },
    provisionProject() {
      let id: string;
      do id = `project-${randomBytes(4).toString('hex')}`;
      while (sim.world.hasProject(id));
      sim.world.ensureProject(id);
      return id;
    },
    provisionAllocation(projectId, name) {
      const now = clock.now();
      sim.world.catchUp(now);
      return sim.world.createAllocation(projectId, { name, spec: gameServerSpec({ buffer: 2, min: 1, max: 5 }), metadata: null }, now).id;
    },
    close: () => new Promise<void>((resolveClose) => {
      server.close(() => resolveClose());
      // Hanging fault requests and keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
    }),
  };
}
