import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type PrincipalName, type Stack } from '../helpers/stack.ts';
import { collect, waitFor, wsClient } from '../live/helpers.ts';

const WATCH_ORDER = 'subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state resource { name state } } }';

/** Opens `count` graphql-ws connections as one caller, each holding one subscription: connection i watches uuids[i mod n]. */
function subscribers(stack: Stack, as: PrincipalName, query: string, variables: Array<Record<string, unknown>>, count: number) {
  const clients = Array.from({ length: count }, () => wsClient(stack, as));
  const subs = clients.map((client, i) => collect(client, query, variables[i % variables.length]));
  return { subs, dispose: () => Promise.all(clients.map((c) => c.dispose())) };
}

async function openOrders(stack: Stack, count: number, as: PrincipalName = 'staff'): Promise<string[]> {
  const result = await stack.query(`{ orders(first: ${count}, filter: { state: [PENDING_PROVIDER, PENDING_CONSUMER] }) { nodes { uuid } } }`, {}, as);
  const uuids = result.data?.orders.nodes.map((n: { uuid: string }) => n.uuid) ?? [];
  if (uuids.length < count) throw new Error(`only ${uuids.length} open orders visible to ${as}: ${JSON.stringify(result)}`);
  return uuids;
}

const byPath = (requests: Array<{ method: string; path: string }>, path: string) => requests.filter((r) => r.method === 'GET' && r.path === path);

describe('subscription fan-out: one poll and one read of each nested object per event, per caller', () => {
  // The poll interval is longer than the test: each poller polls exactly once, so every count below is exact.
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { POLL_INTERVAL_MS: '60000', MAX_WATCHED_PER_CALLER: '1000' } });
  });
  afterAll(() => stack[Symbol.asyncDispose]());

  it('should read each order\'s resource once for 200 subscribers of one caller, not once per subscriber', async () => {
    const orders = await openOrders(stack, 4);
    const resources = new Map<string, string>();
    for (const uuid of orders) resources.set(uuid, (await stack.query(`{ order(uuid: "${uuid}") { resource { uuid } } }`)).data.order.resource.uuid);
    await stack.resetLogs();
    const { subs, dispose } = subscribers(stack, 'staff', WATCH_ORDER, orders.map((uuid) => ({ uuid })), 200);
    try {
      await waitFor(() => subs.every((s) => s.events.length === 1 || s.ended), 'a first event for every subscriber', 30_000);
      for (const [i, sub] of subs.entries()) {
        expect(sub.ended).toBeUndefined();
        expect(sub.events[0]).toEqual({ data: { orderUpdated: { uuid: orders[i % 4], state: expect.any(String), resource: { name: expect.any(String), state: expect.any(String) } } } });
      }
      const waldur = await stack.requests('waldur');
      for (const uuid of orders) {
        // One poll (the order, and its resource because the selection reads the resource's state), then one nested read
        // of the resource for the event, shared by its 50 subscribers.
        expect(byPath(waldur, `/api/marketplace-orders/${uuid}/`)).toHaveLength(1);
        expect(byPath(waldur, `/api/marketplace-resources/${resources.get(uuid)}/`)).toHaveLength(2);
      }
      expect(waldur).toHaveLength(4 * 3);
      expect(await stack.requests('orchestration')).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('should never share a read between two callers: each caller\'s reads carry its own token', async () => {
    const [uuid] = await openOrders(stack, 1, 'owner');
    const resource = (await stack.query(`{ order(uuid: "${uuid}") { resource { uuid } } }`)).data.order.resource.uuid;
    await stack.resetLogs();
    const staff = subscribers(stack, 'staff', WATCH_ORDER, [{ uuid }], 20);
    const owner = subscribers(stack, 'owner', WATCH_ORDER, [{ uuid }], 20);
    try {
      const all = [...staff.subs, ...owner.subs];
      await waitFor(() => all.every((s) => s.events.length === 1 || s.ended), 'a first event for every subscriber', 30_000);
      for (const sub of all) expect(sub.events[0]?.data?.orderUpdated.resource.state, JSON.stringify(sub.events[0] ?? sub.ended)).toEqual(expect.any(String));
      const waldur = await stack.requests('waldur');
      for (const as of ['staff', 'owner'] as const) {
        const token = `Token ${stack.principal(as).waldurToken}`;
        const own = waldur.filter((r) => r.headers.authorization === token);
        // Its own poll (order and resource) and its own nested read: nothing answered from the other caller's reads.
        expect(byPath(own, `/api/marketplace-orders/${uuid}/`)).toHaveLength(1);
        expect(byPath(own, `/api/marketplace-resources/${resource}/`)).toHaveLength(2);
      }
      expect(waldur.every((r) => r.headers.authorization === `Token ${stack.principal('staff').waldurToken}` || r.headers.authorization === `Token ${stack.principal('owner').waldurToken}`)).toBe(true);
    } finally {
      await Promise.all([staff.dispose(), owner.dispose()]);
    }
  });

  it('should give a caller without access nothing while another caller watches the same order', async () => {
    const [uuid] = await openOrders(stack, 1);
    const staff = subscribers(stack, 'staff', WATCH_ORDER, [{ uuid }], 5);
    const nobody = subscribers(stack, 'nobody', WATCH_ORDER, [{ uuid }], 5);
    try {
      await waitFor(() => staff.subs.every((s) => s.events.length === 1) && nobody.subs.every((s) => s.ended), 'staff\'s events and nobody\'s errors', 30_000);
      for (const sub of nobody.subs) {
        expect(sub.events).toEqual([]);
        expect(sub.ended).toMatchObject({ error: [{ extensions: { code: 'NOT_FOUND' } }] });
      }
    } finally {
      await Promise.all([staff.dispose(), nobody.dispose()]);
    }
  });

  it('should check orchestration access per subscriber even when the nested reads are shared', async () => {
    const link = stack.sims.waldur.links.find((l) => l.allocations.length > 0)!;
    const allocation = link.allocations[0]!;
    const query = 'subscription ($p: String!, $a: String!) { allocationUpdated(projectId: $p, id: $a) { allocationId status marketplaceResource { uuid name } payloads { payloadId state } } }';
    const variables = [{ p: link.orchestrationProjectId, a: allocation.id }];
    await stack.resetLogs();
    const staff = subscribers(stack, 'staff', query, variables, 20);
    try {
      await waitFor(() => staff.subs.every((s) => s.events.length === 1 || s.ended), 'staff\'s first events', 30_000);
      for (const sub of staff.subs) {
        expect(sub.events[0]?.errors, JSON.stringify(sub.events[0] ?? sub.ended)).toBeUndefined();
        expect(sub.events[0].data.allocationUpdated).toMatchObject({ allocationId: allocation.id, marketplaceResource: { uuid: allocation.resourceUuid } });
      }
      const orchestration = await stack.requests('orchestration');
      // One poll of the allocation and one read of its payloads for the event, for all 20 subscribers.
      expect(orchestration.filter((r) => r.path.endsWith(`/allocations/${allocation.id}`) || r.path.endsWith(`/allocations/${allocation.id}/`))).toHaveLength(1);
      expect(orchestration.filter((r) => /\/payloads\/?$/.test(r.path))).toHaveLength(1);

      const nobody = subscribers(stack, 'nobody', query, variables, 3);
      try {
        await waitFor(() => nobody.subs.every((s) => s.ended), 'nobody\'s errors', 30_000);
        for (const sub of nobody.subs) {
          expect(sub.events).toEqual([]);
          expect(sub.ended).toMatchObject({ error: [{ extensions: { code: 'FORBIDDEN' } }] });
        }
      } finally {
        await nobody.dispose();
      }
    } finally {
      await staff.dispose();
    }
  });
});

describe('subscription fan-out on every event', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { POLL_INTERVAL_MS: '300', MAX_WATCHED_PER_CALLER: '1000' } });
  });
  afterAll(() => stack[Symbol.asyncDispose]());

  it('should read each order\'s resource about once per event, however many subscribers resolve it', async () => {
    const orders = await openOrders(stack, 4);
    const { subs, dispose } = subscribers(stack, 'staff', WATCH_ORDER, orders.map((uuid) => ({ uuid })), 200);
    try {
      await waitFor(() => subs.every((s) => s.events.length === 1), 'a first event for every subscriber', 30_000);
      await stack.resetLogs();
      for (const uuid of orders) await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'executing' });
      await waitFor(() => subs.every((s) => s.events.length === 2), 'the change for every subscriber', 30_000);
      for (const [i, sub] of subs.entries()) expect(sub.events[1].data.orderUpdated).toMatchObject({ uuid: orders[i % 4], state: 'EXECUTING' });
      const waldur = await stack.requests('waldur');
      // Each poll reads the order and its resource; the event adds one shared nested read of the resource (one more
      // for each poll interval a slow machine takes to resolve it), not one for each of the order's 50 subscribers.
      let bound = 0;
      for (const uuid of orders) bound += 2 * byPath(waldur, `/api/marketplace-orders/${uuid}/`).length + 2;
      const resourceReads = waldur.filter((r) => r.path.startsWith('/api/marketplace-resources/'));
      expect(resourceReads.length).toBeGreaterThanOrEqual(2 * orders.length);
      expect(resourceReads.length).toBeLessThanOrEqual(bound);
    } finally {
      await dispose();
    }
  });
});
