import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOCATIONS, OTHER_ALLOCATION, OTHER_PROJECT, PROJECT, RFC3339, startTestSim, statesOf, type TestSim } from './orchestration-helpers.ts';

const PAYLOAD_STATES = ['Unknown', 'Creating', 'Preparing', 'Starting', 'Ready', 'Reserved', 'Shutdown', 'Error', 'Unhealthy'];
const ALLOCATION_STATES = ['Unknown', 'New', 'Updating', 'Running', 'Draining', 'Stopped', 'Deleted', 'Error', 'Disabled'];

const validSpec = (overrides: Record<string, unknown> = {}) => ({
  payload_spec: { image: 'registry.ims.io/games/arena:2.0.0', ports: [{ name: 'game', container_port: 7777, port_policy: 'DYNAMIC', protocol: 'UDP' }] },
  buffer_size: 1, min_payloads: 0, max_payloads: 3, ...overrides,
});

let t: TestSim;
beforeAll(async () => { t = await startTestSim(); });
afterAll(async () => { await t.close(); });

describe('orchestration simulator: seeded data and envelopes', () => {
  it('lists allocations as {results} with the settled shape', async () => {
    const { status, body } = await t.api('GET', `/projects/${PROJECT}/allocations`);
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['results']);
    expect(body.results.map((a: any) => a.id)).toEqual(ALLOCATIONS.map((a) => a.id));
    const [first] = body.results;
    expect(Object.keys(first).sort()).toEqual(['created', 'enabled', 'id', 'metadata', 'modified', 'name', 'spec', 'status']);
    expect(first.created).toMatch(RFC3339);
    expect(first.spec).toMatchObject({ buffer_size: 2, min_payloads: 1, region: 'eu-west' });
    expect(first.spec.payload_spec).toMatchObject({
      image: 'registry.ims.io/games/arena:1.4.2', resources: { cpu: '500m', memory: '512Mi' }, ddos_protection: 'DISABLED',
      ports: [{ name: 'game', container_port: 7777, port_policy: 'DYNAMIC', protocol: 'UDP' }, { name: 'query', port_policy: 'PASSTHROUGH', protocol: 'TCP' }],
    });
    expect(first.metadata.annotations.session_type).toBe('arena-ranked');
    for (const a of body.results) expect(ALLOCATION_STATES).toContain(a.status.state);
    expect(body.results.map((a: any) => a.status.state)).toEqual(['Running', 'Running', 'Running', 'Disabled', 'Stopped']);
    expect(body.results[3].enabled).toBe(false);
  });

  it('seeds payloads in every state with ids, addresses and ports', async () => {
    const all = [...(await Promise.all(ALLOCATIONS.map((a) => t.payloads(a.id))))].flat();
    expect(new Set(statesOf(all))).toEqual(new Set(PAYLOAD_STATES.filter((s) => s !== 'Unknown')));
    expect(new Set(statesOf(await t.payloads(OTHER_ALLOCATION.id, OTHER_PROJECT)))).toEqual(new Set(PAYLOAD_STATES.filter((s) => s !== 'Unknown')));
    const dynamicPorts = new Set<number>();
    for (const p of all) {
      expect(p.id).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
      expect(p.created).toMatch(RFC3339);
      expect(p.status.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      const [game, query] = p.status.ports;
      expect(game.name).toBe('game');
      expect(game.port).toBeGreaterThanOrEqual(30000);
      dynamicPorts.add(game.port);
      expect(p.payload_spec.ports[1].container_port).toBe(query.port);
    }
    expect(dynamicPorts.size).toBe(all.length);
  });

  it('wraps a single payload as {result} and omits unset timestamps', async () => {
    const [ready, , reserved, creating] = await t.payloads();
    const got = await t.api('GET', `${t.allocationPath()}/payloads/${reserved.id}`);
    expect(Object.keys(got.body)).toEqual(['result']);
    expect(got.body.result.status.last_reserved).toMatch(RFC3339);
    expect(ready.status.started).toMatch(RFC3339);
    expect(creating.status.state).toBe('Creating');
    expect(creating.status).not.toHaveProperty('started');
  });

  it('is deterministic for a seed', async () => {
    const again = await startTestSim();
    const other = await startTestSim({ seed: 43 });
    try {
      const strip = (ps: any[]) => ps.map((p) => [p.id, p.status.state, p.status.address, p.status.ports]);
      expect(strip(await again.payloads())).toEqual(strip(await t.payloads()));
      expect(strip(await other.payloads())).not.toEqual(strip(await t.payloads()));
    } finally {
      await again.close();
      await other.close();
    }
  });
});

describe('orchestration simulator: allocation CRUD', () => {
  it('validates limit (1-1000, default 1000)', async () => {
    for (const bad of ['0', '1001', 'abc', '-1', '2.5']) {
      const res = await t.api('GET', `/projects/${PROJECT}/allocations?limit=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/limit/);
    }
    expect((await t.api('GET', `/projects/${PROJECT}/allocations?limit=2`)).body.results).toHaveLength(2);
    expect((await t.api('GET', `/projects/${PROJECT}/allocations?limit=1000`)).body.results).toHaveLength(5);
  });

  it('rejects invalid create bodies with 400', async () => {
    const bad: unknown[] = [
      {}, { name: 'x' }, { spec: {} }, { spec: { payload_spec: {} } },
      { spec: validSpec({ min_payloads: 4, max_payloads: 3 }) }, { spec: validSpec({ buffer_size: 1.5 }) }, { spec: validSpec({ buffer_size: -1 }) },
      { spec: validSpec(), metadata: { labels: { 'bad key': 'x' } } },
      { spec: validSpec({ payload_spec: { image: 'i', ports: [{ name: 'p', container_port: 1, protocol: 'SCTP' }] } }) },
    ];
    for (const body of bad) {
      const res = await t.api('POST', `/projects/${PROJECT}/allocations`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ message: expect.any(String), request_id: expect.any(String) });
    }
    const raw = await fetch(`${t.sim.url}/projects/${PROJECT}/allocations`, { method: 'POST', headers: { authorization: `Bearer ${t.token}` }, body: '{nope' });
    expect(raw.status).toBe(400);
  });

  it('creates, gets, updates and reaches Running', async () => {
    const created = await t.api('POST', `/projects/${PROJECT}/allocations`, { spec: validSpec(), metadata: { labels: { game: 'arena' }, annotations: { note: 'any text!' } } });
    expect(created.status).toBe(200);
    const a = created.body.result;
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).toMatchObject({ name: '', enabled: true, status: { state: 'New' }, metadata: { labels: { game: 'arena' } } });
    await t.control('POST', 'advance', { ticks: 1 });
    expect((await t.api('GET', t.allocationPath(a.id))).body.result.status.state).toBe('Updating');
    const [p] = await t.payloads(a.id);
    await t.control('POST', `payloads/${PROJECT}/${a.id}/${p.id}/ready`);
    await t.control('POST', 'advance', { ticks: 1 });
    expect((await t.api('GET', t.allocationPath(a.id))).body.result.status.state).toBe('Running');

    expect((await t.api('PUT', t.allocationPath(a.id), { spec: validSpec() })).status).toBe(400);
    const updated = await t.api('PUT', t.allocationPath(a.id), { name: 'renamed', spec: validSpec({ buffer_size: 2 }) });
    expect(updated.body.result).toMatchObject({ name: 'renamed', spec: { buffer_size: 2 }, metadata: { labels: { game: 'arena' } } });
    expect(updated.body.result.status.state).toBe('Updating');
  });

  it('creates with metadata null and answers 404 for unknown project or allocation', async () => {
    const created = await t.api('POST', `/projects/${PROJECT}/allocations`, { name: 'n', spec: validSpec(), metadata: null });
    expect(created.body.result.metadata).toBeNull();
    expect((await t.api('GET', '/projects/nope/allocations')).status).toBe(404);
    expect((await t.api('POST', '/projects/nope/allocations', { spec: validSpec() })).status).toBe(404);
    const missing = await t.api('GET', t.allocationPath('00000000-0000-4000-8000-000000000000'));
    expect(missing.status).toBe(404);
    expect(missing.body.request_id).toBe(missing.headers.get('x-request-id'));
    expect((await t.api('GET', `${t.allocationPath()}/payloads/zzzzz-zzzzz`)).status).toBe(404);
    expect((await t.api('PATCH', t.allocationPath())).status).toBe(405);
    expect((await t.api('GET', '/nothing/here')).status).toBe(404);
  });

  it('disables (Draining → Disabled, Reserved payloads waited for) and enables again', async () => {
    const path = t.allocationPath(ALLOCATIONS[1].id);
    expect(await t.api('PUT', `${path}/enabled`, { enabled: 'no' })).toMatchObject({ status: 400 });
    expect(await t.api('PUT', `${path}/enabled`, { enabled: false })).toMatchObject({ status: 200, body: {} });
    expect((await t.api('GET', path)).body.result).toMatchObject({ enabled: false, status: { state: 'Draining' } });
    await t.control('POST', 'advance', { ticks: 3 });
    expect((await t.api('GET', path)).body.result.status.state).toBe('Draining');
    expect(statesOf(await t.payloads(ALLOCATIONS[1].id))).toEqual(['Reserved']);
    const [reserved] = await t.payloads(ALLOCATIONS[1].id);
    await t.control('POST', `payloads/${PROJECT}/${ALLOCATIONS[1].id}/${reserved.id}/exit`);
    await t.control('POST', 'advance', { ticks: 3 });
    expect((await t.api('GET', path)).body.result.status.state).toBe('Disabled');
    expect(await t.payloads(ALLOCATIONS[1].id)).toEqual([]);

    await t.api('PUT', `${path}/enabled`, { enabled: true });
    expect((await t.api('GET', path)).body.result).toMatchObject({ enabled: true, status: { state: 'Updating' } });
    await t.control('POST', 'advance', { ticks: 1 });
    expect(statesOf(await t.payloads(ALLOCATIONS[1].id))).toEqual(['Creating', 'Creating']);
  });

  it('deletes: Draining → Deleted, gettable for a grace period, then 404', async () => {
    const path = t.allocationPath(ALLOCATIONS[4].id);
    expect(await t.api('DELETE', path)).toMatchObject({ status: 200, body: {} });
    expect((await t.api('GET', path)).body.result.status.state).toBe('Draining');
    expect((await t.api('PUT', `${path}/image`, { image: 'x' })).status).toBe(409);
    await t.control('POST', 'advance', { ticks: 1 });
    expect((await t.api('GET', path)).body.result.status.state).toBe('Deleted');
    expect((await t.api('GET', `/projects/${PROJECT}/allocations`)).body.results.map((a: any) => a.id)).toContain(ALLOCATIONS[4].id);
    await t.control('POST', 'advance', { ticks: 30 });
    expect((await t.api('GET', path)).status).toBe(404);
  });

  it('reports Error through the control hook', async () => {
    const { body } = await t.control('POST', `allocations/${OTHER_PROJECT}/${OTHER_ALLOCATION.id}/error`, { details: 'image pull failed' });
    expect(body.result.status).toEqual({ state: 'Error', details: 'image pull failed' });
    await t.control('POST', `allocations/${OTHER_PROJECT}/${OTHER_ALLOCATION.id}/recover`);
    expect((await t.api('GET', t.allocationPath(OTHER_ALLOCATION.id, OTHER_PROJECT))).body.result.status.state).not.toBe('Error');
  });
});
