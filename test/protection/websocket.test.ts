import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { NODE_ENV: 'production', BODY_LIMIT_BYTES: '65536', MAX_DEPTH: '6' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const staffParams = () => ({ authorization: `Token ${stack.principal('staff').waldurToken}` });

function wsClient(closes: Array<{ code: number; reason: string }> = []): Client {
  return createClient({
    url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: staffParams(), lazy: true, retryAttempts: 0,
    on: { closed: (event) => closes.push({ code: (event as CloseEvent).code, reason: (event as CloseEvent).reason }) },
  });
}

/** Runs one operation on the client; resolves with its events, or with the errors it failed with. */
function run(client: Client, payload: { query: string; variables?: Record<string, unknown>; operationName?: string }) {
  const events: any[] = [];
  return new Promise<{ events: any[]; errors?: any[] }>((resolve) => {
    client.subscribe(payload, {
      next: (value) => events.push(value),
      error: (error) => resolve({ events, errors: Array.isArray(error) ? error : [error] }),
      complete: () => resolve({ events }),
    });
  });
}

const waitFor = async (condition: () => boolean, timeoutMs = 5000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const deep = '{ customers(first: 1) { nodes { projects(first: 1) { nodes { resources(first: 1) { nodes { project { customer { uuid } } } } } } } } }';

describe('graphql-ws protection', () => {
  it('should fail only the over-limit operation, with a coded error, and keep the socket and its other subscriptions', async () => {
    const order = await stack.query('{ orders(first: 1, filter: { state: [PENDING_PROVIDER] }) { nodes { uuid } } }');
    const uuid = order.data.orders.nodes[0].uuid as string;
    const closes: Array<{ code: number; reason: string }> = [];
    const client = wsClient(closes);
    try {
      const live: any[] = [];
      let liveEnded = false;
      client.subscribe({ query: 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state } }', variables: { uuid } }, {
        next: (value) => live.push(value), error: () => (liveEnded = true), complete: () => (liveEnded = true),
      });
      await waitFor(() => live.length === 1);

      const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { uuid }`).join(' ')} }`;
      const directives = `{ __typename ${'@include(if: true) '.repeat(30)}}`;
      for (const query of [deep, aliases, directives, '{ viewer { ', 'query A { __typename } query B { __typename }']) {
        const result = await run(client, { query, operationName: query.startsWith('query A') ? 'C' : undefined });
        expect(result.errors ?? [], `${query}: ${JSON.stringify(result)}`).not.toHaveLength(0);
        for (const error of result.errors!) {
          expect(error.extensions?.code, `${query}: ${JSON.stringify(error)}`).toBe('BAD_USER_INPUT');
          expect(JSON.stringify(error)).not.toMatch(/\bat .*\.(js|ts):\d+/);
        }
      }
      expect(closes).toEqual([]);
      expect(liveEnded).toBe(false);
      expect(await run(client, { query: '{ __typename }' })).toEqual({ events: [{ data: { __typename: 'Query' } }] });
      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'executing' });
      await waitFor(() => live.length === 2);
    } finally {
      await client.dispose();
    }
  });

  it('should refuse a subscribe message larger than BODY_LIMIT_BYTES by closing with 1009, without running it', async () => {
    const closes: Array<{ code: number; reason: string }> = [];
    const client = wsClient(closes);
    try {
      const big = { query: '{ __typename }', variables: { pad: 'x'.repeat(100_000) } };
      const result = await run(client, big);
      expect(result.events).toEqual([]);
      expect(closes[0]?.code).toBe(1009);
    } finally {
      await client.dispose();
    }
  });

  it('should refuse a connection_init with malformed credentials with 4403', async () => {
    for (const authorization of ['Token', 'Token a b', 'Basic Zm9vOmJhcg==', 'x'.repeat(5000), 42]) {
      const closes: Array<{ code: number; reason: string }> = [];
      const client = createClient({
        url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization }, lazy: true, retryAttempts: 0,
        on: { closed: (event) => closes.push({ code: (event as CloseEvent).code, reason: (event as CloseEvent).reason }) },
      });
      try {
        await run(client, { query: '{ __typename }' });
        expect(closes[0]?.code, String(authorization)).toBe(4403);
      } finally {
        await client.dispose();
      }
    }
  });
});
