import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, fieldQuery, link, mutate, OFFERING_TYPES, oneResource, rest, type WaldurResource } from './helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack[Symbol.asyncDispose]());

const post = (uuid: string, action: string, body?: unknown) => ({ method: 'POST', path: api(`marketplace-resources/${uuid}/${action}/`), ...(body !== undefined && { body }) });
const MISSING = 'f'.repeat(32);

/** Local checks: the typed ValidationError names the field, and Waldur is never called. */
async function rejected(name: string, input: Record<string, unknown>, field: string, as: Parameters<typeof mutate>[4] = 'staff') {
  const { result, calls } = await mutate(stack, name, input, '', as);
  expect(calls, `${name} ${JSON.stringify(input)}`).toEqual([]);
  expect(result.__typename).toBe('ValidationError');
  expect(result.fields.map((f: any) => f.field)).toContain(field);
}

describe('renewResource', () => {
  it('should order a renewal of a prepaid resource and return the Update order', async () => {
    const prepaid = await oneResource(stack, `offering_type=${OFFERING_TYPES.basic}&state=OK`);
    const input = { uuid: prepaid.uuid, extensionMonths: 12, limits: { seats: 2 }, requestComment: 'next year' };
    const { result, calls } = await mutate(stack, 'renewResource', input, '... on RenewResourceSuccess { orderUuid order { uuid type state attributes } resource { uuid } }', 'owner');
    expect(result.__typename).toBe('RenewResourceSuccess');
    expect(calls[0]).toEqual(post(prepaid.uuid, 'renew', { extension_months: 12, limits: { seats: 2 }, request_comment: 'next year' }));
    expect(calls.slice(1).map((c) => c.path).sort()).toEqual([api(`marketplace-orders/${result.orderUuid}/`), api(`marketplace-resources/${prepaid.uuid}/`)]);
    expect(result.order).toMatchObject({ uuid: result.orderUuid, type: 'UPDATE', state: 'PENDING_PROVIDER', attributes: { action: 'renew', extension_months: 12 } });
  });

  it('should answer Waldur\'s refusals as typed errors: 409 state, 400 not prepaid, 403 member, 404', async () => {
    const terminated = await oneResource(stack, `offering_type=${OFFERING_TYPES.basic}&state=Terminated`, 'staff');
    expect((await mutate(stack, 'renewResource', { uuid: terminated.uuid, extensionMonths: 12 })).result)
      .toEqual({ __typename: 'ConflictError', message: 'Valid states for operation: OK, Erred.', validStates: ['OK', 'Erred'] });
    const game = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`);
    const notPrepaid = await mutate(stack, 'renewResource', { uuid: game.uuid, extensionMonths: 12 }, '', 'owner');
    expect(notPrepaid.calls).toEqual([post(game.uuid, 'renew', { extension_months: 12 })]);
    expect(notPrepaid.result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: '_', message: 'This action is only available for prepaid resources.' }] });
    const [mine] = await rest<WaldurResource[]>(stack, 'member', 'marketplace-resources/?state=OK');
    expect((await mutate(stack, 'renewResource', { uuid: mine.uuid, extensionMonths: 12 }, '', 'member')).result.__typename).toBe('ForbiddenError');
    expect((await mutate(stack, 'renewResource', { uuid: MISSING, extensionMonths: 12 })).result.__typename).toBe('NotFoundError');
  });

  it('should check months, limits and comment itself', async () => {
    const uuid = MISSING;
    await rejected('renewResource', { uuid, extensionMonths: 6 }, 'extensionMonths');
    await rejected('renewResource', { uuid, extensionMonths: 61 }, 'extensionMonths');
    await rejected('renewResource', { uuid, extensionMonths: 12, limits: { seats: -1 } }, 'limits.seats');
    await rejected('renewResource', { uuid, extensionMonths: 12, requestComment: 'x'.repeat(256) }, 'requestComment');
    await rejected('renewResource', { uuid: 'abc', extensionMonths: 12 }, 'uuid');
  });
});

describe('restoreResource', () => {
  it('should read name and offering, send them as the declared body, and return the Restore order and the resource as Waldur answered', async () => {
    const gone = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=Terminated`);
    const { result, calls } = await mutate(stack, 'restoreResource', { uuid: gone.uuid }, '... on RestoreResourceSuccess { orderUuid order { type } resource { uuid state } }', 'owner');
    expect(result.__typename).toBe('RestoreResourceSuccess');
    expect(calls).toEqual([
      { method: 'GET', path: api(`marketplace-resources/${gone.uuid}/`), query: fieldQuery('name', 'offering') },
      post(gone.uuid, 'restore', { name: gone.name, offering: gone.offering }),
      { method: 'GET', path: api(`marketplace-orders/${result.orderUuid}/`), query: fieldQuery('type') },
    ]);
    expect(result.order).toEqual({ type: 'RESTORE' });
    expect(result.resource).toEqual({ uuid: gone.uuid, state: 'CREATING' });
  });

  it('should pass on Waldur\'s 400s (not Terminated, offering cannot restore) and 404', async () => {
    const ok = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`);
    const notGone = await mutate(stack, 'restoreResource', { uuid: ok.uuid }, '', 'owner');
    expect(notGone.result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: '_', message: 'Resource must be in TERMINATED state to be restored.' }] });
    const support = await oneResource(stack, `offering_type=${OFFERING_TYPES.support}&state=Terminated`, 'staff');
    const unsupported = await mutate(stack, 'restoreResource', { uuid: support.uuid });
    expect(unsupported.result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: '_', message: 'Restoring resource is not supported for this offering type.' }] });
    const missing = await mutate(stack, 'restoreResource', { uuid: MISSING });
    expect(missing.result.__typename).toBe('NotFoundError');
    expect(missing.calls).toHaveLength(1);
    await rejected('restoreResource', { uuid: 'nope' }, 'uuid');
  });
});

describe('pullResource', () => {
  it('should schedule a pull (202 {detail}) and report Waldur\'s answer', async () => {
    const game = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`, 'member');
    const { result, errors, calls } = await mutate(stack, 'pullResource', { uuid: game.uuid }, '... on PullResourceSuccess { statusMessage resource { uuid } }', 'member');
    expect(result, JSON.stringify(errors)).toEqual({ __typename: 'PullResourceSuccess', statusMessage: 'Pull operation was successfully scheduled.', resource: { uuid: game.uuid } });
    expect(calls).toEqual([post(game.uuid, 'pull'), { method: 'GET', path: api(`marketplace-resources/${game.uuid}/`), query: fieldQuery() }]);
  });

  it('should answer ConflictError outside OK/Erred and ValidationError without a backend id', async () => {
    const creating = await oneResource(stack, 'state=Creating');
    expect((await mutate(stack, 'pullResource', { uuid: creating.uuid }, '', 'owner')).result).toMatchObject({ __typename: 'ConflictError', validStates: ['OK', 'Erred'] });
    const basic = await oneResource(stack, `offering_type=${OFFERING_TYPES.basic}&state=OK`);
    const { result, calls } = await mutate(stack, 'pullResource', { uuid: basic.uuid }, '', 'owner');
    expect(calls).toEqual([post(basic.uuid, 'pull')]);
    expect(result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: '_', message: 'Resource does not have backend ID.' }] });
    await rejected('pullResource', { uuid: '' }, 'uuid');
  });
});

describe('moveResource (staff)', () => {
  it('should move a resource with `{project: {url}}` and read the moved resource from Waldur\'s answer (no re-read)', async () => {
    const game = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`, 'owner', 2);
    const projects = await rest<Array<{ uuid: string }>>(stack, 'owner', 'projects/?page_size=50');
    const target = projects.find((p) => p.uuid !== game.project_uuid)!;
    const { result, calls } = await mutate(stack, 'moveResource', { uuid: game.uuid, projectUuid: target.uuid }, '... on MoveResourceSuccess { resource { uuid project { uuid } } }');
    expect(calls).toEqual([post(game.uuid, 'move_resource', { project: { url: link(stack, `projects/${target.uuid}/`) } })]);
    expect(result.resource).toEqual({ uuid: game.uuid, project: { uuid: target.uuid } });
  });

  it('should answer ForbiddenError for non-staff, ConflictError when billing cannot move, and check the project uuid itself', async () => {
    const game = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`, 'owner', 3);
    const projects = await rest<Array<{ uuid: string }>>(stack, 'owner', 'projects/?page_size=50');
    expect((await mutate(stack, 'moveResource', { uuid: game.uuid, projectUuid: projects[0].uuid }, '', 'owner')).result.__typename).toBe('ForbiddenError');
    const [archived] = await rest<Array<{ uuid: string }>>(stack, 'staff', 'customers/?archived=true');
    const [closed] = await rest<Array<{ uuid: string }>>(stack, 'staff', `projects/?customer=${archived.uuid}`);
    expect((await mutate(stack, 'moveResource', { uuid: game.uuid, projectUuid: closed.uuid })).result).toEqual({
      __typename: 'ConflictError', message: 'Resource moving is not possible, because invoice items moving is not possible.', validStates: [],
    });
    await rejected('moveResource', { uuid: game.uuid, projectUuid: 'elsewhere' }, 'projectUuid');
  });
});

describe('unlinkResource (staff)', () => {
  it('should unlink (204) so that the resource is gone, and refuse non-staff', async () => {
    const victim = await oneResource(stack, 'state=Erred', 'owner');
    expect((await mutate(stack, 'unlinkResource', { uuid: victim.uuid }, '', 'owner')).result.__typename).toBe('ForbiddenError');
    const { result, calls } = await mutate(stack, 'unlinkResource', { uuid: victim.uuid }, '... on UnlinkResourceSuccess { unlinkedUuid }');
    expect(result).toEqual({ __typename: 'UnlinkResourceSuccess', unlinkedUuid: victim.uuid });
    expect(calls).toEqual([post(victim.uuid, 'unlink')]);
    expect((await mutate(stack, 'unlinkResource', { uuid: victim.uuid })).result.__typename).toBe('NotFoundError');
    await rejected('unlinkResource', { uuid: 'x' }, 'uuid');
  });
});
