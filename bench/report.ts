/** The bench's numbers → ratios (median of per-repetition ratios), the issue's targets, and the Markdown report. */
import type { Scenario } from './scenarios.ts';

export interface Rep { p50: number; p99: number; cpuSeqMs: number; opsPerSec: number; cpuMs: number }

export interface Measured {
  scenario: string;
  system: string;
  /** Upstream calls and bytes (decoded bodies, and as sent on the wire) for one operation. */
  calls: number;
  bytes: number;
  wireBytes: number;
  /** Both directions of every upstream exchange, HTTP request and response headers included. */
  socketBytes: number;
  /** Bytes of the answer the client received (on the wire). */
  responseBytes: number;
  reps: Rep[];
}

export interface Ratio { median: number; min: number; max: number }
export interface ScenarioSummary {
  scenario: string;
  vsDirect: { p50: Ratio; cpu: Ratio; ops: Ratio };
  vsMeshField?: { bytes: number; socketBytes: number; p50: Ratio; ops: Ratio };
  misses: string[];
}

const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function ratio(a: Measured, b: Measured, pick: (r: Rep) => number): Ratio {
  const values = a.reps.map((r, i) => pick(r) / pick(b.reps[i])).filter(Number.isFinite);
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function summarise(measured: Measured[], scenarios: Scenario[], settings: { loadSeconds: number }): ScenarioSummary[] {
  return scenarios.map((s) => {
    const of = (system: string) => measured.find((m) => m.scenario === s.key && m.system === system);
    const junction = of('junction')!;
    const direct = of('direct')!;
    const meshField = of('mesh-field');
    const summary: ScenarioSummary = {
      scenario: s.key,
      vsDirect: { p50: ratio(junction, direct, (r) => r.p50), cpu: ratio(junction, direct, (r) => r.cpuMs), ops: ratio(junction, direct, (r) => r.opsPerSec) },
      vsMeshField: meshField && { bytes: junction.bytes / meshField.bytes, socketBytes: junction.socketBytes / meshField.socketBytes, p50: ratio(junction, meshField, (r) => r.p50), ops: ratio(junction, meshField, (r) => r.opsPerSec) },
      misses: [],
    };
    const miss = (ok: boolean, text: string) => { if (!ok) summary.misses.push(text); };
    miss(summary.vsDirect.p50.median <= 1.1, 'p50 ≤ 1.10× direct');
    if (settings.loadSeconds > 0) {
      miss(summary.vsDirect.cpu.median <= 2, 'CPU/op ≤ 2× direct');
      miss(summary.vsDirect.ops.median >= 0.8, 'ops/s ≥ 0.8× direct');
    }
    if (summary.vsMeshField) {
      miss(summary.vsMeshField.bytes <= 1, 'bytes ≤ 1.0× Mesh-with-field=');
      miss(summary.vsMeshField.p50.median <= 0.9, 'p50 ≤ 0.9× Mesh-with-field=');
      if (settings.loadSeconds > 0) miss(summary.vsMeshField.ops.median >= 1.5, 'ops/s ≥ 1.5× Mesh-with-field=');
    }
    return summary;
  });
}

const x = (r: Ratio) => (Number.isFinite(r.median) ? `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})` : '—');
const num = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

export function renderMarkdown(meta: Record<string, any>, summary: ScenarioSummary[], measured: Measured[], scenarios: Scenario[]): string {
  const title = (key: string) => scenarios.find((s) => s.key === key)?.title ?? key;
  const lines = [
    `# Junction bench — ${meta.date}`,
    '',
    `SIM_LATENCY_MS=${meta.settings.latencyMs}, SIM_SCALE=${meta.settings.scale}, ${meta.settings.reps} repetitions × ${meta.settings.ops} sequential operations per system `
      + `(interleaved operation by operation), load ${meta.settings.loadSeconds} s at ${meta.settings.connections} connections (autocannon, own process), `
      + `compression ${meta.settings.compressed ? 'on' : 'off'}; Junction ${meta.junctionCompiled ? 'compiled JavaScript' : 'TypeScript via tsx'}, NODE_ENV=production, `
      + `Node ${meta.node}; ${meta.seconds} s; Junction RSS at the end ${num(meta.junctionRssMb, 0)} MB.`,
    '',
    '## Junction against the references (median of per-repetition ratios, range in brackets)',
    '',
    '| scenario | p50 vs direct REST | CPU/op vs direct REST | ops/s vs direct REST | bytes vs Mesh-with-field= | exchange bytes vs Mesh-with-field= | p50 vs Mesh-with-field= | ops/s vs Mesh-with-field= |',
    '|---|---|---|---|---|---|---|---|',
    ...summary.map((s) => `| ${title(s.scenario)} | ${x(s.vsDirect.p50)} | ${x(s.vsDirect.cpu)} | ${x(s.vsDirect.ops)} | `
      + `${s.vsMeshField ? `${s.vsMeshField.bytes.toFixed(2)}×` : '—'} | ${s.vsMeshField ? `${s.vsMeshField.socketBytes.toFixed(2)}×` : '—'} | ${s.vsMeshField ? x(s.vsMeshField.p50) : '—'} | ${s.vsMeshField ? x(s.vsMeshField.ops) : '—'} |`),
    '',
    '## Per system (medians over repetitions)',
    '',
    '| scenario | system | calls/op | upstream bytes/op | on the wire | exchanges incl. headers | response bytes | p50 ms | p99 ms | ops/s | CPU ms/op (load) | CPU ms/op (sequential) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...measured.map((m) => `| ${m.scenario} | ${m.system} | ${m.calls} | ${m.bytes} | ${m.wireBytes} | ${m.socketBytes} | ${m.responseBytes} | `
      + `${num(median(m.reps.map((r) => r.p50)))} | ${num(median(m.reps.map((r) => r.p99)))} | ${num(median(m.reps.map((r) => r.opsPerSec)), 0)} | `
      + `${num(median(m.reps.map((r) => r.cpuMs)), 2)} | ${num(median(m.reps.map((r) => r.cpuSeqMs)), 2)} |`),
    '',
    '## Targets not met',
    '',
    ...(summary.some((s) => s.misses.length) ? summary.filter((s) => s.misses.length).map((s) => `- ${title(s.scenario)}: ${s.misses.join('; ')}`) : ['- none']),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
