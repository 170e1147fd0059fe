import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';
import { orderKit } from './waldur-order-helpers.ts';

/** What the waldur-mastermind source shows and the simulator now does (each case cites its source file in the simulator). */
let w: TestWaldur;
let kit: ReturnType<typeof orderKit>;
beforeAll(async () => {
  w = await startTestWaldur();
  kit = orderKit(w);
});
afterAll(() => w.close());
beforeEach(async () => {
  await w.control('POST', 'profile', { version: '8.0.5', resultCount: true });
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('orders and resources as the source has them', () => {
  it('approve_by_provider refuses an order of an expired project (check_project_end_date)', async () => {
    const expired = (await w.all('/api/projects/')).find((p) => p.end_date && p.end_date < '2025-01-01');
    const order = (await w.all(`/api/marketplace-orders/?project_uuid=${expired.uuid}`))[0];
    await w.control('POST', 'advance', { order: order.uuid, to: 'pending-provider' });
    const refused = await kit.act(order.uuid, 'approve_by_provider', 'staff');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual([`Project '${expired.name}' is expired.`]);
    expect((await kit.order(order.uuid)).state).toBe('pending-provider');
  });

  it('the service provider may terminate a resource of its offering it can see (user_can_terminate_resource)', async () => {
    const providerCustomers = new Set((await w.all('/api/customers/', 'provider')).map((c) => c.uuid));
    const project = await kit.projectOf('owner');
    const resources = await w.all(`/api/marketplace-resources/?project_uuid=${project.uuid}&state=OK`);
    const ofProvider = resources.find((r) => providerCustomers.has(r.provider_uuid));
    expect(ofProvider).toBeDefined();
    // A plain project member may not terminate as a consumer; as the offering's provider it may.
    await w.call(`/api/projects/${project.uuid}/add_user/`, { as: 'owner', method: 'POST', body: { role: 'PROJECT.MEMBER', user: w.principal('provider').userUuid } });
    const terminated = await kit.resourceAct(ofProvider.uuid, 'terminate', 'provider', {});
    expect(terminated.status).toBe(200);
    expect((await kit.order(terminated.body.order_uuid)).type).toBe('Terminate');
    const member = await kit.resourceAct(ofProvider.uuid, 'terminate', 'member', {});
    expect([403, 404]).toContain(member.status);
  });

  it('list_users lists active roles only: an expired role drops out (get_permissions is_active=True)', async () => {
    const project = await kit.projectOf('owner');
    const nobody = w.principal('nobody').userUuid;
    const soon = new Date(Date.now() + 400).toISOString();
    const added = await w.call(`/api/projects/${project.uuid}/add_user/`, { as: 'owner', method: 'POST', body: { role: 'PROJECT.ADMIN', user: nobody, expiration_time: soon } });
    expect(added.status).toBe(201);
    const listed = async () => (await w.call(`/api/projects/${project.uuid}/list_users/?user=${nobody}`, { as: 'owner' })).body as unknown[];
    expect(await listed()).toHaveLength(1);
    expect(await until(listed, (rows) => rows.length === 0)).toEqual([]);
  });

  it('projects ?can_manage is present-or-absent: can_manage=false narrows like true', async () => {
    const count = async (query: string) => (await w.call(`/api/projects/?${query}`, { as: 'owner' })).headers.get('x-result-count');
    expect(await count('can_manage=false')).toBe(await count('can_manage=true'));
    expect(await count('can_manage')).toBe(await count('can_manage=true'));
    expect(Number(await count('can_manage=false'))).toBeLessThan(Number(await count('page_size=1')) + 1);
  });
});

describe('the version it plays', () => {
  it('/api/version/ answers staff only (IsStaffOrSupportUser)', async () => {
    expect((await w.call('/api/version/')).body).toEqual({ version: '8.0.5' });
    expect((await w.call('/api/version/', { as: 'owner' })).status).toBe(403);
  });

  it('7.0.7: no uuid_list on offerings, no CSV offering_uuid, no ISO created, no backend requests, fewer resource actions', async () => {
    const offerings = await w.all('/api/marketplace-public-offerings/');
    await w.control('POST', 'profile', { version: '7.0.7' });
    expect((await w.call('/api/version/')).body).toEqual({ version: '7.0.7' });
    const listed = await w.call(`/api/marketplace-public-offerings/?uuid_list=${offerings[0].uuid}&page_size=300`);
    expect(listed.body).toHaveLength(offerings.length);
    const csv = await w.call(`/api/marketplace-resources/?offering_uuid=${offerings[0].uuid},${offerings[1].uuid}`);
    expect(csv).toMatchObject({ status: 400, body: { offering_uuid: ['Enter a valid UUID.'] } });
    expect((await w.call('/api/marketplace-resources/?created=2020-01-01T00:00:00Z')).status).toBe(400);
    expect((await w.call('/api/marketplace-resources/?created=2020-01-01 00:00:00')).status).toBe(200);
    const missing = await w.call('/api/backend-resource-requests/');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<h1>Not Found</h1>');
    const [resource] = (await w.call('/api/marketplace-resources/?page_size=1')).body;
    expect((await kit.resourceAct(resource.uuid, 'estimate_renewal', 'staff', { extension_months: 12 })).text).toContain('<h1>Not Found</h1>');
  });

  it('resultCount false: lists carry no X-Result-Count, only the Link header', async () => {
    await w.control('POST', 'profile', { resultCount: false });
    const page = await w.call('/api/projects/?page_size=1');
    expect(page.headers.get('x-result-count')).toBeNull();
    expect(page.headers.get('link')).toContain('rel="last"');
  });
});
