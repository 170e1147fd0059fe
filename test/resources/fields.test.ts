import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, fieldQuery, listFieldQuery, OFFERING_TYPES, oneResource, run } from './helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack[Symbol.asyncDispose]());

const DASHBOARD = `
  uuid endpoints { uuid name url } reportSections { header body } limitUsage renewalDate endDate endDateRequestedByUuid
  projectEndDate projectEndDateRequestedByUuid availableActions canTerminate lastSync isUsageBased isLimitBased
  offeringComponents { type name measuredUnit billingType isPrepaid minPrepaidDuration maxPrepaidDuration limitPeriod unitFactor }
  userRequiresReconsent restrictMemberAccess offeringUsername runtimeState backendMetadata`;

const DASHBOARD_FIELDS = [
  'endpoints', 'report', 'limit_usage', 'renewal_date', 'end_date', 'end_date_requested_by', 'project_end_date',
  'project_end_date_requested_by', 'available_actions', 'can_terminate', 'last_sync', 'is_usage_based', 'is_limit_based',
  'offering_components', 'user_requires_reconsent', 'restrict_member_access', 'username', 'backend_metadata',
];

describe('resource dashboard fields', () => {
  it('should read every dashboard field from the one list call, each pushed down into `field=`', async () => {
    const { data, errors, calls } = await run(stack, `{ resources(first: 4, filter: { offeringType: "${OFFERING_TYPES.gameServer}", state: [OK] }) { nodes { ${DASHBOARD} } } }`);
    expect(errors).toBeUndefined();
    expect(calls).toEqual([{
      method: 'GET', path: api('marketplace-resources/'),
      query: `offering_type=${OFFERING_TYPES.gameServer}&state=OK&${fieldQuery(...DASHBOARD_FIELDS)}&page=1&page_size=4`,
    }]);
    expect(data.resources.nodes).toHaveLength(4);
    for (const resource of data.resources.nodes) {
      expect(resource.endpoints).toEqual([{ uuid: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Server console', url: expect.stringContaining('/game/') }]);
      expect(resource).toMatchObject({
        reportSections: [], renewalDate: null, isUsageBased: true, isLimitBased: true, userRequiresReconsent: false,
        restrictMemberAccess: false, offeringUsername: null, runtimeState: 'online', canTerminate: expect.any(Boolean),
        limitUsage: { slots: expect.any(Number) }, backendMetadata: { state: 'OK', runtime_state: 'online', action: '', instance_name: null },
      });
      expect(resource.offeringComponents.map((c: any) => [c.type, c.billingType])).toEqual([['slots', 'limit'], ['bandwidth', 'usage'], ['uptime', 'fixed']]);
      expect(resource.availableActions).toContain('terminate');
    }
  });

  it('should show prepaid components with their durations, and no runtime state where the backend reports none', async () => {
    const prepaid = await oneResource(stack, `offering_type=${OFFERING_TYPES.basic}&state=OK`);
    const { data, calls } = await run(stack, `query($uuid: String!) { resource(uuid: $uuid) { runtimeState offeringComponents { type billingType isPrepaid minPrepaidDuration maxPrepaidDuration } } }`, { uuid: prepaid.uuid });
    expect(calls).toEqual([{ method: 'GET', path: api(`marketplace-resources/${prepaid.uuid}/`), query: fieldQuery('backend_metadata', 'offering_components') }]);
    expect(data.resource.runtimeState).toBeNull();
    expect(data.resource.offeringComponents).toContainEqual({ type: 'seats', billingType: 'fixed', isPrepaid: true, minPrepaidDuration: 12, maxPrepaidDuration: 36 });
  });

  it('should answer the project\'s end date from the resource, and fetch the project only for its grace period', async () => {
    const resource = await oneResource(stack, `offering_type=${OFFERING_TYPES.gameServer}&state=OK`);
    const carried = await run(stack, `query($uuid: String!) { resource(uuid: $uuid) { project { endDate endDateRequestedByUuid } } }`, { uuid: resource.uuid });
    expect(carried.calls).toEqual([{ method: 'GET', path: api(`marketplace-resources/${resource.uuid}/`), query: fieldQuery('project_end_date', 'project_end_date_requested_by') }]);
    expect(carried.data.resource.project).toEqual({ endDate: null, endDateRequestedByUuid: null });

    const fetched = await run(stack, `query($uuid: String!) { resource(uuid: $uuid) { project { gracePeriodDays endDateRequestedByUuid } } }`, { uuid: resource.uuid });
    expect(fetched.calls).toEqual([
      { method: 'GET', path: api(`marketplace-resources/${resource.uuid}/`), query: fieldQuery('project_uuid') },
      { method: 'GET', path: api(`projects/${resource.project_uuid}/`), query: fieldQuery('end_date_requested_by', 'grace_period_days') },
    ]);
    expect(fetched.data.resource.project).toEqual({ gracePeriodDays: null, endDateRequestedByUuid: null });
  });

  it('should read the offering\'s endpoints, partitions, catalogs and roles through `field=` on offerings too', async () => {
    const { data, calls } = await run(stack, `{ offerings(first: 10, filter: { type: ["${OFFERING_TYPES.slurm}"] }) { nodes { name accessUrl endpoints { name url } partitions { name maxTime qos } softwareCatalogs { name version partitionName packageCount } roles { name } } } }`);
    expect(calls).toEqual([{
      method: 'GET', path: api('marketplace-public-offerings/'),
      query: `type=${OFFERING_TYPES.slurm}&${listFieldQuery('name', 'access_url', 'endpoints', 'partitions', 'software_catalogs', 'roles')}&page=1&page_size=10`,
    }]);
    const hpc = data.offerings.nodes[0];
    expect(hpc.partitions).toEqual([{ name: 'batch', maxTime: 2880, qos: 'normal' }, { name: 'gpu', maxTime: 1440, qos: 'gpu' }]);
    expect(hpc.softwareCatalogs).toEqual([
      { name: 'EESSI', version: '2023.06', partitionName: null, packageCount: 412 },
      { name: 'Spack', version: '0.22', partitionName: 'gpu', packageCount: 96 },
    ]);
    expect(hpc.roles).toEqual([{ name: 'PI' }, { name: 'User' }]);
    expect(hpc.endpoints).toEqual([{ name: 'Login node', url: expect.stringMatching(/^ssh:\/\/login\./) }]);
  });
});
