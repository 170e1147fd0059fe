/**
 * Subscription fan-out: graphql-ws subscribers to `orderUpdated` on 10 orders, selecting the order's linked resource
 * (`resource { name state }`: the state is not on the order, so resolving it reads the resource). With 10 subscribers
 * (one per order) and with 1,000, each on fresh orders of the same gateway, it reports the upstream calls made while
 * they subscribe (until every one has its first event), the calls from a change of every order until every subscriber
 * has it, upstream polls/s over a quiet window, and the gateway's heap growth per subscription (gc'd, KiB).
 * The gateway runs in its own process (bench/serve.ts: compiled JavaScript when `npm run build` made dist/, with
 * --expose-gc), the simulators in another and the clients in a third (bench/live-clients.ts): the heap is the gateway's.
 * BENCH_SUBSCRIPTIONS_WINDOW_S (default 10) is the polling window; POLL_INTERVAL_MS the gateway's (2000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { forkBench, type BenchProcess } from './processes.ts';

const SUBSCRIPTION = 'subscription OrderWatch($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state resource { name state } } }';
const ORDERS_PER_ROUND = 10;

export interface SubscriptionBenchRow {
  subscribers: number; orders: number; subscribeCalls: number; eventCalls: number; pollsPerSecond: number; heapMb: number; heapKiBPerSubscription: number;
}

export async function runSubscriptionBench({
  windowS = Number(process.env.BENCH_SUBSCRIPTIONS_WINDOW_S ?? 10), pollMs = process.env.POLL_INTERVAL_MS ?? '2000', rounds = [10, 1000],
} = {}): Promise<SubscriptionBenchRow[]> {
  const settings = { latencyMs: 2, scale: 3, compressed: false };
  const sims = await forkBench('simulators', settings);
  const { info } = sims;
  const gateway = await forkBench('junction', { ...settings, upstreams: info }, { NODE_ENV: 'production', POLL_INTERVAL_MS: pollMs, MAX_WATCHED_PER_CALLER: '10000' }, ['--expose-gc']);
  const url = gateway.info.url as string;
  compiled = gateway.info.compiled === true;
  const token = (info.principals as Array<{ role: string; waldurToken: string }>).find((p) => p.role === 'staff')!.waldurToken;
  const control = async (service: 'waldurUrl' | 'orchestrationUrl', method: 'GET' | 'POST', path: string, body?: unknown) =>
    (await request(`${new URL(info[service]).origin}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } })).body.json() as Promise<any>;
  const calls = async () => {
    let total = 0;
    for (const service of ['waldurUrl', 'orchestrationUrl'] as const) {
      const counters = await control(service, 'GET', 'counters');
      total += counters.total - (counters.tokenCalls ?? 0);
    }
    return total;
  };
  const rows: SubscriptionBenchRow[] = [];
  try {
    const orders = await openOrders(url, token, ORDERS_PER_ROUND * rounds.length);
    // Warm-up (first-use allocations are not per subscription): the first round's orders, never advanced.
    await (await startClients(url.replace(/^http/, 'ws'), token, orders.slice(0, ORDERS_PER_ROUND).map((uuid) => ({ uuid })), ORDERS_PER_ROUND)).stop();
    await sleep(Number(pollMs));
    for (const [round, subscribers] of rounds.entries()) {
      const watched = orders.slice(round * ORDERS_PER_ROUND, (round + 1) * ORDERS_PER_ROUND);
      const before = await heap(gateway);
      const start = await calls();
      const clients = await startClients(url.replace(/^http/, 'ws'), token, watched.map((uuid) => ({ uuid })), subscribers);
      try {
        const subscribeCalls = (await calls()) - start;
        // Let the first polls settle, then count polls over a quiet window.
        await sleep(Number(pollMs) * 2);
        const windowStart = await calls();
        await sleep(windowS * 1000);
        const pollsPerSecond = ((await calls()) - windowStart) / windowS;
        const after = await heap(gateway);
        const beforeEvent = await calls();
        const seen = clients.seen(2);
        for (const uuid of watched) await control('waldurUrl', 'POST', 'advance', { order: uuid });
        await seen;
        const eventCalls = (await calls()) - beforeEvent;
        rows.push({ subscribers, orders: watched.length, subscribeCalls, eventCalls, pollsPerSecond, heapMb: (after - before) / 2 ** 20, heapKiBPerSubscription: (after - before) / 1024 / subscribers });
      } finally {
        await clients.stop();
        await sleep(Number(pollMs));
      }
    }
  } finally {
    await gateway.stop();
    await sims.stop();
  }
  return rows;
}

/** Whether the last run's gateway ran compiled JavaScript (dist/), for the table's notes. */
let compiled = false;

/** Orders that are not finished yet (each will emit when advanced). */
async function openOrders(url: string, token: string, needed: number): Promise<string[]> {
  const query = '{ orders(first: 100, filter: { state: [PENDING_CONSUMER, PENDING_PROVIDER, PENDING_PROJECT, EXECUTING] }) { nodes { uuid } } }';
  const response = await request(url, { method: 'POST', body: JSON.stringify({ query }), headers: { 'content-type': 'application/json', authorization: `Token ${token}` } });
  const body = await response.body.json() as { data?: { orders: { nodes: Array<{ uuid: string }> } }; errors?: unknown };
  const uuids = body.data?.orders.nodes.map((n) => n.uuid) ?? [];
  if (uuids.length < needed) throw new Error(`subscription bench: ${uuids.length} open orders, ${needed} needed: ${JSON.stringify(body.errors ?? '')}`);
  return uuids.slice(0, needed);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function heap(gateway: BenchProcess): Promise<number> {
  const answer = await gateway.ask<{ heapBytes: number; collected: boolean }>({ type: 'heap' }, 'heap');
  if (!answer.collected) throw new Error('subscription bench: the gateway process has no gc (--expose-gc)');
  return answer.heapBytes;
}

/** The clients' process: resolves once every client has its first event; `seen(k)` once every one has had k. */
async function startClients(url: string, token: string, variables: Array<Record<string, unknown>>, clients: number) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', new URL('./live-clients.ts', import.meta.url).pathname], {
    env: { ...process.env, LIVE_URL: url, LIVE_TOKEN: token, LIVE_QUERY: SUBSCRIPTION, LIVE_VARIABLES: JSON.stringify(variables), CLIENTS: String(clients) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const waiting = new Map<number, () => void>();
  const failed = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`subscription bench: the clients exited with ${code}`))));
  failed.catch(() => {});
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const [word, a, b] = line.split(' ');
      const [k, errors] = word === 'ready' ? [1, a] : [Number(a), b];
      if (errors !== '0') process.stderr.write(`bench: subscription clients: ${errors} errors by event ${k}\n`);
      waiting.get(k)?.();
    }
  });
  const seen = (k: number) => {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`subscription bench: not every client had ${k} events within 60 s`)), 60_000).unref());
    return Promise.race([new Promise<void>((resolve) => waiting.set(k, resolve)), failed, timeout]);
  };
  await seen(1);
  return {
    seen,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The subscription table as markdown; also written to stdout. */
export function printSubscriptionBench(rows: SubscriptionBenchRow[], pollMs = process.env.POLL_INTERVAL_MS ?? '2000'): string {
  const lines = [
    '## Subscriptions: orderUpdated fan-out over 10 orders (bench/subscriptions.ts)',
    '',
    '| subscribers | orders | upstream calls to subscribe | calls for one change of every order | upstream polls/s | gateway heap growth MB | per subscription KiB |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.subscribers} | ${r.orders} | ${r.subscribeCalls} | ${r.eventCalls} | ${r.pollsPerSecond.toFixed(2)} | ${r.heapMb.toFixed(1)} | ${r.heapKiBPerSubscription.toFixed(1)} |`),
    '',
    `Each subscriber: \`orderUpdated(uuid:) { uuid state resource { name state } }\` over graphql-ws, staff principal, one`,
    `connection each, simulator scale 3, SIM_LATENCY_MS=2, POLL_INTERVAL_MS=${pollMs} (stretched up to 4x while nothing changes).`,
    'Calls: both simulators\' request counters, from the first subscribe until every subscriber has its first event, and from',
    'advancing every order until every subscriber has the change (polls in between included). Heap: growth of the gateway',
    `process's heap (gc'd, after a warm-up) with the subscribers connected; the gateway runs ${compiled ? 'compiled JavaScript (dist/)' : 'TypeScript through tsx (run npm run build for dist/)'}`,
    'in its own process, NODE_ENV=production; the clients in another.',
    '',
  ];
  const text = lines.join('\n');
  process.stdout.write(`\n${text}`);
  return text;
}
