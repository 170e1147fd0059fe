import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { fieldsOf, paramsOf, traced } from './calls.ts';

describe('orders with their links', () => {
  it('should answer project, customer, offering, resource and plan names from the order itself: one call', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{
      orders(first: 20, orderBy: [CREATED_DESC]) {
        totalCount
        nodes { uuid type state cost created project { uuid name } customer { name } offering { name type } resource { uuid name } plan { name unit } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.orders.totalCount).toBe(158);
    expect(result.data.orders.nodes).toHaveLength(20);
    expect(calls).toHaveLength(1);
    expect(paramsOf(calls[0])).toEqual([['o', '-created'], ['page', '1'], ['page_size', '20']]);
    expect(fieldsOf(calls[0])).toEqual([
      'uuid', 'cost', 'created', 'customer_name', 'marketplace_resource_uuid', 'offering_name', 'offering_type',
      'plan_name', 'plan_unit', 'plan_uuid', 'project_name', 'project_uuid', 'resource_name', 'state', 'type',
    ]);
    const created = result.data.orders.nodes.map((o: any) => o.created);
    expect([...created].sort().reverse()).toEqual(created);
    for (const order of result.data.orders.nodes) {
      expect(order.project.uuid).toMatch(/^[0-9a-f]{32}$/);
      expect(order.offering.type).toMatch(/^Marketplace\./);
    }
  });

  it('should fetch linked objects only when the selection needs more than the order carries: de-duplicated, batched where Waldur can', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{
      orders(first: 12, orderBy: [CREATED_ASC]) {
        nodes { uuid project { name created } offering { name state } resource { state } plan { unitPrice } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const orders = result.data.orders.nodes;
    const [list, ...rest] = calls;
    expect(fieldsOf(list)).toEqual(['uuid', 'marketplace_resource_uuid', 'offering_uuid', 'plan_uuid', 'project_uuid']);
    const projectCalls = rest.filter((c) => c.path.startsWith('/api/projects/'));
    const resourceCalls = rest.filter((c) => c.path.startsWith('/api/marketplace-resources/'));
    const offeringCalls = rest.filter((c) => c.path.startsWith('/api/marketplace-public-offerings/'));
    const distinct = (pick: (o: any) => string) => new Set(orders.map(pick)).size;
    expect(rest).toHaveLength(projectCalls.length + resourceCalls.length + offeringCalls.length);
    // Projects and resources have no many-by-uuid filter: one retrieve per distinct object, never two.
    expect(projectCalls.length).toBe(new Set(projectCalls.map((c) => c.path)).size);
    expect(resourceCalls).toHaveLength(new Set(resourceCalls.map((c) => c.path)).size);
    expect(resourceCalls.length).toBeLessThanOrEqual(orders.length);
    for (const call of projectCalls) expect(fieldsOf(call)).toEqual(['uuid', 'created', 'name']);
    for (const call of resourceCalls) expect(fieldsOf(call)).toEqual(['uuid', 'state']);
    // Offerings (and plans, through their offering) come in ONE uuid_list call with one field set.
    expect(offeringCalls).toHaveLength(1);
    expect(fieldsOf(offeringCalls[0])).toEqual(['uuid', 'name', 'plans', 'state']);
    expect(paramsOf(offeringCalls[0])[0][0]).toBe('uuid_list');
    expect(paramsOf(offeringCalls[0])[0][1].split(',')).toHaveLength(distinct((o) => o.offering.name));
    expect(distinct((o) => o.project.name)).toBe(projectCalls.length);
    for (const order of orders) {
      expect(order.project.created).toMatch(/^\d{4}-/);
      expect(order.offering.state).toBe('ACTIVE');
      if (order.plan) expect(order.plan.unitPrice).toMatch(/^\d+\.\d+$/);
    }
  });

  it('should read a resource\'s creation order and order in progress from the resource, and its other orders per resource', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{
      resources(first: 4, orderBy: [NAME_ASC]) {
        nodes { uuid creationOrder { uuid type state } orderInProgress { uuid state } orders(first: 5) { totalCount nodes { uuid type } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const resources = result.data.resources.nodes;
    expect(fieldsOf(calls[0])).toEqual(['uuid', 'creation_order', 'order_in_progress']);
    expect(calls.slice(1).map((c) => paramsOf(c))).toEqual(resources.map((r: any) => [['resource_uuid', r.uuid], ['page', '1'], ['page_size', '5']]));
    for (const resource of resources) {
      expect(resource.creationOrder.type).toBe('CREATE');
      expect(resource.orders.nodes.map((o: any) => o.uuid)).toContain(resource.creationOrder.uuid);
    }
  });

  it('should read a link\'s uuid only when something needs it: its id, its uuid, or a list below it', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{
      resources(first: 2, orderBy: [NAME_ASC]) { nodes { project { id } offering { __typename name } customer { projects { totalCount } } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(fieldsOf(calls[0])).toEqual(['customer_uuid', 'offering_name', 'project_uuid']);
    for (const resource of result.data.resources.nodes) {
      expect(Buffer.from(resource.project.id, 'base64').toString()).toMatch(/^Project:[0-9a-f]{32}$/);
      expect(resource.customer.projects.totalCount).toBe(3);
    }
  });
});
