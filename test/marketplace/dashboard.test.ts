import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { fieldsOf, paramsOf, traced } from './calls.ts';

const DASHBOARD = `
  query Dashboard {
    customers(first: 4, orderBy: [NAME_ASC]) {
      totalCount
      nodes {
        uuid
        name
        projects(first: 2) {
          totalCount
          nodes {
            uuid
            name
            resources(first: 3) {
              totalCount
              nodes { name state project { uuid name } offering { name type } }
            }
          }
        }
      }
    }
  }`;

describe('the dashboard query: customers → projects → resources', () => {
  it('should make one customers call, ONE projects call for all customers, and one resources call per project, each with exactly the fields selected', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, DASHBOARD);
    expect(result.errors).toBeUndefined();
    const customers = result.data.customers.nodes;
    expect(result.data.customers.totalCount).toBe(6);
    expect(customers.map((c: any) => c.name)).toEqual(['Arcade Cloud', 'Aurora Labs', 'Borealis Labs', 'Cascade Labs']);
    const projects = customers.flatMap((c: any) => c.projects.nodes);
    expect(customers.map((c: any) => c.projects.totalCount)).toEqual([0, 3, 3, 3]);
    expect(projects).toHaveLength(6);

    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/customers/',
      'GET /api/projects/',
      ...projects.map(() => 'GET /api/marketplace-resources/'),
    ]);
    const [customerCall, projectCall, ...resourceCalls] = calls;
    expect(paramsOf(customerCall)).toEqual([['o', 'name'], ['page', '1'], ['page_size', '4']]);
    expect(fieldsOf(customerCall)).toEqual(['uuid', 'name']);
    expect(paramsOf(projectCall)).toEqual([['customer', customers.map((c: any) => c.uuid).join(',')], ['page', '1'], ['page_size', '300']]);
    expect(fieldsOf(projectCall)).toEqual(['uuid', 'name', 'customer_uuid']);
    expect(resourceCalls.map((c) => paramsOf(c))).toEqual(projects.map((p: any) => [['project_uuid', p.uuid], ['page', '1'], ['page_size', '3']]));
    for (const call of resourceCalls) {
      // project { uuid name } and offering { name type } come from the resource's own fields: no project or offering call,
      // and no offering_uuid, nor the resource's own uuid, since nothing asks for them.
      expect(fieldsOf(call)).toEqual(['name', 'offering_name', 'offering_type', 'project_name', 'project_uuid', 'state']);
    }
    for (const project of projects) {
      // Nine seeded resources, and the provider's orchestration-project resource (the link).
      expect(project.resources.totalCount).toBe(10);
      expect(project.resources.nodes).toHaveLength(3);
      for (const resource of project.resources.nodes) expect(resource.project).toEqual({ uuid: project.uuid, name: project.name });
    }
  });

  it('should slice each parent\'s own window from the batched call, as separate per-customer queries would', async () => {
    await using stack = await startStack();
    const batched = await traced(stack, `{
      customers(first: 6, orderBy: [NAME_ASC]) { nodes { uuid projects(first: 1, after: "${Buffer.from('offset:0').toString('base64')}", orderBy: [NAME_DESC]) {
        totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor node { name } } } } }
    }`);
    expect(batched.result.errors).toBeUndefined();
    expect(batched.lines.filter((l) => l.startsWith('GET /api/projects/'))).toHaveLength(1);
    for (const customer of batched.result.data.customers.nodes) {
      const alone = await stack.query(`query($uuid: String!) { customer(uuid: $uuid) { projects(orderBy: [NAME_DESC]) { nodes { name } } } }`, { uuid: customer.uuid });
      const all = alone.data.customer.projects.nodes.map((p: any) => p.name);
      expect(customer.projects.edges.map((e: any) => e.node.name)).toEqual(all.slice(1, 2));
      expect(customer.projects.totalCount).toBe(all.length);
      expect(customer.projects.pageInfo).toEqual({ hasNextPage: all.length > 2, hasPreviousPage: true });
    }
  });

  it('should page a single customer\'s projects with its own exact call instead of fetching them all', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{ customers(first: 1, orderBy: [NAME_DESC]) { nodes { uuid projects(first: 2, orderBy: [NAME_ASC]) { totalCount nodes { name } } } } }`, undefined, 'owner');
    expect(result.errors).toBeUndefined();
    const [customer] = result.data.customers.nodes;
    expect(customer.projects).toEqual({ totalCount: 3, nodes: [{ name: 'Climate modelling 1.1' }, { name: 'Genome assembly 1.2' }] });
    expect(calls).toHaveLength(2);
    expect(paramsOf(calls[1])).toEqual([['o', 'name'], ['customer', customer.uuid], ['page', '1'], ['page_size', '2']]);
  });

  it('should fetch the resources of several offerings in ONE offering_uuid=a,b call and give each offering its own', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{ offerings(first: 3, orderBy: [NAME_ASC]) { nodes { uuid resources(first: 2) { totalCount nodes { offering { uuid } } } } } }`);
    expect(result.errors).toBeUndefined();
    const offerings = result.data.offerings.nodes;
    expect(calls).toHaveLength(2);
    expect(paramsOf(calls[1])).toEqual([['offering_uuid', offerings.map((o: any) => o.uuid).join(',')], ['page', '1'], ['page_size', '300']]);
    expect(fieldsOf(calls[1])).toEqual(['uuid', 'offering_uuid']);
    const totals = await Promise.all(offerings.map(async (o: any) =>
      (await stack.query(`query($f: ResourceFilter) { resources(filter: $f) { totalCount } }`, { f: { offerings: [o.uuid] } })).data.resources.totalCount));
    expect(offerings.map((o: any) => o.resources.totalCount)).toEqual(totals);
    for (const offering of offerings) {
      expect(offering.resources.nodes.length).toBe(Math.min(2, offering.resources.totalCount));
      for (const resource of offering.resources.nodes) expect(resource.offering.uuid).toBe(offering.uuid);
    }
  });
});
