/**
 * One bench process (forked by bench/run.ts with an IPC channel), so each system's CPU is its own:
 *   `serve.ts simulators` — both simulators (SIM_LATENCY_MS, SIM_SCALE);
 *   `serve.ts junction`   — the gateway (compiled JavaScript from dist/ when built, else the TypeScript source);
 *   `serve.ts direct`     — a hand-written backend-for-frontend: GET /screen/<key> runs the direct REST calls;
 *   `serve.ts mesh`       — GraphQL Mesh; GET /screen/<key>?sparse=1 runs its client's rounds in-process (no socket
 *                           per round: this favours Mesh a little).
 * It sends `{ ready, ... }` once listening, answers `{ type: 'usage' }` with its CPU time and memory (`{ type: 'heap' }`
 * with the heap after a full collection, when started with --expose-gc), exits on
 * `{ type: 'stop' }`. Settings arrive in BENCH_SETTINGS (JSON).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDirectRest } from './direct-rest.ts';
import { SCENARIOS, type Fixture } from './scenarios.ts';

export interface ServeSettings {
  latencyMs: number;
  scale: number;
  compressed: boolean;
  upstreams?: { waldurUrl: string; orchestrationUrl: string; orchestrationTokenUrl: string; serviceAccount: { clientId: string; clientSecret: string; refreshToken: string }; linkOfferingUuids?: string[] };
  caller?: { waldurToken: string; orchestrationToken: string };
  fixture?: Fixture;
}

const settings = JSON.parse(process.env.BENCH_SETTINGS ?? '{}') as ServeSettings;
const send = (message: unknown) => process.send?.(message);

async function serveScreens(run: (key: string, sparse: boolean) => Promise<unknown>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const key = url.pathname.replace(/^\/screen\//, '');
    run(key, url.searchParams.get('sparse') === '1').then((data) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    }, (error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/screen/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function scenario(key: string) {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`unknown screen ${key}`);
  return found;
}

async function start(kind: string): Promise<{ info: Record<string, unknown>; close(): Promise<void> }> {
  const up = settings.upstreams!;
  switch (kind) {
    case 'simulators': {
      const { startSimulators } = await import('../simulators/index.ts');
      const sims = await startSimulators({ latencyMs: settings.latencyMs, scale: settings.scale, orderStepMs: 3_600_000 });
      const info = {
        waldurUrl: sims.waldurUrl, orchestrationUrl: sims.orchestrationUrl, orchestrationTokenUrl: sims.orchestrationTokenUrl,
        serviceAccount: sims.serviceAccount, principals: sims.principals, links: sims.waldur.links,
        linkOfferingUuids: [sims.waldur.orchestrationOfferingUuid],
      };
      return { info, close: () => sims.close() };
    }
    case 'junction': {
      // `npm run build` output, wherever its rootDir puts src/ (dist/src/ or dist/); else the TypeScript source.
      const built = ['../dist/src', '../dist'].find((dir) => existsSync(new URL(`${dir}/server.js`, import.meta.url)));
      const source = built ? { dir: built, ext: 'js' } : { dir: '../src', ext: 'ts' };
      const { createGateway } = await import(`${source.dir}/server.${source.ext}`) as typeof import('../src/server.ts');
      const { loadConfig } = await import(`${source.dir}/config.${source.ext}`) as typeof import('../src/config.ts');
      const { createLogger } = await import(`${source.dir}/logger.${source.ext}`) as typeof import('../src/logger.ts');
      // The gateway's own settings (NODE_ENV, …) pass through; the simulators' and the bench's knobs are not its.
      const own = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SIM|BENCH)_/.test(name)));
      const config = loadConfig({
        ...own, PORT: '0', LOG_LEVEL: 'silent', WALDUR_URL: up.waldurUrl, ORCHESTRATION_URL: up.orchestrationUrl,
        ORCHESTRATION_TOKEN_URL: up.orchestrationTokenUrl, ORCHESTRATION_CLIENT_ID: up.serviceAccount.clientId,
        ORCHESTRATION_CLIENT_SECRET: up.serviceAccount.clientSecret, ORCHESTRATION_REFRESH_TOKEN: up.serviceAccount.refreshToken,
        LINK_OFFERING_UUIDS: (up.linkOfferingUuids ?? []).join(','),
      });
      const gateway = createGateway(config, { logger: createLogger('silent') });
      return { info: { url: await gateway.start(), compiled: source.ext === 'js' }, close: () => gateway.stop() };
    }
    case 'direct': {
      const rest = createDirectRest({ ...up, ...settings.caller!, compressed: settings.compressed });
      const screens = await serveScreens((key) => scenario(key).direct(rest, settings.fixture!));
      return { info: { url: screens.url }, close: screens.close };
    }
    case 'mesh': {
      const { startMeshPeer } = await import('./peer-mesh.ts');
      const peer = await startMeshPeer({ waldurUrl: up.waldurUrl });
      const authorization = `Token ${settings.caller!.waldurToken}`;
      const screens = await serveScreens((key, sparse) => scenario(key).mesh!((query) => peer.execute(query, authorization), settings.fixture!, sparse));
      return { info: { url: screens.url }, close: async () => { await screens.close(); await peer.close(); } };
    }
    default: throw new Error(`unknown bench process ${kind}`);
  }
}

const running = await start(process.argv[2]);
let inspector: import('node:inspector').Session | undefined;

/** bench/profile.ts: a V8 CPU profile of the measured window only (no start-up, no warm-up). */
async function profile(type: string): Promise<unknown> {
  const { Session } = await import('node:inspector');
  const post = (method: string) => new Promise<any>((resolve, reject) => inspector!.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  if (type === 'profile-start') {
    inspector = new Session();
    inspector.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    return null;
  }
  const { profile: result } = await post('Profiler.stop');
  inspector?.disconnect();
  return result;
}
process.on('message', (message: { type: string }) => {
  if (message.type === 'usage') {
    const cpu = process.cpuUsage();
    send({ type: 'usage', cpuMs: (cpu.user + cpu.system) / 1000, rssBytes: process.memoryUsage().rss, heapBytes: process.memoryUsage().heapUsed });
  } else if (message.type === 'heap') {
    // bench/subscriptions.ts forks the gateway with --expose-gc: the heap that survives a full collection.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    send({ type: 'heap', heapBytes: process.memoryUsage().heapUsed, collected: gc !== undefined });
  } else if (message.type === 'profile-start' || message.type === 'profile-stop') {
    void profile(message.type).then((result) => send({ type: 'profile', result }));
  } else if (message.type === 'stop') {
    void running.close().finally(() => process.exit(0));
  }
});
// The bench died: do not outlive it.
process.on('disconnect', () => void running.close().finally(() => process.exit(0)));
send({ type: 'ready', ...running.info });
