import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/resolvers/global-id.ts';
import { startStack, type Stack } from '../helpers/stack.ts';
import { allocationGid } from '../orchestration/helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { MAX_COST: '500' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const selection = 'nodes(ids: $ids) { ... on Resource { uuid name state project { uuid name } } }';
const query = `query ($ids: [ID!]!) { ${selection} }`;

async function resourceIds(n: number): Promise<string[]> {
  const result = await stack.query(`{ resources(first: 100) { nodes { uuid } } }`);
  const uuids = result.data.resources.nodes.map((r: { uuid: string }) => r.uuid) as string[];
  return Array.from({ length: n }, (_, i) => encodeGlobalId('Resource', uuids[i % uuids.length]));
}

async function upstreamCalls(run: () => Promise<unknown>) {
  await stack.resetLogs();
  const result = await run();
  return { result: result as any, waldur: await stack.requests('waldur'), orchestration: await stack.requests('orchestration') };
}

describe('nodes(ids:) cannot amplify', () => {
  it('should price the list by its length: 100 ids cost 100 items, not 10', async () => {
    const { result, waldur } = await upstreamCalls(async () => stack.query(query, { ids: await resourceIds(100) }));
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', cost: 601, maxCost: 500 } });
    expect(waldur.filter((r) => r.path.startsWith('/api/marketplace-resources/'))).toHaveLength(1); // resourceIds' own list
    expect((await stack.query(query, { ids: await resourceIds(50) })).errors).toBeUndefined();
  });

  it('should refuse more ids than MAX_NODE_IDS before any upstream call', async () => {
    const ids = await resourceIds(101);
    const { result, waldur } = await upstreamCalls(() => stack.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }));
    expect(result.errors?.[0]).toMatchObject({
      message: 'ids: expected at most 100 global ids (the MAX_NODE_IDS setting), received 101',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(waldur).toEqual([]);
  });

  it('should give a caller without credentials no fan-out: private ids are refused at once', async () => {
    const ids = await resourceIds(40);
    const { result, waldur, orchestration } = await upstreamCalls(() => stack.query(query, { ids }, {}));
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(waldur).toEqual([]);
    expect(orchestration).toEqual([]);
    const link = stack.sims.waldur.links.find((l) => l.orchestrationProjectId && l.allocations.length)!;
    const anonymous = await upstreamCalls(() => stack.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [allocationGid(link.orchestrationProjectId!, link.allocations[0].id)] }, {}));
    expect(anonymous.result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect([...anonymous.waldur, ...anonymous.orchestration]).toEqual([]);
  });

  it('should read many allocations of one project with one list call, not one call each', async () => {
    const link = stack.sims.waldur.links.find((l) => l.orchestrationProjectId && l.allocations.length >= 3)!;
    const ids = link.allocations.map((a) => allocationGid(link.orchestrationProjectId!, a.id));
    const { result, orchestration } = await upstreamCalls(() => stack.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Allocation { allocationId } } }', { ids }));
    expect(result.errors).toBeUndefined();
    expect(result.data.nodes.map((n: { allocationId: string }) => n.allocationId)).toEqual(link.allocations.map((a) => a.id));
    const allocationReads = orchestration.filter((r) => r.method === 'GET' && /\/allocations(\/[^/]+)?$/.test(r.path));
    expect(allocationReads).toHaveLength(1);
  });
});
