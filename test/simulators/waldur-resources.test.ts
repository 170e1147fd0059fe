import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur();
});
afterAll(() => w.close());

const act = (uuid: string, action: string, as: string, body?: unknown) =>
  w.call(`/api/marketplace-resources/${uuid}/${action}/`, { as, method: 'POST', body });

/** The member's project has resources in several states; the owner and the member both see them. */
async function memberResource(state: string) {
  const resources = await w.all(`/api/marketplace-resources/?state=${state}`, 'member');
  const free = resources.find((r) => r.order_in_progress === null) ?? resources[0];
  if (!free) throw new Error(`no ${state} resource in the member's project`);
  return free;
}

describe('resource updates', () => {
  it('should echo only name, description and end_date on PUT and PATCH', async () => {
    const resource = await memberResource('OK');
    const put = await w.call(`/api/marketplace-resources/${resource.uuid}/`, { as: 'owner', method: 'PUT', body: { name: 'renamed', end_date: '2030-12-31', state: 'Erred' } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ name: 'renamed', description: resource.description, end_date: '2030-12-31' });
    const patch = await w.call(`/api/marketplace-resources/${resource.uuid}/`, { as: 'owner', method: 'PATCH', body: { description: 'notes' } });
    expect(patch.body).toEqual({ name: 'renamed', description: 'notes', end_date: '2030-12-31' });
    expect((await w.call(`/api/marketplace-resources/${resource.uuid}/?field=state`)).body.state).toBe('OK');
    const missing = await w.call(`/api/marketplace-resources/${resource.uuid}/`, { as: 'owner', method: 'PUT', body: {} });
    expect(missing.body).toEqual({ name: ['This field is required.'] });
    const member = await w.call(`/api/marketplace-resources/${resource.uuid}/`, { as: 'member', method: 'PATCH', body: { description: 'x' } });
    expect(member.status).toBe(403);
  });

  it('should disable create and delete', async () => {
    const resource = await memberResource('OK');
    const post = await w.call('/api/marketplace-resources/', { method: 'POST', body: {} });
    expect(post.status).toBe(405);
    expect(post.body).toEqual({ detail: 'Method "POST" not allowed.' });
    const del = await w.call(`/api/marketplace-resources/${resource.uuid}/`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, PUT, PATCH, HEAD, OPTIONS');
  });
});

describe('resource actions (docs/contracts/waldur.md §8.5)', () => {
  it('terminate: 403 for a plain member, 409 outside OK/Erred, {order_uuid} otherwise', async () => {
    const ok = await memberResource('OK');
    const denied = await act(ok.uuid, 'terminate', 'member');
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    const creating = await memberResource('Creating');
    const wrong = await act(creating.uuid, 'terminate', 'owner');
    expect(wrong.status).toBe(409);
    expect(wrong.body).toEqual({ detail: 'Valid states for operation: OK, Erred.' });
    const erred = await memberResource('Erred');
    const reply = await act(erred.uuid, 'terminate', 'owner', {});
    expect(reply.status).toBe(200);
    const order = (await w.call(`/api/marketplace-orders/${reply.body.order_uuid}/`)).body;
    expect(order).toMatchObject({ type: 'Terminate', marketplace_resource_uuid: erred.uuid, created_by_username: 'olivia.owner' });
  });

  it('update_limits and switch_plan: only in OK, with body validation', async () => {
    const creating = await memberResource('Creating');
    expect((await act(creating.uuid, 'update_limits', 'owner', { limits: { x: 1 } })).body).toEqual({ detail: 'Valid states for operation: OK.' });
    expect((await act(creating.uuid, 'switch_plan', 'owner', { plan: 'x' })).status).toBe(409);
    const ok = await memberResource('OK');
    expect((await act(ok.uuid, 'update_limits', 'owner', {})).body).toEqual({ limits: ['This field is required.'] });
    expect((await act(ok.uuid, 'update_limits', 'owner', { limits: { cores: 'many' } })).body).toEqual({ limits: ['A valid integer is required.'] });
    const foreignPlan = (await w.all('/api/marketplace-public-offerings/')).find((o) => o.uuid !== ok.offering_uuid).plans[0];
    expect((await act(ok.uuid, 'switch_plan', 'owner', { plan: foreignPlan.url })).body).toEqual({ plan: ['Plan is not available for this offering.'] });
    expect((await act(ok.uuid, 'switch_plan', 'owner', {})).body).toEqual({ plan: ['This field is required.'] });
  });

  it('update_options: 200 {status} and the options are stored', async () => {
    const ok = await memberResource('OK');
    const reply = await act(ok.uuid, 'update_options', 'owner', { options: { motd: 'hi' } });
    expect(reply.body).toEqual({ status: 'Resource options are submitted' });
    expect((await w.call(`/api/marketplace-resources/${ok.uuid}/?field=options`)).body.options).toMatchObject({ motd: 'hi' });
  });

  it('pull: 202 {detail}', async () => {
    const ok = await memberResource('OK');
    const reply = await act(ok.uuid, 'pull', 'owner');
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ detail: expect.any(String) });
  });

  it('staff-only actions refuse everyone else', async () => {
    const ok = await memberResource('OK');
    for (const action of ['set_slug', 'move_resource', 'unlink', 'set_end_date_by_staff']) {
      expect((await act(ok.uuid, action, 'owner', {})).status, action).toBe(403);
    }
    const slug = await act(ok.uuid, 'set_slug', 'staff', { slug: 'bad slug!' });
    expect(slug.status).toBe(400);
  });

  it('team, offering, plan_periods and details read the resource context', async () => {
    const ok = await memberResource('OK');
    const team = await w.call(`/api/marketplace-resources/${ok.uuid}/team/`, { as: 'member' });
    expect(team.body.map((user: any) => user.username)).toContain('mia.member');
    expect(team.headers.get('x-result-count')).toBeNull();
    expect((await w.call(`/api/marketplace-resources/${ok.uuid}/offering/`, { as: 'member' })).body.uuid).toBe(ok.offering_uuid);
    expect((await w.call(`/api/marketplace-resources/${ok.uuid}/plan_periods/`, { as: 'member' })).body[0].plan_uuid).toBe(ok.plan_uuid);
    const details = await w.call(`/api/marketplace-resources/${ok.uuid}/details/`, { as: 'member' });
    expect(details.status).toBe(404);
    expect(details.text).toBe('');
  });

  it('suggest_name proposes a name from the offering and project', async () => {
    const project = (await w.call('/api/projects/?page_size=1', { as: 'member' })).body[0];
    const offering = (await w.call('/api/marketplace-public-offerings/?name_exact=Game%20server%20hosting')).body[0];
    const reply = await w.call('/api/marketplace-resources/suggest_name/', { as: 'member', method: 'POST', body: { project: project.uuid, offering: offering.uuid } });
    expect(reply.body.name).toMatch(new RegExp(`^game-${project.slug}-\\d+$`));
  });
});
