import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type PrincipalName, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POLL_INTERVAL_MS: '50' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

function wsClient(as: PrincipalName): Client {
  return createClient({
    url: stack.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Token ${stack.principal(as).waldurToken}` },
    lazy: true,
  });
}

/** Collects every event of one subscription until it completes or errors. */
function collect(client: Client, query: string, variables: Record<string, unknown>) {
  const events: any[] = [];
  let unsubscribe = () => {};
  const done = new Promise<any[]>((resolve, reject) => {
    unsubscribe = client.subscribe({ query, variables }, {
      next: (value) => events.push(value),
      error: (error) => reject(error),
      complete: () => resolve(events),
    });
  });
  return { events, done, unsubscribe: () => unsubscribe() };
}

async function pendingOrder(): Promise<string> {
  const result = await stack.query(`{ orders(first: 1, filter: { state: [PENDING_PROVIDER] }) { nodes { uuid } } }`);
  const uuid = result.data?.orders.nodes[0]?.uuid;
  if (!uuid) throw new Error(`no pending-provider order in the seed: ${JSON.stringify(result)}`);
  return uuid;
}

const waitFor = async (condition: () => boolean, timeoutMs = 5000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('subscriptions over graphql-ws', () => {
  it('should emit the order at once, then each change, and complete after a terminal state', async () => {
    const uuid = await pendingOrder();
    const client = wsClient('staff');
    try {
      const sub = collect(client, 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state } }', { uuid });
      await waitFor(() => sub.events.length === 1);
      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'executing' });
      await waitFor(() => sub.events.length === 2);
      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'done' });
      const events = await sub.done;
      expect(events.map((e) => e.data.orderUpdated.state)).toEqual(['PENDING_PROVIDER', 'EXECUTING', 'DONE']);
    } finally {
      await client.dispose();
    }
  });

  it('should emit when only the order\'s resource changes, and read nested fields afresh in every event', async () => {
    const uuid = await pendingOrder();
    const client = wsClient('staff');
    try {
      const sub = collect(client, 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { state resource { uuid description state } } }', { uuid });
      await waitFor(() => sub.events.length === 1);
      const first = sub.events[0].data.orderUpdated;
      expect(first.state).toBe('PENDING_PROVIDER');
      const changed = await stack.query(`mutation { updateResource(input: { uuid: "${first.resource.uuid}", description: "changed while the order waits" }) { __typename } }`);
      expect(changed.data?.updateResource.__typename).toBe('UpdateResourceSuccess');
      // The order itself did not change: only the resource its selection reads did.
      await waitFor(() => sub.events.length === 2);
      expect(sub.events[1].data.orderUpdated).toMatchObject({ state: 'PENDING_PROVIDER', resource: { description: 'changed while the order waits' } });
      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'executing' });
      await waitFor(() => sub.events.at(-1).data.orderUpdated.state === 'EXECUTING');
      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'done' });
      const events = await sub.done;
      const fresh = await stack.query(`{ resource(uuid: "${first.resource.uuid}") { state } }`);
      expect(events.at(-1).data.orderUpdated).toMatchObject({ state: 'DONE', resource: { state: fresh.data.resource.state } });
      expect(fresh.data.resource.state).toBe('OK');
    } finally {
      await client.dispose();
    }
  });

  it('should poll one order once per interval however many subscribers watch it', async () => {
    const uuid = await pendingOrder();
    const clients = Array.from({ length: 5 }, () => wsClient('staff'));
    try {
      const subs = clients.map((c) => collect(c, 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state } }', { uuid }));
      await waitFor(() => subs.every((s) => s.events.length === 1));
      await stack.resetLogs();
      await new Promise((r) => setTimeout(r, 500));
      const polls = (await stack.requests('waldur')).filter((r) => r.path === `/api/marketplace-orders/${uuid}/`);
      // 500 ms at a 50 ms base interval (stretched while nothing changes, jittered ±20%): one poller, not five.
      expect(polls.length).toBeGreaterThan(2);
      expect(polls.length).toBeLessThanOrEqual(13);
      for (const s of subs) s.unsubscribe();
      await new Promise((r) => setTimeout(r, 100));
      await stack.resetLogs();
      await new Promise((r) => setTimeout(r, 300));
      expect((await stack.requests('waldur')).filter((r) => r.path.startsWith('/api/marketplace-orders/'))).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });

  it('should keep pollers apart per principal so nobody sees an order they cannot fetch', async () => {
    const uuid = await pendingOrder();
    const client = wsClient('nobody');
    try {
      const sub = collect(client, 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state } }', { uuid });
      const settled = await sub.done.then((events) => ({ events }), (errors) => ({ errors }));
      expect(settled).toMatchObject({ errors: [{ message: 'No Order matches the given query.', extensions: { code: 'NOT_FOUND', service: 'waldur' } }] });
    } finally {
      await client.dispose();
    }
  });

  it('should reject a malformed uuid before any upstream call', async () => {
    await stack.resetLogs();
    const client = wsClient('staff');
    try {
      const sub = collect(client, 'subscription { orderUpdated(uuid: "not-a-uuid") { uuid } }', {});
      const settled = await sub.done.then((events) => ({ events }), (errors) => ({ errors }));
      expect(JSON.stringify(settled)).toContain('BAD_USER_INPUT');
      expect((await stack.requests('waldur')).filter((r) => r.path.includes('orders'))).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
