import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { paramsOf, traced } from './calls.ts';

describe('filters and ordering', () => {
  it('should send repeat-style filters repeated, CSV filters as one comma-separated key, and orderBy as one `o`', async () => {
    await using stack = await startStack();
    const seed = await stack.query(`{ offerings(first: 2, orderBy: [NAME_ASC]) { nodes { uuid } } projects(first: 1, orderBy: [NAME_ASC]) { nodes { uuid } } }`);
    const [a, b] = seed.data.offerings.nodes.map((o: any) => o.uuid);
    const project = seed.data.projects.nodes[0].uuid;
    const { result, calls } = await traced(stack, `query($filter: ResourceFilter) {
      resources(first: 50, filter: $filter, orderBy: [NAME_ASC, CREATED_DESC]) { nodes { name state project { uuid } offering { uuid } } }
    }`, { filter: { project, offerings: [a, b], state: ['OK', 'ERRED'] } });
    expect(result.errors).toBeUndefined();
    expect(paramsOf(calls[0])).toEqual([
      ['project_uuid', project], ['offering_uuid', `${a},${b}`], ['state', 'OK'], ['state', 'Erred'], ['o', 'name,-created'], ['page', '1'], ['page_size', '50'],
    ]);
    const names = result.data.resources.nodes.map((r: any) => r.name);
    expect([...names].sort()).toEqual(names);
    for (const resource of result.data.resources.nodes) {
      expect(['OK', 'ERRED']).toContain(resource.state);
      expect([a, b]).toContain(resource.offering.uuid);
      expect(resource.project.uuid).toBe(project);
    }
  });

  it('should map each list\'s filters onto Waldur\'s real names', async () => {
    await using stack = await startStack();
    const seed = await stack.query(`{ customers(first: 2, orderBy: [NAME_DESC]) { nodes { uuid } } }`);
    const [c1, c2] = seed.data.customers.nodes.map((c: any) => c.uuid);
    const cases: Array<[string, Array<[string, string]>]> = [
      [`{ projects(filter: { customers: ["${c1}", "${c2}"], name: "a" }, orderBy: [CUSTOMER_NAME_ASC]) { totalCount } }`,
        [['name', 'a'], ['customer', `${c1},${c2}`], ['o', 'customer_name'], ['page_size', '1']]],
      [`{ orders(filter: { state: [DONE, ERRED], type: [CREATE, TERMINATE], customer: "${c1}" }) { totalCount } }`,
        [['customer_uuid', c1], ['state', 'done'], ['state', 'erred'], ['type', 'Create'], ['type', 'Terminate'], ['page_size', '1']]],
      [`{ offerings(filter: { uuids: ["${c1}", "${c2}"], state: [ACTIVE], type: ["Marketplace.Basic"], shared: true }) { totalCount } }`,
        [['uuid_list', `${c1},${c2}`], ['state', 'Active'], ['type', 'Marketplace.Basic'], ['shared', 'true'], ['page_size', '1']]],
      [`{ customers(filter: { query: "Labs", archived: false }, orderBy: [ABBREVIATION_DESC]) { totalCount } }`,
        [['query', 'Labs'], ['archived', 'false'], ['o', '-abbreviation'], ['page_size', '1']]],
      [`{ backendResourceRequests(filter: { state: [SENT, ERRED] }, orderBy: [CREATED_DESC]) { totalCount } }`,
        [['state', 'Sent'], ['state', 'Erred'], ['o', '-created'], ['page_size', '1']]],
    ];
    for (const [query, params] of cases) {
      const { result, calls } = await traced(stack, query);
      expect(result.errors).toBeUndefined();
      expect(calls.map((c) => c.method)).toEqual(['HEAD']);
      expect(paramsOf(calls[0])).toEqual(params);
    }
  });

  it('should filter a nested list while keeping it scoped to its parent', async () => {
    await using stack = await startStack();
    const { result, lines } = await traced(stack, `{
      projects(first: 2, orderBy: [NAME_ASC]) { nodes { uuid resources(filter: { state: [TERMINATED], project: "00000000000000000000000000000000" }) { nodes { state project { uuid } } } } }
    }`);
    expect(result.errors).toBeUndefined();
    for (const project of result.data.projects.nodes) {
      for (const resource of project.resources.nodes) expect(resource).toEqual({ state: 'TERMINATED', project: { uuid: project.uuid } });
      expect(lines).toContainEqual(expect.stringContaining(`state=Terminated project_uuid=${project.uuid} field=`));
    }
  });

  it('should refuse UNKNOWN as a filter value', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{ orders(filter: { state: [UNKNOWN] }) { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toEqual([]);
  });
});
