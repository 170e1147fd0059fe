import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { traced } from '../marketplace/calls.ts';
import { startStack, type Stack } from '../helpers/stack.ts';

/**
 * A Waldur 7.x behind the gateway (the simulator's 7.0.7 profile, simulators/waldur/api/profile.ts): filters it
 * lacks are ignored or refused, routes it lacks answer Django's 404 page. Every answer must be what 8.0.5 gives,
 * or a clear NOT_SUPPORTED: never rows of the wrong object, never a silent null.
 */
describe('an older Waldur (7.0.7)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });
  beforeEach(async () => {
    await stack.control('waldur', 'POST', 'profile', { version: '8.0.5', resultCount: true });
  });
  const as7 = () => stack.control('waldur', 'POST', 'profile', { version: '7.0.7' });

  it('should notice that uuid_list was ignored and read each offering exactly instead of answering null', async () => {
    const query = '{ resources(first: 6, orderBy: [NAME_ASC]) { nodes { name offering { uuid name fullDescription } } } }';
    const current = await traced(stack, query);
    expect(current.result.errors).toBeUndefined();
    expect(current.lines.filter((l) => l.startsWith('GET /api/marketplace-public-offerings/'))).toHaveLength(1);

    await as7();
    const older = await traced(stack, query);
    expect(older.result).toEqual(current.result);
    const offeringCalls = older.lines.filter((l) => l.startsWith('GET /api/marketplace-public-offerings/'));
    const offerings = new Set(current.result.data.resources.nodes.map((r: any) => r.offering.uuid));
    expect(offeringCalls[0]).toContain('uuid_list=');
    expect(offeringCalls.slice(1).map((l) => l.split(' ')[1]).sort()).toEqual([...offerings].map((u) => `/api/marketplace-public-offerings/${u}/`).sort());
  });

  it('should page each offering\'s resources alone when the CSV offering_uuid answers 400', async () => {
    const query = '{ offerings(first: 3, orderBy: [NAME_ASC]) { nodes { uuid resources(first: 2) { totalCount nodes { offering { uuid } } } } } }';
    const current = await traced(stack, query);
    await as7();
    const older = await traced(stack, query);
    expect(older.result).toEqual(current.result);
    const resourceCalls = older.calls.filter((c) => c.path === '/api/marketplace-resources/');
    expect(resourceCalls[0].status).toBe(400);
    expect(resourceCalls.slice(1).map((c) => new URLSearchParams(c.query).get('offering_uuid')).sort())
      .toEqual(current.result.data.offerings.nodes.map((o: any) => o.uuid).sort());
  });

  it('should send created/modified again in Django\'s own format when the ISO form answers 400', async () => {
    const query = '{ resources(filter: { createdAfter: "2020-01-01T00:00:00Z" }) { totalCount nodes { uuid } } }';
    const current = await traced(stack, query);
    expect(current.result.errors).toBeUndefined();
    await as7();
    const older = await traced(stack, query);
    expect(older.result).toEqual(current.result);
    expect(older.calls.map((c) => `${c.status} ${new URLSearchParams(c.query).get('created')}`))
      .toEqual(['400 2020-01-01T00:00:00Z', '200 2020-01-01 00:00:00']);
  });

  it('should answer NOT_SUPPORTED, not NOT_FOUND, for what this Waldur has no route for', async () => {
    await as7();
    const listed = await stack.query('{ backendResourceRequests(first: 2) { nodes { uuid } } }');
    expect(listed.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_SUPPORTED']);
    expect(listed.errors![0].message).toContain('not supported by this Waldur version');
    const resources = await stack.query('{ resources(first: 1) { nodes { uuid renewalEstimate(extensionMonths: 12) { total } } } }');
    expect(resources.data.resources.nodes[0].uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(resources.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['NOT_SUPPORTED', ['resources', 'nodes', 0, 'renewalEstimate']]]);
    // A missing object is still a missing object.
    const missing = await stack.query('{ resource(uuid: "00000000000000000000000000000000") { uuid } }');
    expect(missing).toEqual({ data: { resource: null } });
  });

  it('should report the version to staff, and nothing to others', async () => {
    expect((await stack.query('{ waldurVersion { version supported } }')).data).toEqual({ waldurVersion: { version: '8.0.5', supported: true } });
    expect(await stack.query('{ waldurVersion { version } }', undefined, 'owner')).toEqual({ data: { waldurVersion: null } });
    await as7();
    expect((await stack.query('{ waldurVersion { version supported } }')).data).toEqual({ waldurVersion: { version: '7.0.7', supported: true } });
  });

  it('should send can_manage only as "true": Waldur reads it as present-or-absent', async () => {
    const managed = await traced(stack, '{ projects(filter: { canManage: true }) { totalCount } }', undefined, 'owner');
    expect(managed.result.errors).toBeUndefined();
    expect(managed.lines).toEqual([expect.stringMatching(/^HEAD \/api\/projects\/ can_manage=true page_size=1$/)]);
    const rejected = await traced(stack, '{ projects(filter: { canManage: false }) { totalCount } }', undefined, 'owner');
    expect(rejected.result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(rejected.result.errors![0].message).toContain('filter.canManage: expected true');
    expect(rejected.calls).toEqual([]);
    // The simulator does what Waldur does with `can_manage=false`: it narrows all the same.
    const raw = await fetch(`${stack.sims.waldurUrl}projects/?can_manage=false&field=uuid`, { headers: { authorization: `Token ${stack.principal('owner').waldurToken}` } });
    expect(raw.headers.get('x-result-count')).toBe(String(managed.result.data.projects.totalCount));
  });
});
