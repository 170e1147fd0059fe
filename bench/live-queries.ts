/**
 * Live queries at scale: 1,000 graphql-ws clients on 10 distinct live dashboard queries (one per linked project:
 * resources → allocation → payloads). Measures upstream polls per second (both simulators' request counters over
 * a window) and the gateway's heap growth, with 10 clients (one per query) and with 1,000, on the same gateway.
 * The clients run in a child process (bench/live-clients.ts), so the heap measured is the gateway's alone.
 * BENCH_LIVE_WINDOW_S (default 20) is the measuring window; POLL_INTERVAL_MS is the gateway's (default 2000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createGateway } from '../src/server.ts';
import { startSimulators } from '../simulators/index.ts';

const DASHBOARD = `query LiveDashboard($uuid: String!) @live {
  project(uuid: $uuid) { name resources(first: 25) { nodes { uuid name state
    allocation { allocationId status payloads { payloadId state address ports { name port } labels { key value } } } } } }
}`;

export interface LiveBenchRow { clients: number; queries: number; watchedReads: number; pollsPerSecond: number; heapMb: number }

export async function runLiveBench({ windowS = Number(process.env.BENCH_LIVE_WINDOW_S ?? 20), pollMs = process.env.POLL_INTERVAL_MS ?? '2000' } = {}) {
  const sims = await startSimulators({ latencyMs: 2, orderStepMs: 3_600_000, scale: 3 });
  const config = loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', POLL_INTERVAL_MS: pollMs, MAX_WATCHED_PER_CALLER: '10000', WALDUR_URL: sims.waldurUrl, ORCHESTRATION_URL: sims.orchestrationUrl,
    ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl, ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId,
    ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret, ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken,
    LINK_OFFERING_UUIDS: sims.waldur.orchestrationOfferingUuid,
  });
  const gateway = createGateway(config, { logger: createLogger('silent') });
  const url = await gateway.start();
  const token = sims.principals.find((p) => p.role === 'staff')!.waldurToken;
  const projects = sims.waldur.links.filter((l) => l.allocations.length > 0).slice(0, 10).map((l) => ({ uuid: l.waldurProjectUuid }));
  if (projects.length < 10) throw new Error(`live bench: only ${projects.length} linked projects with allocations`);
  const origins = [sims.waldurUrl, sims.orchestrationUrl].map((u) => new URL(u).origin);
  const polls = async () => {
    let total = 0;
    for (const origin of origins) total += ((await (await request(`${origin}/__sim/counters`)).body.json()) as { total: number }).total;
    return total;
  };
  const rows: LiveBenchRow[] = [];
  try {
    for (const clients of [10, 1000]) {
      heap();
      const before = heap();
      const child = await startClients(url.replace(/^http/, 'ws'), token, projects, clients);
      try {
        // Let the first executions settle, then count polls over the window.
        await new Promise((r) => setTimeout(r, Number(pollMs) * 2));
        const start = await polls();
        await new Promise((r) => setTimeout(r, windowS * 1000));
        const pollsPerSecond = ((await polls()) - start) / windowS;
        const after = heap();
        const metrics = await (await request(url.replace(/\/graphql$/, '/metrics'))).body.text();
        rows.push({ clients, queries: gauge(metrics, 'junction_live_queries'), watchedReads: gauge(metrics, 'junction_live_watched_reads'), pollsPerSecond, heapMb: (after - before) / 1024 / 1024 });
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
        await new Promise((r) => setTimeout(r, Number(pollMs) * 2));
      }
    }
  } finally {
    await gateway.stop();
    await sims.close();
  }
  return rows;
}

function heap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

function gauge(metrics: string, name: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : Number.NaN;
}

function startClients(url: string, token: string, variables: Array<Record<string, unknown>>, clients: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./live-clients.ts', import.meta.url).pathname], {
    env: { ...process.env, LIVE_URL: url, LIVE_TOKEN: token, LIVE_QUERY: DASHBOARD, LIVE_VARIABLES: JSON.stringify(variables), CLIENTS: String(clients) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('live bench: the clients did not all get a first result within 120 s')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (!match) return;
      clearTimeout(timer);
      if (match[1] !== '0') reject(new Error(`live bench: ${match[1]} clients got errors`));
      else resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`live bench: the clients exited with ${code}`)));
  });
}

/** The live-query table as markdown; also written to stdout. */
export function printLiveBench(rows: LiveBenchRow[], pollMs = process.env.POLL_INTERVAL_MS ?? '2000'): string {
  const lines = [
    '## Live queries: 10 distinct live dashboard queries (bench/live-queries.ts)',
    '',
    '| clients | live executions | watched reads | upstream polls/s | gateway heap growth MB |',
    '|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.clients} | ${r.queries} | ${r.watchedReads} | ${r.pollsPerSecond.toFixed(2)} | ${r.heapMb.toFixed(1)} |`),
    '',
    `Each live query: one linked project's resources → allocation → payloads (state, address, ports, labels), staff principal,`,
    `simulator scale 3, SIM_LATENCY_MS=2, POLL_INTERVAL_MS=${pollMs} (stretched up to 4x while nothing changes). Polls: both`,
    'simulators\' request counters over the window. Heap: growth of the gateway process\'s heap (gc\'d) with the clients',
    'connected; the clients run in a child process.',
    '',
  ];
  const text = lines.join('\n');
  process.stdout.write(`\n${text}`);
  return text;
}
