/**
 * `npm run bench:tracing`: the cost of tracing. Two gateways in this process on the same simulators (a child
 * process, so their CPU is not counted), one with tracing off and one exporting over OTLP/HTTP to a local sink (a
 * loopback server in a third process that accepts and drops every batch), answer the dashboard screen with BENCH_CONCURRENCY
 * (default 8) requests in flight for BENCH_SECONDS (default 5) each, in alternating rounds (BENCH_ROUNDS,
 * default 3). Reported: operations per second and this process's CPU time per operation (the gateway's own work,
 * which is what tracing adds to; it is far less disturbed by other load on the machine than wall-clock throughput).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createGateway } from '../src/server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
/** A stand-in OTLP/HTTP collector: accepts every batch, counts them (GET answers the count), keeps nothing. */
const SINK = `let batches = 0; const server = require('node:http').createServer((req, res) => {
  if (req.method === 'GET') return res.end(String(batches));
  req.resume(); req.on('end', () => { batches += 1; res.writeHead(200, { 'content-type': 'application/json' }).end('{}'); });
}); server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
const QUERY = `{ customers(first: 5) { totalCount nodes { uuid name projects(first: 3) { totalCount nodes { uuid name
  resources(first: 5) { totalCount nodes { name state project { name } offering { name type } } } } } } } }`;

async function main() {
  // The collector runs in its own process too: reading the exported batches is its work, not the gateway's.
  const sink = spawn(process.execPath, ['-e', SINK], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [sinkPort] = await createInterface({ input: sink.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
  const sinkUrl = `http://127.0.0.1:${sinkPort}/`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'simulate', '--json'], {
    env: { ...process.env, SIM_ORDER_STEP_MS: '3600000', SIM_LATENCY_MS: process.env.SIM_LATENCY_MS ?? '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [first] = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
  const sims = JSON.parse(first) as { waldurUrl: string; orchestrationUrl: string; orchestrationTokenUrl: string;
    serviceAccount: { clientId: string; clientSecret: string; refreshToken: string }; principals: Array<{ role: string; waldurToken: string }>; linkOfferingUuids: string[] };
  const env = {
    PORT: '0', LOG_LEVEL: 'silent', WALDUR_URL: sims.waldurUrl, ORCHESTRATION_URL: sims.orchestrationUrl,
    ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl, ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId,
    ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret, ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken,
    LINK_OFFERING_UUIDS: sims.linkOfferingUuids.join(','),
  };
  const off = createGateway(loadConfig(env), { logger: createLogger('silent') });
  const on = createGateway(loadConfig({ ...env, OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl }), { logger: createLogger('silent') });
  const urls = { off: await off.start(), on: await on.start() };
  const token = sims.principals.find((p) => p.role === 'staff')!.waldurToken;

  const run = async (url: string, ms: number) => {
    let done = 0;
    const cpu = process.cpuUsage();
    const until = performance.now() + ms;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const response = await request(url, { method: 'POST', body: JSON.stringify({ query: QUERY }), headers: { 'content-type': 'application/json', authorization: `Token ${token}` } });
        const body = (await response.body.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        done += 1;
      }
    }));
    const used = process.cpuUsage(cpu);
    return { rate: done / (ms / 1000), cpuMsPerOp: (used.user + used.system) / 1000 / done };
  };

  // Warm-up: JIT and keep-alive pools of both gateways, unmeasured.
  await run(urls.off, 3000);
  await run(urls.on, 3000);
  const totals = { off: { rate: 0, cpu: 0 }, on: { rate: 0, cpu: 0 } };
  for (let round = 0; round < rounds; round += 1) {
    for (const mode of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      const { rate, cpuMsPerOp } = await run(urls[mode], seconds * 1000);
      totals[mode].rate += rate / rounds;
      totals[mode].cpu += cpuMsPerOp / rounds;
      process.stdout.write(`round ${round + 1} tracing ${mode.padEnd(3)} ${rate.toFixed(1)} ops/s  ${cpuMsPerOp.toFixed(2)} ms CPU/op\n`);
    }
  }
  const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)} %`;
  process.stdout.write(`\ntracing off: ${totals.off.rate.toFixed(1)} ops/s, ${totals.off.cpu.toFixed(2)} ms CPU/op\n`);
  process.stdout.write(`tracing on:  ${totals.on.rate.toFixed(1)} ops/s, ${totals.on.cpu.toFixed(2)} ms CPU/op\n`);
  process.stdout.write(`cost of tracing: throughput ${pct(totals.on.rate, totals.off.rate)}, CPU per operation +${pct(totals.on.cpu, totals.off.cpu)} (OTLP batches exported: ${await (await request(sinkUrl)).body.text()})\n`);
  await Promise.all([off.stop(), on.stop()]);
  child.kill('SIGTERM');
  sink.kill('SIGTERM');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
