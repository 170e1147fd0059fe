import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur();
});
afterAll(() => w.close());

const ownerCustomer = async () => (await w.call('/api/customers/?owned_by_current_user=true', { as: 'owner' })).body[0];

describe('projects', () => {
  it('should create a project with Location, visible to the owner at once', async () => {
    const customer = await ownerCustomer();
    const reply = await w.call('/api/projects/', { as: 'owner', method: 'POST', body: { name: 'New lab', customer: customer.url, backend_id: 'mu-nu-424242', kind: 'course' } });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(reply.body.url);
    expect(reply.body).toMatchObject({ name: 'New lab', customer_uuid: customer.uuid, backend_id: 'mu-nu-424242', kind: 'course', resources_count: 0 });
    expect((await w.call(`/api/projects/?backend_id=mu-nu-424242`, { as: 'owner' })).body).toHaveLength(1);
  });

  it('should validate the project body with field errors', async () => {
    const reply = await w.call('/api/projects/', { as: 'owner', method: 'POST', body: { kind: 'weird', start_date: 'soon' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      name: ['This field is required.'],
      customer: ['This field is required.'],
      start_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'],
      kind: ['"weird" is not a valid choice.'],
    });
    const invisible = (await w.call('/api/customers/?page_size=1', { as: 'manager' })).body[0];
    const hidden = await w.call('/api/projects/', { as: 'owner', method: 'POST', body: { name: 'x', customer: invisible.url } });
    expect(hidden.body).toEqual({ customer: ['Invalid hyperlink - Object does not exist.'] });
    const member = await w.call('/api/projects/', { as: 'member', method: 'POST', body: { name: 'x', customer: (await w.call('/api/customers/', { as: 'member' })).body[0].url } });
    expect(member.status).toBe(403);
  });

  it('should update with PUT and PATCH and return the full project', async () => {
    const project = (await w.call('/api/projects/?page_size=1', { as: 'manager' })).body[0];
    const patch = await w.call(`/api/projects/${project.uuid}/`, { as: 'manager', method: 'PATCH', body: { description: 'patched' } });
    expect(patch.body).toMatchObject({ uuid: project.uuid, description: 'patched', name: project.name });
    const put = await w.call(`/api/projects/${project.uuid}/`, { as: 'manager', method: 'PUT', body: { name: 'Put name', customer: project.customer } });
    expect(put.body.name).toBe('Put name');
    expect((await w.call(`/api/projects/${project.uuid}/`, { as: 'manager', method: 'PUT', body: { name: 'x' } })).body).toEqual({ customer: ['This field is required.'] });
    expect((await w.call(`/api/projects/${project.uuid}/`, { as: 'member', method: 'PATCH', body: {} })).status).toBe(404);
  });

  it('should refuse to delete a project with active resources (400 bare list) and delete an empty one', async () => {
    const project = (await w.call('/api/projects/?page_size=1', { as: 'member' })).body[0];
    const refused = await w.call(`/api/projects/${project.uuid}/`, { as: 'owner', method: 'DELETE' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(['Project contains active resources. Please remove them before deleting project.']);
    const customer = await ownerCustomer();
    const empty = (await w.call('/api/projects/', { as: 'owner', method: 'POST', body: { name: 'Empty', customer: customer.url } })).body;
    expect((await w.call(`/api/projects/${empty.uuid}/`, { as: 'member', method: 'DELETE' })).status).toBe(404);
    const deleted = await w.call(`/api/projects/${empty.uuid}/`, { as: 'owner', method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await w.call(`/api/projects/${empty.uuid}/`, { as: 'owner' })).status).toBe(404);
  });
});

describe('project members (docs/contracts/waldur.md §8.2)', () => {
  it('should add, list, update and delete a member', async () => {
    const project = (await w.call('/api/projects/?page_size=1', { as: 'manager' })).body[0];
    const nobody = w.principal('nobody').userUuid;
    const path = `/api/projects/${project.uuid}`;
    expect((await w.call(`${path}/`, { as: 'nobody' })).status).toBe(404);
    const added = await w.call(`${path}/add_user/`, { as: 'manager', method: 'POST', body: { role: 'PROJECT.MEMBER', user: nobody } });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ expiration_time: null });
    expect((await w.call(`${path}/`, { as: 'nobody' })).status).toBe(200);
    const duplicate = await w.call(`${path}/add_user/`, { as: 'manager', method: 'POST', body: { role: 'PROJECT.MEMBER', user: nobody, expiration_time: null } });
    expect(duplicate.body).toEqual({ non_field_errors: ['User has already the same role in this scope.'] });
    const listed = await w.call(`${path}/list_users/?user=${nobody}`, { as: 'manager' });
    expect(listed.body).toMatchObject([{ user_uuid: nobody, role_name: 'PROJECT.MEMBER', user_username: 'nina.nobody' }]);
    const roleUuid = listed.body[0].role_uuid;
    const updated = await w.call(`${path}/update_user/`, { as: 'manager', method: 'POST', body: { role: roleUuid, user: nobody, expiration_time: '2099-01-01T00:00:00Z' } });
    expect(updated.body).toEqual({ expiration_time: '2099-01-01T00:00:00.000000Z' });
    const removed = await w.call(`${path}/delete_user/`, { as: 'manager', method: 'POST', body: { role: 'PROJECT.MEMBER', user: nobody } });
    expect(removed.status).toBe(200);
    expect(removed.text).toBe('');
    const again = await w.call(`${path}/delete_user/`, { as: 'manager', method: 'POST', body: { role: 'PROJECT.MEMBER', user: nobody } });
    expect(again.status).toBe(200);
    expect((await w.call(`${path}/`, { as: 'nobody' })).status).toBe(404);
  });

  it('should validate role requests', async () => {
    const project = (await w.call('/api/projects/?page_size=1', { as: 'manager' })).body[0];
    const path = `/api/projects/${project.uuid}/add_user/`;
    expect((await w.call(path, { as: 'manager', method: 'POST', body: {} })).body).toEqual({ role: ['This field is required.'], user: ['This field is required.'] });
    expect((await w.call(path, { as: 'manager', method: 'POST', body: { role: 'KING', user: '0'.repeat(32) } })).body)
      .toEqual({ role: ['Role is not found.'], user: ['User is not found.'] });
    expect((await w.call(path, { as: 'manager', method: 'POST', body: { role: 'PROJECT.ADMIN', user: w.principal('manager').userUuid } })).body)
      .toEqual({ non_field_errors: ['User can not manage own role.'] });
    const member = (await w.call('/api/projects/?page_size=1', { as: 'member' })).body[0];
    expect((await w.call(`/api/projects/${member.uuid}/add_user/`, { as: 'member', method: 'POST', body: { role: 'PROJECT.ADMIN', user: w.principal('nobody').userUuid } })).status).toBe(403);
  });

  it('should filter and order list_users', async () => {
    const project = (await w.call('/api/projects/?page_size=1', { as: 'member' })).body[0];
    const users = await w.call(`/api/projects/${project.uuid}/list_users/?o=-username&field=user_username`, { as: 'member' });
    const names = users.body.map((u: any) => u.user_username);
    expect(names).toEqual([...names].sort().reverse());
    expect((await w.call(`/api/projects/${project.uuid}/list_users/?role=PROJECT.MEMBER&search_string=mia`, { as: 'member' })).body).toHaveLength(1);
    expect((await w.call(`/api/projects/${project.uuid}/list_users/?o=bogus`, { as: 'member' })).status).toBe(400);
  });
});
