import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, link, mutate, OFFERINGS, offering, resources, rest } from './waldur-fixtures.ts';

const ORDERED = (type: string) => `... on ${type}Success { orderUuid order { uuid type state limits } resource { uuid state } }`;

describe('Waldur resource mutations', () => {
  let stack: Stack;
  let ok: Awaited<ReturnType<typeof resources>>;
  beforeAll(async () => {
    stack = await startStack();
    ok = await resources(stack, 'OK', 'Marketplace.GameServer');
  });
  afterAll(() => stack[Symbol.asyncDispose]());
  /** A fresh OK game-server resource for each test (each test changes the one it takes). */
  const take = () => ok.shift()!;

  it('should terminate a resource and return the Terminate order (from {order_uuid}) and the resource', async () => {
    const resource = take();
    const { result, calls } = await mutate(stack, 'terminateResource', { uuid: resource.uuid }, ORDERED('TerminateResource'), 'owner');
    expect(result.__typename).toBe('TerminateResourceSuccess');
    expect(calls[0]).toEqual({ method: 'POST', path: api(`marketplace-resources/${resource.uuid}/terminate/`), body: {} });
    expect(calls.slice(1).map((c) => c.path).sort()).toEqual([api(`marketplace-orders/${result.orderUuid}/`), api(`marketplace-resources/${resource.uuid}/`)]);
    expect(result.order).toMatchObject({ uuid: result.orderUuid, type: 'TERMINATE', state: 'EXECUTING' });
    expect(result.resource).toEqual({ uuid: resource.uuid, state: 'TERMINATING' });
  });

  it('should send termination attributes, and answer ConflictError with the valid states for a terminated resource', async () => {
    const resource = take();
    const first = await mutate(stack, 'terminateResource', { uuid: resource.uuid, attributes: { reason: 'done' } }, ORDERED('TerminateResource'), 'owner');
    expect(first.calls[0].body).toEqual({ attributes: { reason: 'done' } });
    await stack.control('waldur', 'POST', 'advance', { order: first.result.orderUuid, to: 'done' });
    const again = await mutate(stack, 'terminateResource', { uuid: resource.uuid }, '', 'owner');
    expect(again.result).toEqual({ __typename: 'ConflictError', message: 'Valid states for operation: OK, Erred.', validStates: ['OK', 'Erred'] });
  });

  it('should order new limits, and turn Waldur\'s bare-list 400 for identical limits into a ValidationError', async () => {
    const resource = take();
    const same = await mutate(stack, 'updateResourceLimits', { uuid: resource.uuid, limits: resource.limits }, '', 'owner');
    expect(same.calls).toEqual([{ method: 'POST', path: api(`marketplace-resources/${resource.uuid}/update_limits/`), body: { limits: resource.limits } }]);
    expect(same.result).toMatchObject({
      __typename: 'ValidationError', fields: [{ field: '_', message: 'Impossible to create update orders with limits set to exactly the same.' }],
    });

    const limits = { slots: resource.limits.slots + 8 };
    const changed = await mutate(stack, 'updateResourceLimits', { uuid: resource.uuid, limits, requestComment: 'tournament' }, ORDERED('UpdateResourceLimits'), 'owner');
    expect(changed.calls[0]).toEqual({ method: 'POST', path: api(`marketplace-resources/${resource.uuid}/update_limits/`), body: { limits, request_comment: 'tournament' } });
    expect(changed.result.order).toMatchObject({ type: 'UPDATE', limits });
    expect(changed.result.resource.state).toBe('UPDATING');

    const busy = await mutate(stack, 'updateResourceLimits', { uuid: resource.uuid, limits: { slots: 1 } }, '', 'owner');
    expect(busy.result).toMatchObject({ __typename: 'ConflictError', validStates: ['OK'] });
  });

  it('should check limits itself: non-negative safe integers, at least one component, no upstream call', async () => {
    const resource = ok[0];
    for (const [limits, field, received] of [
      [{}, 'limits', 'an empty object'], [{ slots: -2 }, 'limits.slots', '-2'], [{ slots: 0.5 }, 'limits.slots', '0.5'],
      [{ slots: 1e300 }, 'limits.slots', '1e+300'], [{ slots: null }, 'limits.slots', 'null'], [[4], 'limits', 'an array (1 items)'],
    ] as const) {
      const { result, calls } = await mutate(stack, 'updateResourceLimits', { uuid: resource.uuid, limits }, '', 'owner');
      expect(calls).toEqual([]);
      expect(result.__typename).toBe('ValidationError');
      expect(result.fields[0].field).toBe(field);
      expect(result.fields[0].message).toContain(received);
    }
  });

  it('should switch the plan with the public plan URL under the resource\'s offering (read first)', async () => {
    const resource = take();
    const game = await offering(stack, OFFERINGS.gameServer);
    const other = game.plans.find((p) => p.uuid !== resource.plan_uuid)!;
    const { result, calls } = await mutate(stack, 'switchResourcePlan', { uuid: resource.uuid, planUuid: other.uuid }, ORDERED('SwitchResourcePlan'), 'owner');
    expect(calls.slice(0, 2)).toEqual([
      { method: 'GET', path: api(`marketplace-resources/${resource.uuid}/`), query: 'field=uuid&field=offering_uuid' },
      { method: 'POST', path: api(`marketplace-resources/${resource.uuid}/switch_plan/`), body: { plan: link(stack, `marketplace-public-offerings/${game.uuid}/plans/${other.uuid}/`) } },
    ]);
    expect(result.order).toMatchObject({ type: 'UPDATE', state: 'EXECUTING' });
  });

  it('should rename a resource (PATCH with only the given fields) and re-read it', async () => {
    const resource = ok[0];
    const selection = '... on UpdateResourceSuccess { resource { uuid name description endDate } }';
    const { result, calls } = await mutate(stack, 'updateResource', { uuid: resource.uuid, name: '  Arena EU  ', endDate: '2031-01-31' }, selection, 'owner');
    expect(calls).toEqual([
      { method: 'PATCH', path: api(`marketplace-resources/${resource.uuid}/`), body: { name: 'Arena EU', end_date: '2031-01-31' } },
      { method: 'GET', path: api(`marketplace-resources/${resource.uuid}/`), query: 'field=uuid&field=description&field=end_date&field=name' },
    ]);
    expect(result.resource).toMatchObject({ name: 'Arena EU', endDate: '2031-01-31' });
    const cleared = await mutate(stack, 'updateResource', { uuid: resource.uuid, endDate: null }, selection, 'owner');
    expect(cleared.calls[0].body).toEqual({ end_date: null });
    expect(cleared.result.resource.endDate).toBeNull();
  });

  it('should refuse an empty change, a blank name, a long description and a bad date without calling Waldur', async () => {
    const resource = ok[0];
    const none = await mutate(stack, 'updateResource', { uuid: resource.uuid }, '', 'owner');
    expect(none.result.fields).toEqual([{ field: '_', message: 'expected at least one of name, description, endDate to change, received none' }]);
    const bad = await mutate(stack, 'updateResource', { uuid: resource.uuid, name: ' \t ', description: 'd'.repeat(4097), endDate: '31.01.2031' }, '', 'owner');
    expect(bad.result.fields.map((f: any) => f.field)).toEqual(['name', 'description', 'endDate']);
    expect(none.calls).toEqual([]);
    expect(bad.calls).toEqual([]);
  });

  it('should submit options (a JSON object) and say there is no order when Waldur answers a status', async () => {
    const resource = ok[0];
    const selection = '... on UpdateResourceOptionsSuccess { orderUuid order { uuid } resource { options } }';
    const { result, calls } = await mutate(stack, 'updateResourceOptions', { uuid: resource.uuid, options: { map: 'de_dust2' } }, selection, 'owner');
    expect(calls[0]).toEqual({ method: 'POST', path: api(`marketplace-resources/${resource.uuid}/update_options/`), body: { options: { map: 'de_dust2' } } });
    expect(result).toMatchObject({ orderUuid: null, order: null, resource: { options: { map: 'de_dust2' } } });
    const notObject = await mutate(stack, 'updateResourceOptions', { uuid: resource.uuid, options: 'map=x' }, '', 'owner');
    expect(notObject.result.fields).toEqual([{ field: 'options', message: 'expected a JSON object, received "map=x"' }]);
    expect(notObject.calls).toEqual([]);
  });

  it('should map a plan of another offering onto planUuid, and answer ConflictError for a resource that is not OK', async () => {
    const resource = ok[0];
    const basic = await offering(stack, OFFERINGS.basic);
    const foreign = await mutate(stack, 'switchResourcePlan', { uuid: resource.uuid, planUuid: basic.plans[0].uuid }, '', 'owner');
    expect(foreign.result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'planUuid', message: 'Plan is not available for this offering.' }] });
    const [erred] = await resources(stack, 'Erred', 'Marketplace.GameServer');
    const game = await offering(stack, OFFERINGS.gameServer);
    const conflict = await mutate(stack, 'switchResourcePlan', { uuid: erred.uuid, planUuid: game.plans[0].uuid }, '', 'owner');
    expect(conflict.result).toMatchObject({ __typename: 'ConflictError', validStates: ['OK'] });
  });

  it('should answer ForbiddenError and NotFoundError for updates and options too', async () => {
    const member = (await rest<any[]>(stack, 'member', 'marketplace-resources/?state=OK'))[0];
    for (const [name, input] of [['updateResource', { uuid: member.uuid, name: 'x' }], ['updateResourceOptions', { uuid: member.uuid, options: {} }]] as const) {
      expect((await mutate(stack, name, input, '', 'member')).result.__typename).toBe('ForbiddenError');
      expect((await mutate(stack, name, input, '', 'nobody')).result.__typename).toBe('NotFoundError');
    }
  });

  it('should answer ForbiddenError for a project member and NotFoundError for a caller who cannot see the resource', async () => {
    const member = (await rest<any[]>(stack, 'member', 'marketplace-resources/?state=OK'))[0];
    const forbidden = await mutate(stack, 'terminateResource', { uuid: member.uuid }, '', 'member');
    expect(forbidden.result).toEqual({ __typename: 'ForbiddenError', message: 'You do not have permission to perform this action.' });
    const hidden = await mutate(stack, 'updateResourceLimits', { uuid: member.uuid, limits: { slots: 1 } }, '', 'nobody');
    expect(hidden.result.__typename).toBe('NotFoundError');
    const plan = await mutate(stack, 'switchResourcePlan', { uuid: member.uuid, planUuid: member.uuid }, '', 'nobody');
    expect(plan.result.__typename).toBe('NotFoundError');
    expect(plan.calls).toEqual([{ method: 'GET', path: api(`marketplace-resources/${member.uuid}/`), query: 'field=uuid&field=offering_uuid' }]);
  });
});
