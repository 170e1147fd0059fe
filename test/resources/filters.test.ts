import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, OFFERING_TYPES, oneResource, resourcesOf, rest, run } from './helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack[Symbol.asyncDispose]());

const COUNT = 'query($filter: ResourceFilter) { resources(filter: $filter) { totalCount } }';
const u = (n: number) => `${String(n).repeat(32)}`;

/** The params of the one HEAD a `totalCount`-only query makes, without `field`. */
async function countParams(filter: Record<string, unknown>) {
  const { data, errors, calls } = await run(stack, COUNT, { filter });
  expect(errors).toBeUndefined();
  expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`HEAD ${api('marketplace-resources/')}`]);
  return { total: data.resources.totalCount as number, params: [...new URLSearchParams(calls[0].query)].filter(([k]) => k !== 'field') };
}

describe('resource filters', () => {
  it('should map every filter onto the subset\'s parameter names and encodings (repeat-style, CSV, booleans, dates)', async () => {
    const { params } = await countParams({
      project: u(1), customer: u(2), offerings: [u(3), u(4)], provider: u(5), category: u(6), plan: u(7),
      offeringType: OFFERING_TYPES.slurm, state: ['OK', 'ERRED'], orderState: ['EXECUTING'], name: 'a', nameExact: 'b',
      query: '10.0.0.1', backendId: 'hpc_1', projectName: 'p', paused: false, downscaled: true, usageBased: true, limitBased: false,
      createdAfter: '2024-01-01T00:00:00Z', modifiedAfter: '2024-02-01', runtimeState: 'online', restrictMemberAccess: true,
      visibleToProviders: true, visibleToUsername: 'mia.member', serviceManager: u(8), parentOffering: u(9),
      offeringSlugs: ['hpc', 'game'], offeringShared: true, offeringBillable: false, onlyUsageBased: false, onlyLimitBased: true,
      componentCount: 3, limitComponentCount: 1, hasTerminateDate: true, isAttached: false, lexisLinksSupported: false,
    });
    expect(params).toEqual([
      ['project_uuid', u(1)], ['customer_uuid', u(2)], ['offering_uuid', `${u(3)},${u(4)}`], ['provider_uuid', u(5)],
      ['category_uuid', u(6)], ['plan_uuid', u(7)], ['offering_type', OFFERING_TYPES.slurm], ['state', 'OK'], ['state', 'Erred'],
      ['order_state', 'executing'], ['name', 'a'], ['name_exact', 'b'], ['query', '10.0.0.1'], ['backend_id', 'hpc_1'],
      ['project_name', 'p'], ['paused', 'false'], ['downscaled', 'true'], ['usage_based', 'true'], ['limit_based', 'false'],
      ['created', '2024-01-01T00:00:00Z'], ['modified', '2024-02-01'], ['runtime_state', 'online'], ['restrict_member_access', 'true'],
      ['visible_to_providers', 'true'], ['visible_to_username', 'mia.member'], ['service_manager_uuid', u(8)],
      ['parent_offering_uuid', u(9)], ['offering_slug', 'hpc,game'], ['offering_shared', 'true'], ['offering_billable', 'false'],
      ['only_usage_based', 'false'], ['only_limit_based', 'true'], ['component_count', '3'], ['limit_component_count', '1'],
      ['has_terminate_date', 'true'], ['is_attached', 'false'], ['lexis_links_supported', 'false'], ['page_size', '1'],
    ]);
  });

  it('should find what each filter means: runtime state, a slug via `query`, a username\'s view, service managers', async () => {
    const online = await run(stack, '{ resources(first: 300, filter: { runtimeState: "online" }) { nodes { runtimeState state offering { type } } } }');
    expect(online.data.resources.nodes.length).toBeGreaterThan(0);
    for (const node of online.data.resources.nodes) expect(node).toEqual({ runtimeState: 'online', state: 'OK', offering: { type: OFFERING_TYPES.gameServer } });

    const target = await oneResource(stack, 'state=OK', 'owner', 3);
    await rest(stack, 'staff', `marketplace-resources/${target.uuid}/set_slug/`, 'POST', { slug: 'only-by-its-slug' });
    const bySlug = await run(stack, 'query($q: String) { resources(first: 5, filter: { query: $q }) { nodes { uuid slug } } }', { q: 'by-its-slug' });
    expect(bySlug.data.resources.nodes).toEqual([{ uuid: target.uuid, slug: 'only-by-its-slug' }]);

    const mine = await resourcesOf(stack, '', 'member');
    const seen = await countParams({ visibleToUsername: 'mia.member' });
    expect(seen.total).toBe(mine.length);
    expect((await countParams({ visibleToUsername: 'no.such.user' })).total).toBe(0);
    expect((await countParams({ serviceManager: u(8) })).total).toBe(0);

    const all = (await countParams({})).total;
    const forProviders = (await countParams({ visibleToProviders: true })).total;
    expect(forProviders).toBeLessThan(all);
    expect((await countParams({ hasTerminateDate: true })).total + (await countParams({ hasTerminateDate: false })).total).toBe(all);
    expect((await countParams({ componentCount: 4, limitComponentCount: 1 })).total).toBe((await countParams({ offeringType: OFFERING_TYPES.slurm })).total);
  });

  it('should refuse bad filter values before any upstream call', async () => {
    for (const filter of [{ serviceManager: 'nobody' }, { parentOffering: 'x' }, { offeringSlugs: ['a,b'] }, { offeringSlugs: [' '] }, { state: ['UNKNOWN'] }]) {
      const { errors, calls } = await run(stack, COUNT, { filter });
      expect(errors?.[0].extensions?.code, JSON.stringify(filter)).toBe('BAD_USER_INPUT');
      expect(calls).toEqual([]);
    }
  });
});
