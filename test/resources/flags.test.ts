import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, fieldQuery, mutate, OFFERING_TYPES, resourcesOf, run, type WaldurResource } from './helpers.ts';

let stack: Stack;
let pool: WaldurResource[];
beforeAll(async () => {
  stack = await startStack();
  pool = await resourcesOf(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`);
});
afterAll(() => stack[Symbol.asyncDispose]());

/** A fresh OK resource of the owner's for each test. */
const take = () => pool.shift()!;
const post = (uuid: string, action: string, body: unknown) => ({ method: 'POST', path: api(`marketplace-resources/${uuid}/${action}/`), body });
const reread = (uuid: string, ...fields: string[]) => ({ method: 'GET', path: api(`marketplace-resources/${uuid}/`), query: fieldQuery(...fields) });

describe('setResourceEndDate (staff: set_end_date_by_staff/)', () => {
  it('should set the end date (200, no body), record who set it, and clear it with null', async () => {
    const resource = take();
    const selection = '... on SetResourceEndDateSuccess { resource { endDate endDateRequestedByUuid } }';
    const set = await mutate(stack, 'setResourceEndDate', { uuid: resource.uuid, endDate: '2031-01-31' }, selection);
    expect(set.calls).toEqual([post(resource.uuid, 'set_end_date_by_staff', { end_date: '2031-01-31' }), reread(resource.uuid, 'end_date', 'end_date_requested_by')]);
    expect(set.result.resource).toEqual({ endDate: '2031-01-31', endDateRequestedByUuid: stack.principal('staff').userUuid });
    const cleared = await mutate(stack, 'setResourceEndDate', { uuid: resource.uuid, endDate: null }, selection);
    expect(cleared.calls[0]).toEqual(post(resource.uuid, 'set_end_date_by_staff', { end_date: null }));
    expect(cleared.result.resource).toEqual({ endDate: null, endDateRequestedByUuid: null });
  });

  it('should answer ForbiddenError for non-staff and refuse bad or missing dates without a call', async () => {
    const resource = take();
    const denied = await mutate(stack, 'setResourceEndDate', { uuid: resource.uuid, endDate: '2031-01-31' }, '', 'owner');
    expect(denied.result).toEqual({ __typename: 'ForbiddenError', message: 'You do not have permission to perform this action.' });
    for (const input of [{ uuid: resource.uuid, endDate: '31.01.2031' }, { uuid: resource.uuid, endDate: '2031-02-30' }, { uuid: resource.uuid }]) {
      const { result, calls } = await mutate(stack, 'setResourceEndDate', input);
      expect(calls).toEqual([]);
      expect(result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'endDate' }] });
    }
  });
});

const FLAGS = [
  ['setResourcePaused', 'paused', 'set_paused', 'paused', 'paused'],
  ['setResourceDownscaled', 'downscaled', 'set_downscaled', 'downscaled', 'downscaled'],
  ['setResourceRestrictMemberAccess', 'restrictMemberAccess', 'set_restrict_member_access', 'restrict_member_access', 'restrict_member_access'],
] as const;

describe.each(FLAGS)('%s (staff)', (mutation, input, action, param, label) => {
  const success = `${mutation[0].toUpperCase()}${mutation.slice(1)}Success`;

  it(`should send {${param}} and report whether it changed`, async () => {
    const resource = take();
    const selection = `... on ${success} { statusMessage resource { ${input} } }`;
    const first = await mutate(stack, mutation, { uuid: resource.uuid, [input]: true }, selection);
    expect(first.calls).toEqual([post(resource.uuid, action, { [param]: true }), reread(resource.uuid, param)]);
    expect(first.result).toEqual({ __typename: success, statusMessage: `Resource ${label} flag has been changed.`, resource: { [input]: true } });
    const again = await mutate(stack, mutation, { uuid: resource.uuid, [input]: true }, selection);
    expect(again.result.statusMessage).toBe(`Resource ${label} flag is not changed.`);
    const off = await mutate(stack, mutation, { uuid: resource.uuid, [input]: false }, selection);
    expect(off.result.resource).toEqual({ [input]: false });
  });

  it('should answer ForbiddenError for the owner and NotFoundError for an unknown resource', async () => {
    const resource = pool[0];
    const denied = await mutate(stack, mutation, { uuid: resource.uuid, [input]: true }, '', 'owner');
    expect(denied.calls).toEqual([post(resource.uuid, action, { [param]: true })]);
    expect(denied.result.__typename).toBe('ForbiddenError');
    expect((await mutate(stack, mutation, { uuid: 'e'.repeat(32), [input]: true })).result.__typename).toBe('NotFoundError');
  });

  it('should leave a missing flag to GraphQL and a bad uuid to Junction, without a call', async () => {
    const missing = await mutate(stack, mutation, { uuid: pool[0].uuid });
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.calls).toEqual([]);
    const bad = await mutate(stack, mutation, { uuid: 'zz', [input]: true });
    expect(bad.result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'uuid' }] });
    expect(bad.calls).toEqual([]);
  });
});

describe('setResourceSlug (staff)', () => {
  it('should set the slug and report whether it changed', async () => {
    const resource = take();
    const selection = '... on SetResourceSlugSuccess { statusMessage resource { slug } }';
    const { result, calls } = await mutate(stack, 'setResourceSlug', { uuid: resource.uuid, slug: 'arena_01-eu' }, selection);
    expect(calls).toEqual([post(resource.uuid, 'set_slug', { slug: 'arena_01-eu' }), reread(resource.uuid, 'slug')]);
    expect(result).toEqual({ __typename: 'SetResourceSlugSuccess', statusMessage: 'Resource slug has been changed.', resource: { slug: 'arena_01-eu' } });
    expect((await mutate(stack, 'setResourceSlug', { uuid: resource.uuid, slug: 'arena_01-eu' }, selection)).result.statusMessage).toBe('Resource slug is not changed.');
    const seen = await run(stack, 'query($u: String!) { resource(uuid: $u) { slug } }', { u: resource.uuid }, 'owner');
    expect(seen.data.resource.slug).toBe('arena_01-eu');
  });

  it('should refuse slugs Waldur would refuse, without a call, and answer ForbiddenError for non-staff', async () => {
    const resource = pool[0];
    for (const slug of ['bad slug!', '', 'x'.repeat(51), 'ünïcode']) {
      const { result, calls } = await mutate(stack, 'setResourceSlug', { uuid: resource.uuid, slug });
      expect(calls, slug).toEqual([]);
      expect(result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'slug' }] });
    }
    expect((await mutate(stack, 'setResourceSlug', { uuid: resource.uuid, slug: 'mine' }, '', 'owner')).result.__typename).toBe('ForbiddenError');
  });
});
