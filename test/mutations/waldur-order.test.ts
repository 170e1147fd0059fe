import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlTabs } from '../../src/http/graphiql.ts';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, link, memberProject, mutate, OFFERINGS, offering, placeOrder, rest } from './waldur-fixtures.ts';

const CREATED = '... on CreateOrderSuccess { order { uuid type state attributes limits project { uuid } } resource { uuid state name } }';
const ORDER = (type: string) => `... on ${type}Success { orderUuid order { uuid state consumerReviewedBy providerReviewedBy resource { state } } }`;

describe('Waldur order mutations', () => {
  let stack: Stack;
  let project: Awaited<ReturnType<typeof memberProject>>;
  let basic: Awaited<ReturnType<typeof offering>>;
  beforeAll(async () => {
    stack = await startStack();
    project = await memberProject(stack);
    basic = await offering(stack, OFFERINGS.basic);
  });
  afterAll(() => stack[Symbol.asyncDispose]());

  const orderInput = (extra: Record<string, unknown> = {}) => ({
    projectUuid: project.uuid, offeringUuid: basic.uuid, planUuid: basic.plans[1].uuid, attributes: { name: 'seat-for-mia' }, limits: { seats: 3 }, ...extra,
  });

  it('should place an order as a project member with the hyperlinks Waldur wants: it waits in pending-consumer', async () => {
    const { result, errors, calls } = await mutate(stack, 'createOrder', orderInput({ requestComment: 'please' }), CREATED, 'member');
    expect(errors).toBeUndefined();
    expect(calls).toEqual([{
      method: 'POST', path: api('marketplace-orders/'),
      body: {
        project: link(stack, `projects/${project.uuid}/`),
        offering: link(stack, `marketplace-public-offerings/${basic.uuid}/`),
        plan: link(stack, `marketplace-public-offerings/${basic.uuid}/plans/${basic.plans[1].uuid}/`),
        attributes: { name: 'seat-for-mia' }, limits: { seats: 3 }, request_comment: 'please',
      },
    }, {
      // The resource is read (with the fields selected) only because the operation asks for it.
      method: 'GET', path: api(`marketplace-resources/${result.resource.uuid}/`), query: 'field=uuid&field=name&field=state',
    }]);
    expect(result.__typename).toBe('CreateOrderSuccess');
    expect(result.order).toMatchObject({ type: 'CREATE', state: 'PENDING_CONSUMER', attributes: { name: 'seat-for-mia' }, limits: { seats: 3 }, project: { uuid: project.uuid } });
    expect(result.resource).toMatchObject({ state: 'CREATING', name: 'seat-for-mia' });
  });

  it('should accept dashed, upper-case uuids and send them as Waldur\'s 32 lowercase hex digits', async () => {
    const dashed = (u: string) => `${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}`.toUpperCase();
    const plan = basic.plans[0].uuid;
    const { result, calls } = await mutate(stack, 'createOrder', { projectUuid: dashed(project.uuid), offeringUuid: dashed(basic.uuid), planUuid: dashed(plan) }, CREATED, 'member');
    expect(result.__typename).toBe('CreateOrderSuccess');
    expect(calls[0].body).toEqual({
      project: link(stack, `projects/${project.uuid}/`), offering: link(stack, `marketplace-public-offerings/${basic.uuid}/`),
      plan: link(stack, `marketplace-public-offerings/${basic.uuid}/plans/${plan}/`),
    });
  });

  it('should auto-approve the consumer side for the customer owner: a Basic order goes straight to pending-provider', async () => {
    const { result, calls } = await mutate(stack, 'createOrder', orderInput(), CREATED, 'owner');
    expect(calls.map((c) => c.method)).toEqual(['POST', 'GET']);
    expect(result.order.state).toBe('PENDING_PROVIDER');
    // Selecting only the order's own fields costs no extra request.
    const plain = await mutate(stack, 'createOrder', orderInput(), '... on CreateOrderSuccess { order { uuid state } }', 'owner');
    expect(plain.calls.map((c) => c.method)).toEqual(['POST']);
  });

  it('should approve as consumer, then as provider, re-reading the order after each transition', async () => {
    const placed = await mutate(stack, 'createOrder', orderInput(), CREATED, 'member');
    const orderUuid = placed.result.order.uuid;

    const consumer = await mutate(stack, 'approveOrder', { orderUuid, as: 'CONSUMER' }, ORDER('ApproveOrder'), 'owner');
    expect(consumer.calls.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: api(`marketplace-orders/${orderUuid}/approve_by_consumer/`), body: undefined },
      { method: 'GET', path: api(`marketplace-orders/${orderUuid}/`), body: undefined },
      { method: 'GET', path: api(`marketplace-resources/${placed.result.resource.uuid}/`), body: undefined },
    ]);
    expect(consumer.result).toMatchObject({ __typename: 'ApproveOrderSuccess', orderUuid, order: { state: 'PENDING_PROVIDER', consumerReviewedBy: 'olivia.owner', resource: { state: 'CREATING' } } });

    const provider = await mutate(stack, 'approveOrder', { orderUuid, as: 'PROVIDER' }, ORDER('ApproveOrder'), 'provider');
    expect(provider.calls[0]).toEqual({ method: 'POST', path: api(`marketplace-orders/${orderUuid}/approve_by_provider/`) });
    expect(provider.result.order).toMatchObject({ state: 'EXECUTING', providerReviewedBy: 'pete.provider' });
  });

  it('should read each order afresh after each transition, even within one operation (staff approves both sides)', async () => {
    const placed = await placeOrder(stack, 'member', project.uuid, OFFERINGS.basic);
    await stack.resetLogs();
    const { data, errors } = await stack.query(`mutation($uuid: String!) {
      consumer: approveOrder(input: { orderUuid: $uuid, as: CONSUMER }) { ... on ApproveOrderSuccess { order { state } } }
      provider: approveOrder(input: { orderUuid: $uuid, as: PROVIDER }) { ... on ApproveOrderSuccess { order { state } } }
    }`, { uuid: placed.uuid }, 'staff');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ consumer: { order: { state: 'PENDING_PROVIDER' } }, provider: { order: { state: 'EXECUTING' } } });
    expect((await stack.requests('waldur')).map((c) => `${c.method} ${c.path.split('/').slice(-2, -1)[0]}`)).toEqual([
      'POST approve_by_consumer', `GET ${placed.uuid}`, 'POST approve_by_provider', `GET ${placed.uuid}`,
    ]);
  });

  it('should leave outages as coded GraphQL errors and never retry the write', async () => {
    const placed = await placeOrder(stack, 'owner', project.uuid, OFFERINGS.basic);
    await stack.resetLogs();
    await stack.control('waldur', 'POST', 'faults', { method: 'POST', path: '/cancel/$', status: 503, body: '<html>Service Unavailable</html>', times: 3 });
    const { data, errors } = await stack.query('mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename } }', { input: { orderUuid: placed.uuid } }, 'owner');
    expect(data).toEqual({ cancelOrder: null });
    expect(errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', service: 'waldur', upstreamStatus: 503, retryable: true });
    expect((await stack.requests('waldur')).map((c) => c.method)).toEqual(['POST']);
    await stack.control('waldur', 'DELETE', 'faults');
  });

  it('should reject as consumer and as provider, sending the side\'s rejection comment', async () => {
    const pending = await placeOrder(stack, 'member', project.uuid, OFFERINGS.basic);
    const byConsumer = await mutate(stack, 'rejectOrder', { orderUuid: pending.uuid, as: 'CONSUMER', comment: 'not now' }, ORDER('RejectOrder'), 'owner');
    expect(byConsumer.calls[0]).toEqual({ method: 'POST', path: api(`marketplace-orders/${pending.uuid}/reject_by_consumer/`), body: { consumer_rejection_comment: 'not now' } });
    expect(byConsumer.result.order).toMatchObject({ state: 'REJECTED', resource: { state: 'TERMINATED' } });

    const atProvider = await placeOrder(stack, 'owner', project.uuid, OFFERINGS.basic);
    const byProvider = await mutate(stack, 'rejectOrder', { orderUuid: atProvider.uuid, as: 'PROVIDER' }, ORDER('RejectOrder'), 'provider');
    expect(byProvider.calls[0]).toEqual({ method: 'POST', path: api(`marketplace-orders/${atProvider.uuid}/reject_by_provider/`) });
    expect(byProvider.result.order.state).toBe('REJECTED');
  });

  it('should answer rejectOrder and cancelOrder errors as typed errors: wrong state, wrong role, invisible', async () => {
    const atProvider = await placeOrder(stack, 'owner', project.uuid, OFFERINGS.basic);
    const state = await mutate(stack, 'rejectOrder', { orderUuid: atProvider.uuid, as: 'CONSUMER' }, '', 'owner');
    expect(state.result).toMatchObject({ __typename: 'ConflictError', validStates: ['pending-consumer'] });
    const notProvider = await mutate(stack, 'rejectOrder', { orderUuid: atProvider.uuid, as: 'PROVIDER' }, '', 'owner');
    expect(notProvider.result.__typename).toBe('ForbiddenError');
    const hidden = await mutate(stack, 'rejectOrder', { orderUuid: atProvider.uuid, as: 'PROVIDER' }, '', 'nobody');
    expect(hidden.result.__typename).toBe('NotFoundError');
    const member = await mutate(stack, 'cancelOrder', { orderUuid: atProvider.uuid }, '', 'member');
    expect(member.result.__typename).toBe('ForbiddenError');
    expect((await mutate(stack, 'cancelOrder', { orderUuid: atProvider.uuid }, '', 'nobody')).result.__typename).toBe('NotFoundError');
  });

  it('should cancel a pending order, and answer ConflictError with the valid states when the order is past them', async () => {
    const pending = await placeOrder(stack, 'owner', project.uuid, OFFERINGS.basic);
    const canceled = await mutate(stack, 'cancelOrder', { orderUuid: pending.uuid }, ORDER('CancelOrder'), 'owner');
    expect(canceled.calls[0]).toEqual({ method: 'POST', path: api(`marketplace-orders/${pending.uuid}/cancel/`) });
    expect(canceled.result).toMatchObject({ __typename: 'CancelOrderSuccess', order: { state: 'CANCELED' } });

    const again = await mutate(stack, 'cancelOrder', { orderUuid: pending.uuid }, ORDER('CancelOrder'), 'owner');
    expect(again.errors).toBeUndefined();
    expect(again.result).toEqual({
      __typename: 'ConflictError', message: 'Valid states for operation: pending-consumer, pending-provider, executing.',
      validStates: ['pending-consumer', 'pending-provider', 'executing'],
    });
    expect(again.calls).toHaveLength(1);
  });

  it('should answer ConflictError when the offering type does not support cancel (405)', async () => {
    const game = await placeOrder(stack, 'owner', project.uuid, OFFERINGS.gameServer, { name: 'arena', region: 'eu-west' });
    const { result } = await mutate(stack, 'cancelOrder', { orderUuid: game.uuid }, '', 'owner');
    expect(result).toMatchObject({ __typename: 'ConflictError', validStates: [] });
    expect(result.message).toMatch(/does not support this action/);
  });

  it('should answer approve in the wrong state with ConflictError, by the wrong side with ForbiddenError, and for the invisible with NotFoundError', async () => {
    const pending = await placeOrder(stack, 'member', project.uuid, OFFERINGS.basic);
    const wrongState = await mutate(stack, 'approveOrder', { orderUuid: pending.uuid, as: 'PROVIDER' }, '', 'provider');
    expect(wrongState.result).toMatchObject({ __typename: 'ConflictError', validStates: ['pending-provider'] });
    const member = await mutate(stack, 'approveOrder', { orderUuid: pending.uuid, as: 'CONSUMER' }, '', 'member');
    expect(member.result.__typename).toBe('ForbiddenError');
    const nobody = await mutate(stack, 'approveOrder', { orderUuid: pending.uuid, as: 'CONSUMER' }, '', 'nobody');
    expect(nobody.result.__typename).toBe('NotFoundError');
    expect(nobody.calls).toEqual([{ method: 'POST', path: api(`marketplace-orders/${pending.uuid}/approve_by_consumer/`) }]);
  });

  it('should map Waldur\'s field errors onto the input\'s names (ValidationError), e.g. a project the caller cannot see', async () => {
    const { result, calls } = await mutate(stack, 'createOrder', orderInput(), CREATED, 'nobody');
    expect(calls).toHaveLength(1);
    expect(result.__typename).toBe('ValidationError');
    expect(result.fields).toEqual([{ field: 'projectUuid', message: 'Invalid hyperlink - Object does not exist.' }]);
  });

  it('should reject bad input itself, naming what it expected and received, with no upstream call', async () => {
    const { result, calls } = await mutate(stack, 'createOrder', {
      projectUuid: '../customers', offeringUuid: basic.uuid, planUuid: 'x', attributes: ['name'], limits: { seats: -1, ram: 1.5, disk: '4', cpu: 2 ** 53 },
      requestComment: 'x'.repeat(256), startDate: '2026-02-30',
    }, CREATED, 'owner');
    expect(calls).toEqual([]);
    expect(result.__typename).toBe('ValidationError');
    expect(result.fields).toEqual([
      { field: 'projectUuid', message: 'expected a Waldur UUID (32 hex digits, dashes optional), received "../customers"' },
      { field: 'planUuid', message: 'expected a Waldur UUID (32 hex digits, dashes optional), received "x"' },
      { field: 'attributes', message: 'expected a JSON object, received an array (1 items)' },
      { field: 'limits.seats', message: 'expected a non-negative integer (at most 9007199254740991), received -1' },
      { field: 'limits.ram', message: 'expected a non-negative integer (at most 9007199254740991), received 1.5' },
      { field: 'limits.disk', message: 'expected a non-negative integer (at most 9007199254740991), received "4"' },
      { field: 'limits.cpu', message: 'expected a non-negative integer (at most 9007199254740991), received 9007199254740992' },
      { field: 'requestComment', message: 'expected at most 255 characters, received 256' },
      { field: 'startDate', message: 'expected a calendar date as YYYY-MM-DD, received "2026-02-30"' },
    ]);
  });

  it('should reject a bad enum value in GraphQL validation (BAD_USER_INPUT) with no upstream call', async () => {
    const { errors, calls } = await mutate(stack, 'approveOrder', { orderUuid: basic.uuid, as: 'OWNER' }, '', 'owner');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toEqual([]);
  });

  it('should move orders on through the simulator\'s control API (the stack\'s automatic step is slow)', async () => {
    const order = await placeOrder(stack, 'owner', project.uuid, OFFERINGS.basic);
    await stack.control('waldur', 'POST', 'advance', { order: order.uuid, to: 'done' });
    const { result } = await mutate(stack, 'cancelOrder', { orderUuid: order.uuid }, '', 'owner');
    expect(result.validStates).toEqual(['pending-consumer', 'pending-provider', 'executing']);
    expect((await rest(stack, 'owner', `marketplace-orders/${order.uuid}/`)).state).toBe('done');
  });
});

describe('a Waldur mutation that times out', () => {
  it('should say the outcome is unknown and which query tells the truth', async () => {
    await using stack = await startStack({ env: { WALDUR_TIMEOUT_MS: '300' } });
    const project = await memberProject(stack);
    const basic = await offering(stack, OFFERINGS.basic);
    await stack.resetLogs();
    await stack.control('waldur', 'POST', 'faults', { method: 'POST', path: '^/api/marketplace-orders/$', hang: true, times: 1 });
    const { data, errors } = await stack.query(`mutation($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }`, {
      input: { projectUuid: project.uuid, offeringUuid: basic.uuid, planUuid: basic.plans[0].uuid },
    }, 'member');
    const calls = await stack.requests('waldur');
    expect(data).toEqual({ createOrder: null });
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', service: 'waldur', retryable: false });
    expect(errors![0].message).toMatch(new RegExp(`To learn the outcome, query: orders\\(filter: \\{ project: "${project.uuid}", createdAfter: "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ" \\}\\)`));
    // A write is never retried.
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});

describe('the GraphiQL "create an order" example', () => {
  it('should run as written, with the uuids its first query finds', async () => {
    await using stack = await startStack();
    const example = graphiqlTabs(undefined).map((tab) => tab.query).find((q) => q.includes('mutation CreateOrder'))!;
    const post = async (operationName: string, variables: Record<string, unknown> = {}) => {
      const response = await request(stack.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Token ${stack.principal('owner').waldurToken}` },
        body: JSON.stringify({ query: example, operationName, variables }),
      });
      return (await response.body.json()) as { data?: any; errors?: unknown };
    };
    const picks = await post('PickOrderInputs');
    const game = picks.data.offerings.nodes.find((o: any) => o.type === 'Marketplace.GameServer');
    const project = picks.data.customers.nodes.flatMap((c: any) => c.projects.nodes)[0];
    const variables = { projectUuid: project.uuid, offeringUuid: game.uuid, planUuid: game.plans[0].uuid, attributes: { name: 'my-first-resource', region: 'eu-west' } };
    const created = await post('CreateOrder', variables);
    expect(created.errors).toBeUndefined();
    expect(created.data.createOrder).toMatchObject({ __typename: 'CreateOrderSuccess', order: { type: 'CREATE', state: 'EXECUTING' }, resource: { name: 'my-first-resource', state: 'CREATING' } });
  });
});
