/**
 * `npm run bench:ab -- <other checkout>`: this checkout's gateway against another's (e.g. a worktree of main), both
 * compiled (`npm run build` in each), on one simulator process, with load bursts alternating between them so a busy
 * machine slows both alike. Prints CPU ms per operation and operations/s per screen, and their ratio (this / other).
 * Knobs: BENCH_SCENARIOS (orders,dashboard), SIM_LATENCY_MS (0), SIM_SCALE (20), AB_BURSTS (8), AB_BURST_SECONDS (2),
 * BENCH_CONNECTIONS (20), AB_OTHER_ENV (settings for the other gateway only, e.g. `COMPILED_EXECUTION=false`; with `.`
 * as the other checkout this compares one setting).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { forkBench, runLoad, type BenchProcess } from './processes.ts';
import { SCENARIOS } from './scenarios.ts';
import { startBenchUpstreams } from './upstreams.ts';

const other = process.argv[2];
if (!other) throw new Error('usage: npm run bench:ab -- <path of the other checkout>');
const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const keys = (process.env.BENCH_SCENARIOS ?? 'orders,dashboard').split(',');
const settings = { latencyMs: knob('SIM_LATENCY_MS', 0), scale: knob('SIM_SCALE', 20), compressed: false };
const { sims, staff, fixture } = await startBenchUpstreams(settings);
const shared = { ...settings, upstreams: sims.info, caller: staff, fixture };
const otherEnv = Object.fromEntries((process.env.AB_OTHER_ENV ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
const otherServe = pathToFileURL(resolve(other, 'bench/serve.ts'));
const systems: Array<{ name: string; process: BenchProcess }> = [
  { name: 'this', process: await forkBench('junction', shared, { NODE_ENV: 'production' }) },
  { name: 'other', process: await forkBench('junction', shared, { NODE_ENV: 'production', ...otherEnv }, [], otherServe) },
];
for (const s of systems) if (!s.process.info.compiled) throw new Error(`${s.name} runs TypeScript: run npm run build there first`);

for (const key of keys) {
  const scenario = SCENARIOS.find((s) => s.key === key)!;
  const totals = new Map(systems.map((s) => [s.name, { cpuMs: 0, ok: 0, seconds: 0 }]));
  for (let burst = -1; burst < knob('AB_BURSTS', 8); burst++) {
    for (const s of burst % 2 ? systems : [...systems].reverse()) {
      const target = {
        url: s.process.info.url as string, method: 'POST', body: JSON.stringify({ query: scenario.junction(fixture) }),
        headers: { 'content-type': 'application/json', authorization: `Token ${staff.waldurToken}` },
      };
      const before = await s.process.usage();
      const load = await runLoad({ ...target, connections: knob('BENCH_CONNECTIONS', 20), seconds: knob('AB_BURST_SECONDS', 2) });
      const after = await s.process.usage();
      if (burst < 0) continue; // warm-up
      const t = totals.get(s.name)!;
      t.cpuMs += after.cpuMs - before.cpuMs;
      t.ok += load.ok;
      t.seconds += load.seconds;
    }
  }
  const [a, b] = systems.map((s) => totals.get(s.name)!);
  const cpu = (t: typeof a) => t.cpuMs / t.ok;
  const rate = (t: typeof a) => t.ok / t.seconds;
  process.stdout.write(`${key}: CPU ms/op this ${cpu(a).toFixed(2)} other ${cpu(b).toFixed(2)} (×${(cpu(a) / cpu(b)).toFixed(2)}); ops/s this ${rate(a).toFixed(0)} other ${rate(b).toFixed(0)} (×${(rate(a) / rate(b)).toFixed(2)})\n`);
}
await Promise.all([...systems.map((s) => s.process.stop()), sims.stop()]);
