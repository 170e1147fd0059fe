import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';
import { expectValid, first as firstOf } from './waldur-contract-helpers.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur();
});
afterAll(() => w.close());

const first = (path: string, as = 'staff') => firstOf(w, path, as);

describe('write endpoints', () => {
  it('should match the schema for project and member writes', async () => {
    const customer = await first('/api/customers/?owned_by_current_user=true', 'owner');
    const created = await w.call('/api/projects/', { as: 'owner', method: 'POST', body: { name: 'Contract project', customer: customer.url } });
    expectValid('POST', '/api/projects/', created);
    const path = `/api/projects/${created.body.uuid}/`;
    expectValid('PUT', path, await w.call(path, { as: 'owner', method: 'PUT', body: { name: 'Renamed', customer: customer.url } }));
    expectValid('PATCH', path, await w.call(path, { as: 'owner', method: 'PATCH', body: { description: 'x' } }));
    const member = w.principal('member').userUuid;
    expectValid('POST', `${path}add_user/`, await w.call(`${path}add_user/`, { as: 'owner', method: 'POST', body: { role: 'PROJECT.ADMIN', user: member } }));
    expectValid('POST', `${path}update_user/`, await w.call(`${path}update_user/`, { as: 'owner', method: 'POST', body: { role: 'PROJECT.ADMIN', user: member, expiration_time: '2099-01-01T00:00:00Z' } }));
    expectValid('POST', `${path}delete_user/`, await w.call(`${path}delete_user/`, { as: 'owner', method: 'POST', body: { role: 'PROJECT.ADMIN', user: member } }));
    expectValid('DELETE', path, await w.call(path, { as: 'owner', method: 'DELETE' }));
  });

  it('should match the schema for order creation and every order action', async () => {
    const project = await first('/api/projects/', 'member');
    const offerings = await w.all('/api/marketplace-public-offerings/');
    const basic = offerings.find((o) => o.name === 'Basic support');
    const slurm = offerings.find((o) => o.type === 'Marketplace.Slurm');
    const order = (offering: any, as = 'owner') => w.call('/api/marketplace-orders/', {
      as, method: 'POST', body: { project: project.url, offering: offering.url, plan: offering.plans[0].url, attributes: { name: 'contract' } },
    });
    const a = await order(basic);
    expectValid('POST', '/api/marketplace-orders/', a);
    const action = async (uuid: string, name: string, as: string, body?: unknown) => {
      const path = `/api/marketplace-orders/${uuid}/${name}/`;
      const reply = await w.call(path, { as, method: 'POST', body });
      expectValid('POST', path, reply);
      return reply;
    };
    await action(a.body.uuid, 'approve_by_provider', 'provider');
    expect((await action(a.body.uuid, 'cancel', 'owner')).status).toBe(202);
    const b = await order(basic);
    await action(b.body.uuid, 'reject_by_provider', 'provider', { provider_rejection_comment: 'no' });
    const c = await order(slurm, 'member').then((reply) => reply.body);
    expect(c.state).toBe('pending-consumer');
    await action(c.uuid, 'reject_by_consumer', 'owner');
    const d = (await order(slurm, 'member')).body;
    await action(d.uuid, 'approve_by_consumer', 'owner');
    await action(d.uuid, 'set_state_executing', 'provider');
    await action(d.uuid, 'set_state_erred', 'provider', { error_message: 'boom', error_traceback: 'tb' });
    await action(d.uuid, 'set_state_executing', 'provider');
    await action(d.uuid, 'set_state_done', 'provider');
    const e = (await order(basic)).body;
    expectValid('DELETE', `/api/marketplace-orders/${e.uuid}/`, await w.call(`/api/marketplace-orders/${e.uuid}/`, { as: 'owner', method: 'DELETE' }));
  });

  it('should match the schema for resource updates and actions', async () => {
    const archived = new Set((await w.all('/api/customers/?archived=true')).map((c) => c.uuid));
    const resources = (await w.all('/api/marketplace-resources/?state=OK'))
      .filter((r) => !archived.has(r.customer_uuid) && r.offering_type !== 'Marketplace.Support');
    const [r1, r2, r3] = resources;
    const path = (r: any, action = '') => `/api/marketplace-resources/${r.uuid}/${action ? `${action}/` : ''}`;
    const post = async (r: any, action: string, body?: unknown, as = 'staff') => {
      const reply = await w.call(path(r, action), { as, method: 'POST', body });
      expectValid('POST', path(r, action), reply);
      return reply;
    };
    expectValid('PUT', path(r1), await w.call(path(r1), { method: 'PUT', body: { name: 'renamed', description: 'd', end_date: null } }));
    expectValid('PATCH', path(r1), await w.call(path(r1), { method: 'PATCH', body: { description: 'only' } }));
    const plans = (await w.call(`/api/marketplace-public-offerings/${r2.offering_uuid}/plans/`)).body;
    await post(r1, 'update_options', { options: { color: 'blue' } });
    expect((await post(r1, 'pull')).status).toBe(202);
    await post(r1, 'set_paused', { paused: true });
    await post(r1, 'set_downscaled', { downscaled: true });
    await post(r1, 'set_restrict_member_access', { restrict_member_access: true });
    await post(r1, 'set_slug', { slug: 'new-slug' });
    await post(r1, 'set_end_date_by_staff', { end_date: '2030-01-01' });
    await post(r1, 'estimate_renewal', { extension_months: 12 });
    const prepaid = resources.find((r) => r.offering_components.some((c: any) => c.is_prepaid));
    await post(prepaid, 'renew', { extension_months: 12 });
    await post(r2, 'switch_plan', { plan: plans.find((p: any) => p.uuid !== r2.plan_uuid).url });
    await post(r3, 'update_limits', { limits: { ...r3.limits, extra: 1 } });
    const target = await first('/api/projects/', 'owner');
    await post(resources.at(-2), 'move_resource', { project: { url: target.url } });
    await post(resources.at(-1), 'terminate', {});
    const terminated = await first('/api/marketplace-resources/?state=Terminated');
    await post(terminated, 'restore', { name: 'back', offering: terminated.offering });
    const project = await first('/api/projects/');
    const offering = await first('/api/marketplace-public-offerings/');
    const suggestion = await w.call('/api/marketplace-resources/suggest_name/', { method: 'POST', body: { project: project.uuid, offering: offering.uuid } });
    expectValid('POST', '/api/marketplace-resources/suggest_name/', suggestion);
    const unlinked = await w.call(path(terminated, 'unlink'), { method: 'POST' });
    expectValid('POST', path(terminated, 'unlink'), unlinked);
  });

  it('should match the schema for backend resource requests', async () => {
    const offering = await first('/api/marketplace-public-offerings/');
    const created = await w.call('/api/backend-resource-requests/', { method: 'POST', body: { offering: offering.uuid } });
    expectValid('POST', '/api/backend-resource-requests/', created);
    for (const action of ['start_processing', 'set_done', 'set_erred']) {
      const path = `/api/backend-resource-requests/${created.body.uuid}/${action}/`;
      expectValid('POST', path, await w.call(path, { method: 'POST', body: {} }));
    }
  });
});
