import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur();
});
afterAll(() => w.close());

describe('authentication (docs/contracts/waldur.md §2)', () => {
  it('should answer 401 with WWW-Authenticate: Token without credentials', async () => {
    const reply = await w.call('/api/projects/', { as: null });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Token');
    expect(reply.body).toEqual({ detail: 'Authentication credentials were not provided.' });
  });

  it('should explain malformed and unknown tokens', async () => {
    const cases: Array<[string, string]> = [
      ['Token', 'Invalid token. No credentials provided.'],
      ['Token a b', 'Invalid token. Token string should not contain spaces.'],
      [`Token ${'0'.repeat(40)}`, 'Invalid token.'],
    ];
    for (const [header, detail] of cases) {
      const reply = await w.call('/api/users/me/', { as: null, headers: { authorization: header } });
      expect(reply.status, header).toBe(401);
      expect(reply.body).toEqual({ detail });
      expect(reply.headers.get('www-authenticate')).toBe('Token');
    }
  });

  it('should accept the keyword in any case, and Bearer', async () => {
    const token = w.token('member');
    for (const header of [`token ${token}`, `TOKEN ${token}`, `Bearer ${token}`]) {
      const reply = await w.call('/api/users/me/?field=username', { as: header });
      expect(reply.body, header).toEqual({ username: 'mia.member' });
    }
  });

  it('should serve public offerings anonymously but still reject a bad token there', async () => {
    expect((await w.call('/api/marketplace-public-offerings/', { as: null })).status).toBe(200);
    expect((await w.call('/api/marketplace-public-offerings/', { as: 'Token nope' })).status).toBe(401);
  });

  it('should authenticate before routing methods and objects', async () => {
    expect((await w.call('/api/marketplace-resources/', { as: null, method: 'POST', body: {} })).status).toBe(401);
    expect((await w.call('/api/projects/00000000000000000000000000000000/', { as: null })).status).toBe(401);
  });
});

describe('impersonation', () => {
  it('should honour X-Impersonated-User-Uuid for staff and echo X-impersonator-uuid', async () => {
    const member = w.principal('member');
    const staff = w.principal('staff');
    const reply = await w.call('/api/users/me/?field=username', { headers: { 'x-impersonated-user-uuid': member.userUuid } });
    expect(reply.body).toEqual({ username: 'mia.member' });
    expect(reply.headers.get('x-impersonator-uuid')).toBe(staff.userUuid);
  });

  it('should ignore the header for non-staff and for unknown or malformed uuids', async () => {
    const staffUuid = w.principal('staff').userUuid;
    const fromOwner = await w.call('/api/users/me/?field=username', { as: 'owner', headers: { 'x-impersonated-user-uuid': staffUuid } });
    expect(fromOwner.body).toEqual({ username: 'olivia.owner' });
    expect(fromOwner.headers.get('x-impersonator-uuid')).toBeNull();
    for (const value of ['garbage', '0'.repeat(32)]) {
      const reply = await w.call('/api/users/me/?field=username', { headers: { 'x-impersonated-user-uuid': value } });
      expect(reply.body).toEqual({ username: 'sam.staff' });
    }
  });

  it('should refuse to impersonate a user without an active session', async () => {
    const project = (await w.call('/api/projects/?page_size=300&field=uuid')).body;
    const members = await Promise.all(project.map((p: any) => w.all(`/api/projects/${p.uuid}/list_users/`)));
    const usernames = new Set(members.flat().map((m) => m.user_uuid));
    let refused = 0;
    for (const uuid of usernames) {
      const reply = await w.call('/api/users/me/?field=has_active_session', { headers: { 'x-impersonated-user-uuid': uuid } });
      if (reply.status === 403) {
        expect(reply.body).toEqual({ detail: 'Unable to impersonate user which does not have an active session.' });
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe('visibility (docs/contracts/waldur.md §1, §11.7)', () => {
  const count = async (path: string, as: string) => Number((await w.call(path, { as, method: 'HEAD' })).headers.get('x-result-count'));

  it('should let staff see everything and nobody see nothing but offerings', async () => {
    expect(await count('/api/projects/', 'staff')).toBe(12);
    expect(await count('/api/marketplace-resources/', 'staff')).toBe(120);
    for (const path of ['/api/customers/', '/api/projects/', '/api/marketplace-resources/', '/api/marketplace-orders/', '/api/backend-resource-requests/']) {
      expect(await count(path, 'nobody'), path).toBe(0);
    }
    expect(await count('/api/marketplace-public-offerings/', 'nobody')).toBe(7);
  });

  it('should let an owner see the customer, its projects and their resources and orders', async () => {
    const customers = await w.all('/api/customers/', 'owner');
    expect(customers).toHaveLength(1);
    const projects = await w.all('/api/projects/', 'owner');
    expect(projects).toHaveLength(3);
    expect(projects.every((p) => p.customer_uuid === customers[0].uuid)).toBe(true);
    const resources = await w.all('/api/marketplace-resources/', 'owner');
    expect(resources).toHaveLength(30);
    expect(resources.every((r) => r.customer_uuid === customers[0].uuid)).toBe(true);
    const orders = await w.all('/api/marketplace-orders/', 'owner');
    expect(orders.every((o) => o.customer_uuid === customers[0].uuid)).toBe(true);
  });

  it('should let a member or manager see exactly their project (and its customer)', async () => {
    for (const name of ['member', 'manager']) {
      const projects = await w.all('/api/projects/', name);
      expect(projects, name).toHaveLength(1);
      const resources = await w.all('/api/marketplace-resources/', name);
      expect(resources.every((r) => r.project_uuid === projects[0].uuid)).toBe(true);
      expect(resources).toHaveLength(10);
      expect(uuidsOf(await w.all('/api/customers/', name))).toEqual([projects[0].customer_uuid]);
    }
  });

  it('should answer 404 for objects outside the caller scope', async () => {
    const foreign = (await w.call('/api/projects/?page_size=1', { as: 'manager' })).body[0];
    const reply = await w.call(`/api/projects/${foreign.uuid}/`, { as: 'member' });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ detail: 'No Project matches the given query.' });
    const resource = (await w.call('/api/marketplace-resources/?page_size=1', { as: 'manager' })).body[0];
    expect((await w.call(`/api/marketplace-resources/${resource.uuid}/`, { as: 'owner' })).status).toBe(404);
    expect((await w.call('/api/projects/not-a-uuid/')).status).toBe(404);
  });

  it('should let a provider owner see the orders and backend requests of its offerings', async () => {
    const orders = await w.all('/api/marketplace-orders/', 'provider');
    expect(orders.length).toBe(158);
    expect(await count('/api/marketplace-resources/', 'provider')).toBe(0);
    expect(await count('/api/backend-resource-requests/', 'provider')).toBe(24);
  });

  it('should accept dashed uuids in paths', async () => {
    const project = (await w.call('/api/projects/?page_size=1', { as: 'member' })).body[0];
    const dashed = project.uuid.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    expect((await w.call(`/api/projects/${dashed}/?field=uuid`, { as: 'member' })).body).toEqual({ uuid: project.uuid });
  });
});

function uuidsOf(items: Array<{ uuid: string }>) {
  return items.map((item) => item.uuid);
}
