import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { startReplica } from '../helpers/replica.ts';
import { startStack } from '../helpers/stack.ts';

// Needs a real Redis: set REDIS_URL_TEST (`.ci/run` does, so CI cannot skip these).
const redisUrl = process.env.REDIS_URL_TEST;
if (!redisUrl && process.env.CI) throw new Error('REDIS_URL_TEST must be set in CI: the Redis cluster-mode tests are mandatory there');

const SUBSCRIPTION = 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state } }';

describe.skipIf(!redisUrl)('two gateway replicas in cluster mode (needs REDIS_URL_TEST)', () => {
  it('should poll a watched order from one replica only and deliver its changes through both', async () => {
    await using stack = await startStack({ env: { REDIS_URL: redisUrl!, POLL_INTERVAL_MS: '50' } });
    const second = await startReplica(stack, redisUrl!, '50');
    const token = `Token ${stack.principal('staff').waldurToken}`;
    const clients: Client[] = [stack.wsUrl, second.wsUrl]
      .map((url) => createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0 }));
    try {
      const orders = await stack.query(`{ orders(first: 1, filter: { state: [PENDING_PROVIDER] }) { nodes { uuid } } }`);
      const uuid = orders.data.orders.nodes[0].uuid as string;
      const seen: string[][] = [[], []];
      const done = clients.map((client, i) => new Promise<void>((resolve, reject) => {
        client.subscribe({ query: SUBSCRIPTION, variables: { uuid } }, {
          next: (v: any) => seen[i].push(v.data.orderUpdated.state), error: reject, complete: resolve,
        });
      }));
      while (seen.some((s) => s.length === 0)) await new Promise((r) => setTimeout(r, 10));

      await stack.resetLogs();
      await new Promise((r) => setTimeout(r, 600));
      const polls = (await stack.requests('waldur')).filter((r) => r.path === `/api/marketplace-orders/${uuid}/`);
      // Each subscription's context has its own request id, and a poller sends its subscriber's: one id means one
      // replica polled, although both replicas have a subscriber to the same order.
      expect(polls.length).toBeGreaterThan(2);
      expect(new Set(polls.map((p) => p.headers['x-request-id'])).size).toBe(1);

      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'executing' });
      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'done' });
      await Promise.all(done);
      for (const states of seen) {
        expect(states[0]).toBe('PENDING_PROVIDER');
        expect(states.at(-1)).toBe('DONE');
      }
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await second.stop();
    }
  });
});
