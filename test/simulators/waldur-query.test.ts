import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur();
});
afterAll(() => w.close());

const uuids = (items: Array<{ uuid: string }>) => items.map((item) => item.uuid);

describe('?field= (docs/contracts/waldur.md §4)', () => {
  it('should return only the repeated field names, in declaration order', async () => {
    const reply = await w.call('/api/marketplace-resources/?field=state&field=name&field=uuid&page_size=1');
    expect(Object.keys(reply.body[0])).toEqual(['uuid', 'state', 'name']);
  });

  it('should drop unknown names and return every field when none is valid', async () => {
    const some = await w.call('/api/projects/?field=uuid&field=bogus&page_size=1');
    expect(Object.keys(some.body[0])).toEqual(['uuid']);
    const none = await w.call('/api/projects/?field=bogus&page_size=1');
    expect(Object.keys(none.body[0]).length).toBeGreaterThan(30);
  });

  it('should not split comma-separated values', async () => {
    const reply = await w.call('/api/customers/?field=uuid,name&page_size=1');
    expect(Object.keys(reply.body[0]).length).toBeGreaterThan(40);
  });

  it('should apply to retrieve, offerings and list_users but not to backend resource requests', async () => {
    const order = (await w.call('/api/marketplace-orders/?page_size=1&field=uuid')).body[0];
    expect((await w.call(`/api/marketplace-orders/${order.uuid}/?field=state&field=uuid`)).body).toEqual({ uuid: order.uuid, state: expect.any(String) });
    expect(Object.keys((await w.call('/api/marketplace-public-offerings/?field=plans&page_size=1')).body[0])).toEqual(['plans']);
    const request = (await w.call('/api/backend-resource-requests/?field=uuid&page_size=1')).body[0];
    expect(Object.keys(request).length).toBe(12);
  });
});

describe('filters (docs/contracts/waldur.md §5)', () => {
  it('should silently ignore unknown parameters such as uuid=', async () => {
    const [customer] = (await w.call('/api/customers/?page_size=1')).body;
    const all = await w.call('/api/customers/');
    const filtered = await w.call(`/api/customers/?uuid=${customer.uuid}&nonsense=1`);
    expect(filtered.headers.get('x-result-count')).toBe(all.headers.get('x-result-count'));
  });

  it('should take CSV values for customer= on projects, and only the last of a repeated CSV key', async () => {
    const customers = (await w.call('/api/customers/?is_service_provider=false&page_size=2')).body;
    const [a, b] = uuids(customers);
    const both = await w.all(`/api/projects/?customer=${a},${b}`);
    expect(both).toHaveLength(6);
    const repeated = await w.all(`/api/projects/?customer=${a}&customer=${b}`);
    expect(repeated.map((p) => p.customer_uuid)).toEqual(Array(3).fill(b));
  });

  it('should take CSV for offering_uuid on resources and uuid_list on offerings', async () => {
    const offerings = (await w.call('/api/marketplace-public-offerings/?page_size=2')).body;
    const [a, b] = uuids(offerings);
    const resources = await w.all(`/api/marketplace-resources/?offering_uuid=${a},${b}`);
    expect(new Set(resources.map((r) => r.offering_uuid))).toEqual(new Set([a, b]));
    const listed = await w.call(`/api/marketplace-public-offerings/?uuid_list=${a}, ,${b}`);
    expect(uuids(listed.body).sort()).toEqual([a, b].sort());
  });

  it('should take repeated keys for state and type', async () => {
    const orders = await w.all('/api/marketplace-orders/?state=done&state=erred&type=Terminate');
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => ['done', 'erred'].includes(o.state) && o.type === 'Terminate')).toBe(true);
    const resources = await w.all('/api/marketplace-resources/?state=Creating&state=Updating');
    expect(new Set(resources.map((r) => r.state))).toEqual(new Set(['Creating', 'Updating']));
  });

  it('should answer 400 with every form error for bad uuids, choices and dates', async () => {
    const reply = await w.call('/api/marketplace-resources/?project_uuid=nope&state=Broken&created=yesterday&offering_uuid=x,y');
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      offering_uuid: ['Enter a valid UUID.'],
      project_uuid: ['Enter a valid UUID.'],
      state: ['Select a valid choice. Broken is not one of the available choices.'],
      created: ['Enter a valid date/time.'],
    });
  });

  it('should give an empty list for unresolvable URL filters and a bad user_uuid', async () => {
    expect((await w.call('/api/marketplace-orders/?offering=http://elsewhere/api/nothing/')).body).toEqual([]);
    expect((await w.call('/api/customers/?user_uuid=not-a-uuid')).body).toEqual([]);
    const offering = (await w.call('/api/marketplace-public-offerings/?page_size=1')).body[0];
    const byUrl = await w.all(`/api/marketplace-orders/?offering=${encodeURIComponent(`https://any.host/api/marketplace-public-offerings/${offering.uuid}/`)}`);
    expect(byUrl.length).toBeGreaterThan(0);
    expect(byUrl.every((o) => o.offering_uuid === offering.uuid)).toBe(true);
  });

  it('should filter by name, backend_id, query and created (≥)', async () => {
    const [resource] = (await w.call('/api/marketplace-resources/?state=OK&offering_type=Marketplace.GameServer&page_size=1')).body;
    expect((await w.call(`/api/marketplace-resources/?backend_id=${resource.backend_id}`)).body.map((r: any) => r.uuid)).toEqual([resource.uuid]);
    expect(uuids((await w.call(`/api/marketplace-resources/?query=${resource.uuid}`)).body)).toEqual([resource.uuid]);
    expect(uuids((await w.call(`/api/marketplace-resources/?name=${resource.name.toUpperCase()}`)).body)).toContain(resource.uuid);
    const since = await w.all(`/api/marketplace-resources/?created=${encodeURIComponent(resource.created)}`);
    expect(since.every((r) => r.created >= resource.created)).toBe(true);
    const project = (await w.call(`/api/projects/?backend_id=${resource.project_uuid}`)).body;
    expect(project).toEqual([]);
  });

  it('should match a project by a resource backend id in query', async () => {
    const [resource] = (await w.call('/api/marketplace-resources/?state=OK&offering_type=Marketplace.GameServer&page_size=1')).body;
    expect(uuids((await w.call(`/api/projects/?query=${resource.backend_id}`)).body)).toEqual([resource.project_uuid]);
  });
});

describe('ordering with o= (docs/contracts/waldur.md §6)', () => {
  it('should order by CSV terms with - for descending', async () => {
    const orders = await w.all('/api/marketplace-orders/?o=-created');
    const created = orders.map((o) => o.created);
    expect(created).toEqual([...created].sort().reverse());
    const byState = await w.all('/api/marketplace-orders/?o=state,-created&field=state&field=created');
    // Waldur orders states by their database codes: pending-consumer (1) first, pending-start-date (9) last.
    expect(byState[0].state).toBe('pending-consumer');
    expect(byState.at(-1)!.state).toBe('pending-start-date');
  });

  it('should default to name for projects and offerings and created for orders and resources', async () => {
    const projects = await w.all('/api/projects/');
    expect(projects.map((p) => p.name)).toEqual([...projects.map((p) => p.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const resources = await w.all('/api/marketplace-resources/');
    expect(resources.map((r) => r.created)).toEqual(resources.map((r) => r.created).sort());
  });

  it('should answer 400 for unknown terms except on customers', async () => {
    const bad = await w.call('/api/projects/?o=-nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ o: ['Select a valid choice. -nonsense is not one of the available choices.'] });
    const customers = await w.call('/api/customers/?o=nonsense,-name');
    expect(customers.status).toBe(200);
    const names = customers.body.map((c: any) => c.name);
    expect(names).toEqual([...names].sort().reverse());
  });
});
