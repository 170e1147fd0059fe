import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, fieldQuery, OFFERING_TYPES, oneResource, resourcesOf, run } from './helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack[Symbol.asyncDispose]());

const LINKS = 'offeringDetails { uuid } team { userUuid } backendDetails planPeriods { uuid } glauthUsersConfig';
const one = (selection: string) => `query($uuid: String!) { resource(uuid: $uuid) { ${selection} } }`;
const retrieve = (uuid: string, ...fields: string[]) => ({ method: 'GET', path: api(`marketplace-resources/${uuid}/`), query: fieldQuery(...fields) });
const action = (uuid: string, name: string) => ({ method: 'GET', path: api(`marketplace-resources/${uuid}/${name}/`) });

describe('resource link fields', () => {
  it('should make no call for a link that is not selected', async () => {
    const { data, calls } = await run(stack, '{ resources(first: 5) { nodes { uuid name } } }');
    expect(data.resources.nodes).toHaveLength(5);
    expect(calls).toEqual([{ method: 'GET', path: api('marketplace-resources/'), query: `${fieldQuery('name')}&page=1&page_size=5` }]);
  });

  it('should call each selected link once per resource, however often the operation selects it', async () => {
    const hpc = await oneResource(stack, `offering_type=${OFFERING_TYPES.slurm}&state=OK`);
    const { data, errors, calls } = await run(stack, `query($uuid: String!) {
      a: resource(uuid: $uuid) { ${LINKS} o2: offeringDetails { name partitions { name } } ...More }
      b: resource(uuid: $uuid) { team { username } }
    } fragment More on Resource { t2: team { role offeringUsername offeringUserState } planPeriods { planUuid } }`, { uuid: hpc.uuid });
    expect(errors).toBeUndefined();
    expect(calls.slice(0, 1)).toEqual([retrieve(hpc.uuid)]);
    expect(calls.slice(1).sort((x, y) => x.path.localeCompare(y.path))).toEqual(
      ['details', 'glauth_users_config', 'offering', 'plan_periods', 'team'].map((name) => action(hpc.uuid, name)),
    );
    const a = data.a;
    expect(a.offeringDetails.uuid).toBe(hpc.offering_uuid);
    expect(a.o2.partitions.map((p: any) => p.name)).toEqual(['batch', 'gpu']);
    expect(a.backendDetails).toBeNull();
    expect(a.planPeriods).toEqual([{ uuid: expect.any(String), planUuid: hpc.plan_uuid }]);
    expect(a.t2).toContainEqual({ role: 'PROJECT.ADMIN', offeringUsername: expect.any(String), offeringUserState: 'OK' });
    expect(data.b.team.length).toBe(a.team.length);
    expect(a.glauthUsersConfig).toMatch(/^\[\[users\]\]\n {2}name = "/);
  });

  it('should fetch a link of many resources with one call each (no list call per link)', async () => {
    const { data, calls } = await run(stack, `{ resources(first: 3, filter: { offeringType: "${OFFERING_TYPES.gameServer}" }) { nodes { uuid offeringDetails { name endpoints { name } } } } }`);
    const uuids = data.resources.nodes.map((r: any) => r.uuid);
    expect(calls).toEqual([
      { method: 'GET', path: api('marketplace-resources/'), query: `offering_type=${OFFERING_TYPES.gameServer}&${fieldQuery()}&page=1&page_size=3` },
      ...uuids.map((uuid: string) => action(uuid, 'offering')),
    ]);
    for (const node of data.resources.nodes) expect(node.offeringDetails).toEqual({ name: 'Game server hosting', endpoints: [{ name: 'Server console' }] });
  });

  it('should pass the backend details through as JSON, and give null for a resource without a backend object (404)', async () => {
    const vm = await oneResource(stack, `offering_type=${OFFERING_TYPES.script}&state=OK`, 'staff');
    const found = await run(stack, one('backendDetails'), { uuid: vm.uuid });
    expect(found.calls).toEqual([retrieve(vm.uuid), action(vm.uuid, 'details')]);
    expect(found.data.resource.backendDetails).toMatchObject({ backend_id: vm.backend_id, name: vm.name, runtime_state: 'running', cores: vm.limits.cores });

    const game = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`);
    const none = await run(stack, one('backendDetails'), { uuid: game.uuid });
    expect(none.errors).toBeUndefined();
    expect(none.data.resource.backendDetails).toBeNull();
  });

  it('should give a null GLauth config when the offering has no offering users (Waldur answers 400 text)', async () => {
    const game = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`);
    const { data, errors, calls } = await run(stack, one('glauthUsersConfig'), { uuid: game.uuid });
    expect(errors).toBeUndefined();
    expect(calls).toEqual([retrieve(game.uuid), action(game.uuid, 'glauth_users_config')]);
    expect(data.resource.glauthUsersConfig).toBeNull();
  });

  it('should estimate a renewal with a POST per distinct argument set, and check the arguments first', async () => {
    const prepaid = await oneResource(stack, `offering_type=${OFFERING_TYPES.basic}&state=OK`);
    const query = one(`a: renewalEstimate(extensionMonths: 12) { total newEndDate components { type currentLimit newLimit } }
      b: renewalEstimate(extensionMonths: 12) { subscriptionTotal }
      c: renewalEstimate(extensionMonths: 24, limits: { seats: 3 }) { total limitChangeTotal remainingDays components { newLimit } }`);
    const { data, errors, calls } = await run(stack, query, { uuid: prepaid.uuid });
    expect(errors).toBeUndefined();
    const post = (body: unknown) => ({ method: 'POST', path: api(`marketplace-resources/${prepaid.uuid}/estimate_renewal/`), body });
    expect(calls).toEqual([retrieve(prepaid.uuid), post({ extension_months: 12 }), post({ extension_months: 24, limits: { seats: 3 } })]);
    expect(data.resource.a.components).toEqual([{ type: 'seats', currentLimit: 1, newLimit: 1 }]);
    expect(data.resource.a.newEndDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.resource.b.subscriptionTotal).toBe(data.resource.a.total);
    expect(data.resource.c.components).toEqual([{ newLimit: 3 }]);
    expect(Number(data.resource.c.limitChangeTotal)).toBeGreaterThan(0);

    const bad = await run(stack, one('renewalEstimate(extensionMonths: 0, limits: { seats: -1 }) { total }'), { uuid: prepaid.uuid });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'extensionMonths', message: expect.stringContaining('received 0') }, { field: 'limits.seats', message: expect.stringContaining('-1') }],
    });
    expect(bad.calls).toEqual([retrieve(prepaid.uuid)]);
  });

  it('should leave a renewal estimate the caller may not ask for as a FORBIDDEN field error (partial result)', async () => {
    const [mine] = await resourcesOf(stack, 'state=OK', 'member');
    const { data, errors } = await run(stack, one('name renewalEstimate(extensionMonths: 12) { total }'), { uuid: mine.uuid }, 'member');
    expect(data.resource).toEqual({ name: mine.name, renewalEstimate: null });
    expect(errors?.[0]).toMatchObject({ path: ['resource', 'renewalEstimate'], extensions: { code: 'FORBIDDEN', upstreamStatus: 403 } });
  });

  it('should suggest a resource name with uuids in the body, and refuse a bad uuid without a call', async () => {
    const game = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`);
    const query = 'query($p: String!, $o: String!, $plan: String) { suggestResourceName(project: $p, offering: $o, plan: $plan) }';
    const { data, calls } = await run(stack, query, { p: game.project_uuid, o: game.offering_uuid, plan: game.plan_uuid });
    expect(calls).toEqual([{ method: 'POST', path: api('marketplace-resources/suggest_name/'), body: { project: game.project_uuid, offering: game.offering_uuid, plan: game.plan_uuid } }]);
    expect(data.suggestResourceName).toMatch(/^game-.+-\d+$/);

    const bad = await run(stack, query, { p: 'not-a-uuid', o: game.offering_uuid });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'project' }] });
    expect(bad.calls).toEqual([]);
  });
});
