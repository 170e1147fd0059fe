/**
 * `npm run bench:profile`: where the gateway's CPU goes under load. Forks the simulators and Junction (compiled
 * dist/ when built) as `npm run bench` does, runs autocannon against one screen, then reads Junction's V8 CPU
 * profile (the inspector's Profiler, over the load window only) and prints the top self-time functions and the share of each package.
 * Knobs: BENCH_SCENARIOS (first key; orders), SIM_LATENCY_MS (0), SIM_SCALE (20), BENCH_LOAD_SECONDS (10),
 * BENCH_CONNECTIONS (50), PROFILE_TOP (25). The raw profile stays in bench/results/profile/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { forkBench, runLoad } from './processes.ts';
import { SCENARIOS } from './scenarios.ts';
import { startBenchUpstreams } from './upstreams.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const key = process.env.BENCH_SCENARIOS?.split(',')[0] || 'orders';
const scenario = SCENARIOS.find((s) => s.key === key) ?? (() => { throw new Error(`unknown scenario ${key}`); })();
const dir = fileURLToPath(new URL('./results/profile/', import.meta.url));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const settings = { latencyMs: knob('SIM_LATENCY_MS', 0), scale: knob('SIM_SCALE', 20), compressed: false };
const { sims, staff, fixture } = await startBenchUpstreams(settings);
const junction = await forkBench('junction', { ...settings, upstreams: sims.info, caller: staff, fixture }, { NODE_ENV: 'production' });
const target = {
  url: junction.info.url as string, method: 'POST', body: JSON.stringify({ query: scenario.junction(fixture) }),
  headers: { 'content-type': 'application/json', authorization: `Token ${staff.waldurToken}` },
};
await runLoad({ ...target, connections: knob('BENCH_CONNECTIONS', 50), seconds: 2 });
await junction.ask({ type: 'profile-start' }, 'profile');
const before = await junction.usage();
const load = await runLoad({ ...target, connections: knob('BENCH_CONNECTIONS', 50), seconds: knob('BENCH_LOAD_SECONDS', 10) });
const after = await junction.usage();
const { result: profile } = await junction.ask<{ result: CpuProfile }>({ type: 'profile-stop' }, 'profile');
await Promise.all([junction.stop(), sims.stop()]);
writeFileSync(`${dir}junction.cpuprofile`, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, micros] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '');
  const pkg = !url ? functionName || '(native)' : url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0]
    : url.startsWith('node:internal') ? url.split('/').slice(0, 3).join('/') : url.includes('/node_modules/') ? where.split('/').slice(0, where.startsWith('@') ? 2 : 1).join('/') : 'junction:' + where.split('/dist/')[1]?.split('/').slice(0, 2).join('/');
  const name = `${functionName || '(anonymous)'} ${where.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + micros);
  packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
}
const pct = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, micros]) => `${pct(micros)}  ${name}`).join('\n');
process.stdout.write(`# ${scenario.title}: ${(load.ok / load.seconds).toFixed(0)} ops/s, ${((after.cpuMs - before.cpuMs) / load.ok).toFixed(2)} CPU ms/op (SIM_LATENCY_MS=${settings.latencyMs})\n\n`);
process.stdout.write(`## By package\n${top(packages, 20)}\n\n## Top functions (self time)\n${top(functions, knob('PROFILE_TOP', 25))}\n`);
