import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { startReplica } from '../helpers/replica.ts';
import { startStack } from '../helpers/stack.ts';
import { waitFor } from './helpers.ts';

// Needs a real Redis: set REDIS_URL_TEST (`.ci/run` does, so CI cannot skip these).
const redisUrl = process.env.REDIS_URL_TEST;
if (!redisUrl && process.env.CI) throw new Error('REDIS_URL_TEST must be set in CI: the Redis cluster-mode tests are mandatory there');

describe.skipIf(!redisUrl)('a live query on two gateway replicas in cluster mode (needs REDIS_URL_TEST)', () => {
  it('should poll each upstream read from one replica only and deliver the change through both', async () => {
    await using stack = await startStack({ env: { REDIS_URL: redisUrl!, POLL_INTERVAL_MS: '50' } });
    const second = await startReplica(stack, redisUrl!, '50');
    const token = `Token ${stack.principal('staff').waldurToken}`;
    const clients: Client[] = [stack.wsUrl, second.wsUrl]
      .map((url) => createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0 }));
    try {
      const orders = await stack.query(`{ orders(first: 1, filter: { state: [PENDING_PROVIDER] }) { nodes { uuid } } }`);
      const uuid = orders.data.orders.nodes[0].uuid as string;
      const seen: string[][] = [[], []];
      for (const [i, client] of clients.entries()) {
        client.subscribe({ query: 'query ($uuid: String!) @live { order(uuid: $uuid) { uuid state } }', variables: { uuid } }, {
          next: (v: any) => void seen[i]!.push(v.data.order.state), error: () => {}, complete: () => {},
        });
      }
      await waitFor(() => seen.every((s) => s.length === 1), 'the first result on both replicas');

      await stack.resetLogs();
      const polls = async () => (await stack.requests('waldur')).filter((r) => r.path === `/api/marketplace-orders/${uuid}/`);
      await waitFor(async () => (await polls()).length >= 4, 'several polls of the order');
      // Each replica's live execution sends its own first client's request id: one id means one replica polled.
      expect(new Set((await polls()).map((p) => p.headers['x-request-id'])).size).toBe(1);

      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'executing' });
      await waitFor(() => seen.every((s) => s.at(-1) === 'EXECUTING'), 'the change on both replicas');
      expect(seen).toEqual([['PENDING_PROVIDER', 'EXECUTING'], ['PENDING_PROVIDER', 'EXECUTING']]);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await second.stop();
    }
  });
});
