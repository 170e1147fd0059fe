/**
 * `npm run bench`: the performance issue's table, measured side by side in one run. Every system runs in its own
 * process (bench/serve.ts) against one simulator process, so CPU time per operation is the serving process's own:
 *   junction    the gateway (NODE_ENV=production, compiled JavaScript when `npm run build` made dist/; 64 upstream
 *               connections per origin, as the direct client has);
 *   direct      a hand-written backend-for-frontend making the REST calls a careful client makes — the floor;
 *   mesh-field  GraphQL Mesh with `field:` passed by hand (the fair peer); mesh: Mesh as given.
 * Per screen and system: upstream calls and bytes per operation (decoded bodies, bodies on the wire, and whole exchanges
 * with their HTTP headers, which is where one call more or less shows), response bytes,
 * p50/p99 of sequential operations (the systems interleaved operation by operation), and with autocannon in a
 * separate process: operations/s at BENCH_CONNECTIONS connections and CPU ms per operation. Ratios are taken per
 * repetition and their median reported. Writes bench/results/latest.md and latest.json.
 * Knobs: SIM_LATENCY_MS (20), SIM_SCALE (20), BENCH_REPS (3), BENCH_OPS (20 sequential operations per system and
 * repetition), BENCH_WARMUP_OPS (15), BENCH_LOAD_SECONDS (3; 0 skips the load phase), BENCH_CONNECTIONS (50),
 * BENCH_SCENARIOS (comma-separated keys; `none` runs only the parts below), BENCH_COMPRESSION (1: upstreams and clients use
 * gzip/br), BENCH_LIVE (0 skips the live-query part, bench/live-queries.ts; BENCH_LIVE_WINDOW_S sets its measuring window),
 * BENCH_SUBSCRIPTIONS (0 skips the subscription fan-out part, bench/subscriptions.ts; BENCH_SUBSCRIPTIONS_WINDOW_S).
 * Each part replaces its own section of latest.md, so one part can be re-run alone.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { printLiveBench, runLiveBench } from './live-queries.ts';
import { forkBench, runLoad, type BenchProcess } from './processes.ts';
import { startBenchUpstreams } from './upstreams.ts';
import { renderMarkdown, summarise, type Measured } from './report.ts';
import { SCENARIOS, type Scenario } from './scenarios.ts';
import { printSubscriptionBench, runSubscriptionBench } from './subscriptions.ts';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const settings = {
  latencyMs: knob('SIM_LATENCY_MS', 20), scale: knob('SIM_SCALE', 20), reps: knob('BENCH_REPS', 3), ops: knob('BENCH_OPS', 20),
  warmups: knob('BENCH_WARMUP_OPS', 15), loadSeconds: knob('BENCH_LOAD_SECONDS', 3), connections: knob('BENCH_CONNECTIONS', 50),
  compressed: process.env.BENCH_COMPRESSION === '1',
};
const only = process.env.BENCH_SCENARIOS?.split(',').filter(Boolean);
const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.key));

interface System {
  name: 'junction' | 'direct' | 'mesh-field' | 'mesh';
  process: BenchProcess;
  applies(s: Scenario): boolean;
  target(s: Scenario): { url: string; method: 'GET' | 'POST'; body?: string; headers: Record<string, string> };
}

const agent = new Agent({ connections: 8 });
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function op(system: System, s: Scenario): Promise<{ ms: number; bytes: number }> {
  const { url, method, body, headers } = system.target(s);
  const started = performance.now();
  const response = await request(url, { method, body, headers, dispatcher: agent });
  const raw = Buffer.from(await response.body.arrayBuffer());
  const ms = performance.now() - started;
  const text = response.headers['content-encoding'] ? '' : raw.toString();
  if (response.statusCode !== 200 || text.includes('"errors"')) throw new Error(`${system.name} ${s.key}: ${response.statusCode} ${text.slice(0, 400)}`);
  return { ms, bytes: raw.length };
}

async function main() {
  const started = Date.now();
  if (scenarios.length === 0) return runParts(existsSync(LATEST_MD) ? readFileSync(LATEST_MD, 'utf8') : '');
  const { sims, staff, fixture } = await startBenchUpstreams(settings);
  const shared = { ...settings, upstreams: sims.info, caller: staff, fixture };
  const [junction, direct, mesh] = await Promise.all([
    forkBench('junction', shared, { NODE_ENV: 'production', UPSTREAM_CONNECTIONS: '64', UPSTREAM_COMPRESSION: String(settings.compressed), COMPRESS_RESPONSES: String(settings.compressed) }),
    forkBench('direct', shared),
    forkBench('mesh', shared),
  ]);
  log(`junction runs ${junction.info.compiled ? 'compiled JavaScript (dist/)' : 'TypeScript through tsx (no dist/: run npm run build)'}`);
  const accept: Record<string, string> = settings.compressed ? { 'accept-encoding': 'gzip, br' } : {};
  const screen = (p: BenchProcess, query = '') => (s: Scenario) => ({ url: `${p.info.url}${s.key}${query}`, method: 'GET' as const, headers: accept });
  const systems: System[] = [
    {
      name: 'junction', process: junction, applies: () => true,
      target: (s) => ({
        url: junction.info.url as string, method: 'POST', body: JSON.stringify({ query: s.junction(fixture) }),
        headers: { 'content-type': 'application/json', authorization: `Token ${staff.waldurToken}`, ...accept },
      }),
    },
    { name: 'direct', process: direct, applies: () => true, target: screen(direct) },
    { name: 'mesh-field', process: mesh, applies: (s) => !!s.mesh, target: screen(mesh, '?sparse=1') },
    { name: 'mesh', process: mesh, applies: (s) => !!s.mesh, target: screen(mesh, '?sparse=0') },
  ];
  const upstreamControl = async (method: 'GET' | 'POST', path: string) => Promise.all(
    [sims.info.waldurUrl, sims.info.orchestrationUrl].map(async (base) => (await request(`${new URL(base as string).origin}/__sim/${path}`, { method })).body.json() as Promise<any>));

  // Autocannon stops with requests in flight: the upstreams drain them before the next measurement starts, so that
  // measurement's first operations do not wait behind them (they were p99 spikes of a second and more).
  const settle = async () => {
    const total = async () => (await upstreamControl('GET', 'counters')).reduce((n, c) => n + c.total, 0);
    let last = await total();
    for (let waited = 0; waited < 5_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await total();
      if (now === last) return;
      last = now;
    }
  };

  const measured: Measured[] = [];
  for (const s of scenarios) {
    for (const system of systems.filter((x) => x.applies(s))) {
      for (let i = 0; i < settings.warmups; i++) await op(system, s);
      await upstreamControl('POST', 'reset');
      const { bytes: responseBytes } = await op(system, s);
      const counters = await upstreamControl('GET', 'counters');
      measured.push({
        scenario: s.key, system: system.name, calls: counters.reduce((n, c) => n + c.total - (c.tokenCalls ?? 0), 0),
        bytes: counters.reduce((n, c) => n + c.bytes, 0), wireBytes: counters.reduce((n, c) => n + (c.wireBytes ?? c.bytes), 0),
        socketBytes: counters.reduce((n, c) => n + c.socketBytes, 0),
        responseBytes, reps: [],
      });
    }
    log(`${s.key}: warmed up, traffic counted`);
  }
  const find = (s: Scenario, name: string) => measured.find((m) => m.scenario === s.key && m.system === name)!;

  for (let rep = 0; rep < settings.reps; rep++) {
    for (const s of scenarios) {
      const order = rotate(systems.filter((x) => x.applies(s)), rep);
      const times = new Map<string, number[]>(order.map((x) => [x.name, []]));
      const cpuBefore = await Promise.all(order.map((x) => x.process.usage()));
      for (let i = 0; i < settings.ops; i++) for (const x of order) times.get(x.name)!.push((await op(x, s)).ms);
      const cpuAfter = await Promise.all(order.map((x) => x.process.usage()));
      order.forEach((x, i) => {
        const sorted = times.get(x.name)!.sort((a, b) => a - b);
        const row = { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), cpuSeqMs: (cpuAfter[i].cpuMs - cpuBefore[i].cpuMs) / settings.ops, opsPerSec: NaN, cpuMs: NaN };
        find(s, x.name).reps.push(row);
      });
      // Both Mesh variants share a process: their sequential CPU is the pair's.
      if (order.some((x) => x.name === 'mesh')) for (const r of [find(s, 'mesh').reps.at(-1)!, find(s, 'mesh-field').reps.at(-1)!]) r.cpuSeqMs = NaN;
      if (settings.loadSeconds > 0) {
        for (const x of order) {
          const before = await x.process.usage();
          const load = await runLoad({ ...x.target(s), connections: settings.connections, seconds: settings.loadSeconds });
          const after = await x.process.usage();
          const rep = find(s, x.name).reps.at(-1)!;
          rep.opsPerSec = load.ok / load.seconds;
          rep.cpuMs = load.ok ? (after.cpuMs - before.cpuMs) / load.ok : NaN;
          if (load.errors) log(`${x.name} ${s.key}: ${load.errors} failed requests under load`);
          await settle();
        }
      }
      log(`rep ${rep + 1}/${settings.reps} ${s.key}: done`);
    }
  }

  const junctionMemory = await junction.usage();
  const summary = summarise(measured, scenarios, settings);
  const meta = {
    date: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000), settings, node: process.version,
    junctionCompiled: junction.info.compiled, junctionRssMb: junctionMemory.rssBytes / 2 ** 20,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify({ meta, summary, measured }, null, 2)}\n`);
  const markdown = renderMarkdown(meta, summary, measured, scenarios);
  writeFileSync(new URL('./results/latest.md', import.meta.url), markdown);
  process.stdout.write(markdown);
  await Promise.all([junction, direct, mesh, sims].map((p) => p.stop()));
  await agent.close();
  await runParts(markdown);
}

const LATEST_MD = new URL('./results/latest.md', import.meta.url);

/**
 * Live queries (bench/live-queries.ts: polls/s and heap for 1,000 clients on 10 live queries) and subscription fan-out
 * (bench/subscriptions.ts: 1,000 subscribers on 10 orders), each replacing its section of latest.md.
 */
async function runParts(markdown: string): Promise<void> {
  let text = markdown;
  if (process.env.BENCH_LIVE !== '0') text = withSection(text, printLiveBench(await runLiveBench()));
  if (process.env.BENCH_SUBSCRIPTIONS !== '0') text = withSection(text, printSubscriptionBench(await runSubscriptionBench()));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(LATEST_MD, text);
}

/** Replaces the section with the same heading (up to its colon) and everything to the next `## ` heading, or appends it. */
function withSection(markdown: string, section: string): string {
  const heading = section.slice(0, section.indexOf(':') + 1);
  const at = markdown.indexOf(`\n${heading}`);
  if (at < 0) return `${markdown}\n${section}`;
  const next = markdown.indexOf('\n## ', at + 1);
  return `${markdown.slice(0, at + 1)}${section}${next < 0 ? '' : markdown.slice(next)}`;
}

function rotate<T>(items: T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
