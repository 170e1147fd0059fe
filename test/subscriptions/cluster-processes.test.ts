import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startSimulators } from '../../simulators/index.ts';

type Simulators = Awaited<ReturnType<typeof startSimulators>>;

// Needs a real Redis: set REDIS_URL_TEST (`.ci/run` does, so CI cannot skip this).
const redisUrl = process.env.REDIS_URL_TEST;
if (!redisUrl && process.env.CI) throw new Error('REDIS_URL_TEST must be set in CI: the Redis cluster-mode tests are mandatory there');

const ROOT = new URL('../../', import.meta.url).pathname;
// Fields of its own, so this test's poller key never meets the in-process cluster test's on a shared Redis.
const SUBSCRIPTION = 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state type } }';

/** `junction serve` as its own OS process on the stack's simulators; resolves once it listens. */
async function startGatewayProcess(sims: Simulators): Promise<{ child: ChildProcess; url: string; wsUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info', REDIS_URL: redisUrl, POLL_INTERVAL_MS: '100',
      WALDUR_URL: sims.waldurUrl, ORCHESTRATION_URL: sims.orchestrationUrl,
      ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl, ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId,
      ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret, ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken,
    },
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code} before listening`)));
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'Junction is listening' && entry.url) resolve(entry.url);
      } catch {
        // not a log line
      }
    });
  });
  return { child, url, wsUrl: url.replace(/^http/, 'ws') };
}

/**
 * The simulators' control API, asked directly: this test runs its own simulators rather than a test stack, because
 * the contract-conformance recording observes only gateways inside the test process (test/helpers/recording.ts).
 */
async function control(base: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await request(`${new URL(base).origin}/__sim/${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' },
  });
  const text = await response.body.text();
  return text ? JSON.parse(text) : undefined;
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  for (const deadline = Date.now() + timeoutMs; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!redisUrl)('two gateway processes on one Redis (needs REDIS_URL_TEST)', () => {
  it('should poll from one process only and, after it is SIGKILLed, let the other take over and finish every surviving subscription', async () => {
    const sims = await startSimulators({ orderStepMs: 3_600_000 });
    const processes = await Promise.all([startGatewayProcess(sims), startGatewayProcess(sims)]).catch(async (error: unknown) => {
      await sims.close();
      throw error;
    });
    const clients: Client[] = [];
    try {
      const token = `Token ${sims.principals.find((p) => p.role === 'staff')!.waldurToken}`;
      const listed = await request(processes[0].url, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({ query: '{ orders(first: 2, filter: { state: [PENDING_PROVIDER] }) { nodes { uuid } } }' }),
      });
      const uuid = ((await listed.body.json()) as any).data.orders.nodes.at(-1).uuid as string;
      // Two subscribers on each process; a subscriber's request id names its process ("p0-…", "p1-…").
      const subscribers = [0, 0, 1, 1].map((p, i) => {
        const client = createClient({
          url: processes[p].wsUrl, webSocketImpl: WebSocket, retryAttempts: 0,
          connectionParams: { authorization: token, 'x-request-id': `p${p}-s${i}` },
        });
        clients.push(client);
        const seen: string[] = [];
        const outcome = new Promise<'complete' | 'error'>((resolve) => client.subscribe({ query: SUBSCRIPTION, variables: { uuid } }, {
          next: (v: any) => void seen.push(v.data.orderUpdated.state), error: () => resolve('error'), complete: () => resolve('complete'),
        }));
        return { process: p, seen, outcome };
      });
      await until('every subscriber to see the first state', () => subscribers.every((s) => s.seen.length > 0));

      const polls = async () => ((await control(sims.waldurUrl, 'GET', 'requests')) as Array<{ path: string; headers: Record<string, string> }>)
        .filter((r) => r.path === `/api/marketplace-orders/${uuid}/`);
      await control(sims.waldurUrl, 'POST', 'reset');
      await until('several polls', async () => (await polls()).length >= 5);
      const pollers = new Set((await polls()).map((r) => r.headers['x-request-id']));
      // One poller in all: every poll carries the request id of the one subscriber whose context started it.
      expect(pollers.size).toBe(1);
      const leader = Number([...pollers][0].slice(1, 2));

      processes[leader].child.kill('SIGKILL');
      await control(sims.waldurUrl, 'POST', 'reset');
      await until('the other process to take over the lease and poll', async () => (await polls()).some((r) => r.headers['x-request-id'].startsWith(`p${1 - leader}-`)));
      expect((await polls()).every((r) => r.headers['x-request-id'].startsWith(`p${1 - leader}-`))).toBe(true);
      // The survivor's /metrics says so: Redis connected, and the one shared poller now polls here.
      const metrics = await (await request(new URL('/metrics', processes[1 - leader].url))).body.text();
      expect(metrics).toMatch(/^junction_redis_connected 1$/m);
      expect(metrics).toMatch(/^junction_subscription_pollers\{role="polling"\} 1$/m);
      expect(metrics).toMatch(/^junction_subscriptions_active 2$/m);

      await control(sims.waldurUrl, 'POST', 'advance', { order: uuid, to: 'executing' });
      await control(sims.waldurUrl, 'POST', 'advance', { order: uuid, to: 'done' });
      const survivors = subscribers.filter((s) => s.process !== leader);
      expect(await Promise.all(survivors.map((s) => s.outcome))).toEqual(['complete', 'complete']);
      for (const survivor of survivors) {
        expect(survivor.seen[0]).toBe('PENDING_PROVIDER');
        expect(survivor.seen.at(-1)).toBe('DONE');
      }
    } finally {
      await Promise.allSettled(clients.map((c) => c.dispose()));
      for (const { child } of processes) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await sims.close();
    }
  }, 90_000);
});
