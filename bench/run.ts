/**
 * `npm run bench`: three reference screens, each answered four ways against the same simulators, in one run:
 *   junction: the gateway (field pushdown, batching, answers from the parent), over HTTP;
 *   mesh:     the peer: GraphQL Mesh's OpenAPI handler over the same OpenAPI document (bench/peer-mesh.ts),
 *             driven the way a Mesh client has to (one round trip per level, bench/peer-queries.ts);
 *   naive:    plain graphql-js resolvers, whole objects, one REST call per object (bench/naive.ts);
 *   direct:   the REST calls a hand-written client would make (bench/direct.ts) — the floor.
 * Upstream calls and bytes come from the Waldur simulator's /__sim/counters; wall time is the median of runs;
 * heap is the peak growth of this process's heap while a system runs its screen (gc'd before, sampled every 2 ms).
 * SIM_LATENCY_MS (default 2) is added by the simulator to every upstream response; BENCH_RUNS (default 30)
 * measured runs after BENCH_WARMUPS (default 20) unmeasured ones per system and screen.
 */
import { request } from 'undici';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createGateway } from '../src/server.ts';
import { startSimulators } from '../simulators/index.ts';
import { createDirect } from './direct.ts';
import { createNaive } from './naive.ts';
import { startMeshPeer } from './peer-mesh.ts';
import { createPeerClient, peerScenarios } from './peer-queries.ts';

const latencyMs = Number(process.env.SIM_LATENCY_MS ?? 2);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const warmups = Number(process.env.BENCH_WARMUPS ?? 20);

const QUERIES = {
  dashboard: `{ customers(first: 5) { totalCount nodes { uuid name projects(first: 3) { totalCount nodes { uuid name
    resources(first: 5) { totalCount nodes { name state project { name } offering { name type } } } } } } } }`,
  orders: `{ orders(first: 20) { totalCount nodes { uuid type state cost created project { uuid name } offering { name type } resource { uuid name } } } }`,
  projectPlans: `{ projects(first: 1) { nodes { name resources(first: 10) { nodes { name plan { name unit unitPrice }
    offering { name plans { name unit unitPrice } } } } } } }`,
} as const;

async function main() {
  const sims = await startSimulators({ latencyMs, orderStepMs: 3_600_000 });
  const config = loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', WALDUR_URL: sims.waldurUrl, ORCHESTRATION_URL: sims.orchestrationUrl,
    ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl, ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId,
    ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret, ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken,
    LINK_OFFERING_UUIDS: sims.waldur.orchestrationOfferingUuid,
  });
  const gateway = createGateway(config, { logger: createLogger('silent') });
  const url = await gateway.start();
  const token = sims.principals.find((p) => p.role === 'staff')!.waldurToken;
  const origin = new URL(sims.waldurUrl).origin;
  const control = async (method: 'GET' | 'POST', path: string) => (await request(`${origin}/__sim/${path}`, { method })).body.json() as Promise<any>;

  const junction = async (query: string) => {
    const response = await request(url, {
      method: 'POST', body: JSON.stringify({ query }),
      headers: { 'content-type': 'application/json', authorization: `Token ${token}` },
    });
    const body = (await response.body.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`junction: ${JSON.stringify(body.errors)}`);
  };
  const mesh = await startMeshPeer({ waldurUrl: sims.waldurUrl });
  const meshExecute = createPeerClient(mesh.url, `Token ${token}`);
  const meshScreens = peerScenarios();
  const naive = createNaive(sims.waldurUrl, token);
  const direct = createDirect(sims.waldurUrl, token);
  const systems: Record<string, Record<keyof typeof QUERIES, () => Promise<unknown>>> = {
    junction: { dashboard: () => junction(QUERIES.dashboard), orders: () => junction(QUERIES.orders), projectPlans: () => junction(QUERIES.projectPlans) },
    mesh: {
      dashboard: () => meshScreens.dashboard.run(meshExecute), orders: () => meshScreens.orders.run(meshExecute),
      projectPlans: () => meshScreens.projectPlans.run(meshExecute),
    },
    naive: {
      dashboard: () => naive.run(QUERIES.dashboard).then(check), orders: () => naive.run(QUERIES.orders).then(check),
      projectPlans: () => naive.run(QUERIES.projectPlans).then(check),
    },
    direct: { dashboard: direct.dashboard, orders: direct.orders, projectPlans: direct.projectPlans },
  };

  const rows: string[][] = [];
  for (const name of Object.keys(QUERIES) as Array<keyof typeof QUERIES>) {
    const measured: Record<string, { calls: number; bytes: number; ms: number; heapMb: number }> = {};
    for (const [system, screens] of Object.entries(systems)) {
      for (let i = 0; i < warmups; i++) await screens[name](); // warm up connections, the JIT and the simulator's caches
      await control('POST', 'reset');
      await screens[name]();
      const { total, bytes } = await control('GET', 'counters');
      const times: number[] = [];
      const heap = sampleHeap();
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await screens[name]();
        times.push(performance.now() - start);
      }
      measured[system] = { calls: total, bytes, ms: times.sort((a, b) => a - b)[Math.floor(times.length / 2)], heapMb: heap.stop() };
    }
    const base = measured.direct;
    for (const [system, m] of Object.entries(measured)) {
      const peer = measured.mesh;
      rows.push([name, system, String(m.calls), String(m.bytes), m.ms.toFixed(1), m.heapMb.toFixed(1),
        `${(m.calls / base.calls).toFixed(2)}×`, `${(m.bytes / base.bytes).toFixed(2)}×`, `${(m.ms / base.ms).toFixed(2)}×`,
        `${(m.calls / peer.calls).toFixed(2)}×`, `${(m.bytes / peer.bytes).toFixed(2)}×`, `${(m.ms / peer.ms).toFixed(2)}×`]);
    }
  }
  print([['query', 'system', 'calls', 'bytes', 'wall ms', 'heap MB', 'calls/direct', 'bytes/direct', 'time/direct', 'calls/mesh', 'bytes/mesh', 'time/mesh'], ...rows]);
  process.stdout.write(`\nSIM_LATENCY_MS=${latencyMs}, median of ${runs} runs after ${warmups} warm-ups, staff principal, seed 1, scale 1.\n`);
  await gateway.stop();
  await mesh.close();
  await sims.close();
}

/** Peak heap growth (MB) from now until stop(); needs --expose-gc for a clean baseline. */
function sampleHeap() {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      return (peak - baseline) / 1024 / 1024;
    },
  };
}

function check(result: unknown) {
  const { errors } = result as { errors?: unknown };
  if (errors) throw new Error(`naive: ${JSON.stringify(errors)}`);
}

function print(table: string[][]) {
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const [i, row] of table.entries()) {
    process.stdout.write(`${row.map((cell, j) => (j < 2 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ')}\n`);
    if (i === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
