import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { MAX_WATCHED_PER_CALLER: '2' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

function client(authorization: string): Client {
  return createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization }, lazy: true, retryAttempts: 0 });
}

/** Resolves with the first event or the error the subscription failed with; the subscription stays live. */
function firstOutcome(c: Client, uuid: string): Promise<{ data?: unknown; error?: any }> {
  return new Promise((resolve) => {
    c.subscribe({ query: 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid } }', variables: { uuid } }, {
      next: (value) => resolve(value.errors ? { error: value.errors[0] } : { data: value.data }),
      error: (error) => resolve({ error: Array.isArray(error) ? error[0] : error }),
      complete: () => undefined,
    });
  });
}

describe('MAX_WATCHED_PER_CALLER keys on who the caller is, not on how the header is spelled', () => {
  it('should count respelled Token prefixes and spacing as one caller', async () => {
    const orders = await stack.query('{ orders(first: 3, filter: { state: [PENDING_PROVIDER, EXECUTING] }) { nodes { uuid } } }');
    const uuids = orders.data.orders.nodes.map((o: { uuid: string }) => o.uuid) as string[];
    expect(uuids).toHaveLength(3);
    const token = stack.principal('staff').waldurToken;
    const clients = [client(`Token ${token}`), client(`token ${token}`), client(`TOKEN   ${token}`)];
    try {
      const outcomes = [];
      for (const [i, c] of clients.entries()) outcomes.push(await firstOutcome(c, uuids[i]));
      expect(outcomes[0].data).toBeDefined();
      expect(outcomes[1].data).toBeDefined();
      expect(outcomes[2].error?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });
});
