/**
 * The benchmark's PEER (GraphQL Mesh's OpenAPI handler over the vendored Waldur document) verified end to end over
 * real loopback HTTP against the Waldur simulator: it answers the three reference screens as the staff principal,
 * forwards the caller's Authorization header, and makes the upstream calls the per-object Mesh pattern implies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startMeshPeer, type MeshPeer } from '../../bench/peer-mesh.ts';
import { createPeerClient, peerScenarios, PeerQueryError, type PeerExecute, type PeerRun } from '../../bench/peer-queries.ts';
import { startWaldurSimulator, type WaldurSimulator } from '../../simulators/waldur/index.ts';

interface Counters { total: number; bytes: number; byRoute: Record<string, number> }
interface LoggedCall { method: string; path: string; query: string; status: number; headers: Record<string, string> }

let sim: WaldurSimulator;
let peer: MeshPeer;
let staff: PeerExecute;
let staffToken: string;

const control = async <T>(method: 'GET' | 'POST', path: string): Promise<T> => {
  const response = await request(`${sim.origin}/__sim/${path}`, { method });
  return (await response.body.json()) as T;
};

/** Runs `work` on a fresh request log and returns what it sent upstream. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; counters: Counters; calls: LoggedCall[] }> {
  await control('POST', 'reset');
  const result = await work();
  const [counters, calls] = await Promise.all([control<Counters>('GET', 'counters'), control<LoggedCall[]>('GET', 'requests')]);
  return { result, counters, calls };
}

const recorded: Array<{ screen: string; variant: string; roundTrips: number; upstreamCalls: number; upstreamBytes: number; byRoute: Record<string, number> }> = [];

beforeAll(async () => {
  sim = await startWaldurSimulator({ port: 0, seed: 1, scale: 1, latencyMs: 0 });
  const principal = sim.principals.find((p) => p.name === 'staff');
  if (!principal) throw new Error('the simulator has no staff principal');
  staffToken = principal.waldurToken;
  peer = await startMeshPeer({ waldurUrl: sim.url });
  staff = createPeerClient(peer.url, `Token ${staffToken}`);
});

afterAll(async () => {
  if (recorded.length) console.table(recorded.map(({ byRoute, ...row }) => ({ ...row, byRoute: JSON.stringify(byRoute) })));
  await peer?.close();
  await sim?.close();
});

describe('GraphQL Mesh peer over the Waldur simulator', () => {
  it('serves the Mesh-generated schema on loopback with operationId-named root fields', () => {
    expect(peer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const query = peer.schema.getQueryType()!.getFields();
    for (const field of ['customers_list', 'projects_list', 'marketplace_resources_list', 'marketplace_orders_list', 'marketplace_public_offerings_retrieve']) {
      expect(query[field], field).toBeDefined();
    }
    expect(query.projects_list.args.map((a) => a.name)).toEqual(expect.arrayContaining(['customer', 'page_size', 'field']));
  });

  it('forwards the Authorization header to Waldur and surfaces a 401 without it', async () => {
    const withToken = await measured(() => staff('{ customers_list(page_size: 1) { uuid name } }'));
    expect(withToken.result.errors).toBeUndefined();
    expect(withToken.calls).toHaveLength(1);
    expect(withToken.calls[0]).toMatchObject({ method: 'GET', path: '/api/customers/', query: 'page_size=1', status: 200 });
    expect(withToken.calls[0].headers.authorization).toBe(`Token ${staffToken}`);

    const anonymous = await measured(() => createPeerClient(peer.url)('{ customers_list(page_size: 1) { uuid } }'));
    expect(anonymous.calls[0].status).toBe(401);
    expect(anonymous.result.errors?.[0].message).toMatch(/401/);
  });

  it('A. dashboard: 3 client round trips, 1 + customers + projects upstream calls, whole objects', async () => {
    const { result, counters, calls } = await measured(() => peerScenarios().dashboard.run(staff));
    const { customers } = result.data;
    expect(customers).toHaveLength(5);
    const projects = customers.flatMap((c) => c.projects);
    expect(projects.length).toBeGreaterThan(0);
    for (const c of customers) expect(c.projects.length).toBeLessThanOrEqual(3);
    const resources = projects.flatMap((p) => p.resources);
    expect(resources.length).toBeGreaterThan(0);
    for (const project of projects) {
      expect(project.resources.length).toBeLessThanOrEqual(5);
      for (const r of project.resources) {
        expect(r).toMatchObject({ name: expect.any(String), state: expect.any(String), project_name: project.name, offering_name: expect.any(String) });
      }
    }
    expect(result.roundTrips).toBe(3);
    expect(counters.total).toBe(1 + customers.length + projects.length);
    expect(counters.byRoute).toEqual({ 'GET /api/customers/': 1, 'GET /api/projects/': customers.length, 'GET /api/marketplace-resources/': projects.length });
    expect(calls.every((c) => c.status === 200 && !/(^|&)field=/.test(c.query))).toBe(true);
    recorded.push({ screen: 'dashboard', variant: 'plain', roundTrips: result.roundTrips, upstreamCalls: counters.total, upstreamBytes: counters.bytes, byRoute: counters.byRoute });
  });

  it('B. order list: one round trip, one upstream call', async () => {
    const { result, counters } = await measured(() => peerScenarios().orders.run(staff));
    expect(result.data.orders).toHaveLength(20);
    for (const order of result.data.orders) {
      expect(order).toMatchObject({ uuid: expect.stringMatching(/^[0-9a-f]{32}$/), state: expect.any(String), type: expect.any(String), created: expect.any(String) });
      expect(order.project_name).toEqual(expect.any(String));
      expect(order.offering_name).toEqual(expect.any(String));
    }
    expect(result.roundTrips).toBe(1);
    expect(counters.byRoute).toEqual({ 'GET /api/marketplace-orders/': 1 });
    recorded.push({ screen: 'orders', variant: 'plain', roundTrips: result.roundTrips, upstreamCalls: counters.total, upstreamBytes: counters.bytes, byRoute: counters.byRoute });
  });

  it("C. project plans: 3 round trips, 2 + one retrieve per distinct offering", async () => {
    const { result, counters } = await measured(() => peerScenarios().projectPlans.run(staff));
    const project = result.data.project!;
    expect(project.name).toEqual(expect.any(String));
    expect(project.resources.length).toBeGreaterThan(0);
    const offerings = new Set<string>();
    for (const r of project.resources) {
      expect(r.offering?.plans.length).toBeGreaterThan(0);
      for (const plan of r.offering!.plans) expect(plan).toMatchObject({ name: expect.any(String), unit_price: expect.anything() });
      offerings.add(r.offering!.uuid);
    }
    expect(result.roundTrips).toBe(3);
    expect(counters.total).toBe(2 + offerings.size);
    expect(counters.byRoute).toEqual({
      'GET /api/projects/': 1, 'GET /api/marketplace-resources/': 1, 'GET /api/marketplace-public-offerings/{uuid}/': offerings.size,
    });
    recorded.push({ screen: 'projectPlans', variant: 'plain', roundTrips: result.roundTrips, upstreamCalls: counters.total, upstreamBytes: counters.bytes, byRoute: counters.byRoute });
  });

  it('hand-written field: arguments make the same calls with fewer bytes and the same data', async () => {
    for (const key of ['dashboard', 'orders', 'projectPlans'] as const) {
      const run = (sparseFields: boolean): Promise<PeerRun<unknown>> => peerScenarios({ sparseFields })[key].run(staff);
      const plain = await measured(() => run(false));
      const tuned = await measured(() => run(true));
      expect(tuned.result.data, key).toEqual(plain.result.data);
      expect(tuned.counters.byRoute, key).toEqual(plain.counters.byRoute);
      expect(tuned.counters.bytes, key).toBeLessThan(plain.counters.bytes);
      expect(tuned.calls.every((c) => /(^|&)field=/.test(c.query)), key).toBe(true);
      recorded.push({ screen: key, variant: 'field:', roundTrips: tuned.result.roundTrips, upstreamCalls: tuned.counters.total, upstreamBytes: tuned.counters.bytes, byRoute: tuned.counters.byRoute });
    }
  });

  it('reports GraphQL errors from the peer as PeerQueryError', async () => {
    await expect(createPeerClient(peer.url)('{ customers_list { uuid } }').then((r) => r.errors?.length)).resolves.toBeGreaterThan(0);
    await expect(peerScenarios().orders.run(createPeerClient(peer.url))).rejects.toBeInstanceOf(PeerQueryError);
  });
});
