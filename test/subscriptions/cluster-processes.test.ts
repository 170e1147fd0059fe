import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

// Needs a real Redis: set REDIS_URL_TEST (`.ci/run` does, so CI cannot skip this).
const redisUrl = process.env.REDIS_URL_TEST;
if (!redisUrl && process.env.CI) throw new Error('REDIS_URL_TEST must be set in CI: the Redis cluster-mode tests are mandatory there');

const ROOT = new URL('../../', import.meta.url).pathname;
// Fields of its own, so this test's poller key never meets the in-process cluster test's on a shared Redis.
const SUBSCRIPTION = 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state type } }';

/** `junction serve` as its own OS process on the stack's simulators; resolves once it listens. */
async function startGatewayProcess(stack: Stack): Promise<{ child: ChildProcess; wsUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info', REDIS_URL: redisUrl, POLL_INTERVAL_MS: '100',
      WALDUR_URL: stack.sims.waldurUrl, ORCHESTRATION_URL: stack.sims.orchestrationUrl,
      ORCHESTRATION_TOKEN_URL: stack.sims.orchestrationTokenUrl, ORCHESTRATION_CLIENT_ID: stack.sims.serviceAccount.clientId,
      ORCHESTRATION_CLIENT_SECRET: stack.sims.serviceAccount.clientSecret, ORCHESTRATION_REFRESH_TOKEN: stack.sims.serviceAccount.refreshToken,
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
  return { child, wsUrl: url.replace(/^http/, 'ws') };
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  for (const deadline = Date.now() + timeoutMs; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!redisUrl)('two gateway processes on one Redis (needs REDIS_URL_TEST)', () => {
  it('should poll from one process only and, after it is SIGKILLed, let the other take over and finish every surviving subscription', async () => {
    await using stack = await startStack();
    const processes = await Promise.all([startGatewayProcess(stack), startGatewayProcess(stack)]);
    const clients: Client[] = [];
    try {
      const pending = await stack.query('{ orders(first: 2, filter: { state: [PENDING_PROVIDER] }) { nodes { uuid } } }');
      const uuid = pending.data.orders.nodes.at(-1).uuid as string;
      const token = `Token ${stack.principal('staff').waldurToken}`;
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

      const polls = async () => (await stack.requests('waldur')).filter((r) => r.path === `/api/marketplace-orders/${uuid}/`);
      await stack.resetLogs();
      await until('several polls', async () => (await polls()).length >= 5);
      const pollers = new Set((await polls()).map((r) => r.headers['x-request-id']));
      // One poller in all: every poll carries the request id of the one subscriber whose context started it.
      expect(pollers.size).toBe(1);
      const leader = Number([...pollers][0].slice(1, 2));

      processes[leader].child.kill('SIGKILL');
      await stack.resetLogs();
      await until('the other process to take over the lease and poll', async () => (await polls()).some((r) => r.headers['x-request-id'].startsWith(`p${1 - leader}-`)));
      expect((await polls()).every((r) => r.headers['x-request-id'].startsWith(`p${1 - leader}-`))).toBe(true);

      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'executing' });
      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'done' });
      const survivors = subscribers.filter((s) => s.process !== leader);
      expect(await Promise.all(survivors.map((s) => s.outcome))).toEqual(['complete', 'complete']);
      for (const survivor of survivors) {
        expect(survivor.seen[0]).toBe('PENDING_PROVIDER');
        expect(survivor.seen.at(-1)).toBe('DONE');
      }
    } finally {
      await Promise.allSettled(clients.map((c) => c.dispose()));
      for (const { child } of processes) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
