import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionRequest } from '../../simulators/waldur/index.ts';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';
import { orderKit } from './waldur-order-helpers.ts';

// Long enough that a test can read an executing order and its resource before the step fires on a loaded machine.
const STEP_MS = 300;
const provisioned: ProvisionRequest[] = [];
let w: TestWaldur;
let kit: ReturnType<typeof orderKit>;
beforeAll(async () => {
  w = await startTestWaldur({
    orderStepMs: STEP_MS,
    onProvision: (request) => {
      provisioned.push(request);
      if (request.resourceName === 'no-allocation') return undefined;
      if (request.resourceName === 'broken') throw new Error('orchestration is down');
      return `alloc-${provisioned.length}`;
    },
  });
  kit = orderKit(w);
});
afterAll(() => w.close());

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Orders a new resource as the owner and drives its Create order to done. */
async function okResource(type: string) {
  const order = (await kit.create('owner', type, { limits: type === 'Marketplace.Script' ? { cores: 2, ram: 4, disk: 20 } : {} })).body;
  if (order.state === 'pending-provider') await kit.act(order.uuid, 'approve_by_provider', 'provider');
  if (type === 'Marketplace.Slurm') await kit.act(order.uuid, 'set_state_done', 'provider');
  const resource = await until(() => kit.resource(order.marketplace_resource_uuid), (r) => r.state === 'OK');
  if (resource.state !== 'OK') throw new Error(`the ${type} resource did not become OK`);
  return resource;
}

describe('automatic steps', () => {
  it('should finish executing orders after orderStepMs, but leave site-agent orders executing', async () => {
    const started = Date.now();
    const script = (await kit.create('owner', 'Marketplace.Script')).body;
    expect(script.state).toBe('executing');
    const slurm = (await kit.create('owner', 'Marketplace.Slurm')).body;
    await kit.act(slurm.uuid, 'approve_by_provider', 'provider');
    const done = await until(() => kit.order(script.uuid), (o) => o.state === 'done');
    expect(done.state).toBe('done');
    expect(Date.now() - started).toBeGreaterThanOrEqual(STEP_MS - 5);
    expect((await kit.resource(script.marketplace_resource_uuid)).state).toBe('OK');
    await new Promise((resolve) => setTimeout(resolve, STEP_MS * 2));
    expect((await kit.order(slurm.uuid)).state).toBe('executing');
  });

  it('should provision a game server and write the allocation id into backend_id', async () => {
    const project = await kit.projectOf('owner');
    const order = (await kit.create('owner', 'Marketplace.GameServer', { name: 'arena-one' })).body;
    const resource = await until(() => kit.resource(order.marketplace_resource_uuid), (r) => r.state === 'OK');
    expect(resource.backend_id).toMatch(/^alloc-\d+$/);
    // Into the orchestration project the provider recorded for the Waldur project (the seed also keeps it in backend_id).
    const recorded = w.sim.links.find((link) => link.waldurProjectUuid === project.uuid)!.orchestrationProjectId;
    expect(recorded).toBe(project.backend_id);
    expect(provisioned.at(-1)).toEqual({ kind: 'allocation', orchestrationProjectId: recorded, resourceUuid: resource.uuid, resourceName: 'arena-one' });
    expect(w.sim.links.find((link) => link.waldurProjectUuid === project.uuid)!.allocations)
      .toContainEqual({ id: resource.backend_id, name: 'arena-one', resourceUuid: resource.uuid });
  });

  it('should leave backend_id empty when the hook returns nothing, and err the order when it throws', async () => {
    const quiet = (await kit.create('owner', 'Marketplace.GameServer', { name: 'no-allocation' })).body;
    const broken = (await kit.create('owner', 'Marketplace.GameServer', { name: 'broken' })).body;
    expect((await until(() => kit.resource(quiet.marketplace_resource_uuid), (r) => r.state === 'OK')).backend_id).toBe('');
    const erred = await until(() => kit.order(broken.uuid), (o) => o.state === 'erred');
    expect(erred.error_message).toContain('orchestration is down');
    expect((await kit.resource(broken.marketplace_resource_uuid)).state).toBe('Terminated');
  });
});

describe('resource effects of Update and Terminate orders (docs/contracts/waldur.md §8.4)', () => {
  it('Terminate: Terminating while executing, Terminated when done', async () => {
    const resource = await okResource('Marketplace.Script');
    const reply = await kit.resourceAct(resource.uuid, 'terminate', 'owner', { attributes: { reason: 'done' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ order_uuid: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const order = await kit.order(reply.body.order_uuid);
    expect(order).toMatchObject({ type: 'Terminate', state: 'executing', marketplace_resource_uuid: resource.uuid });
    expect((await kit.resource(resource.uuid)).state).toBe('Terminating');
    expect((await until(() => kit.resource(resource.uuid), (r) => r.state === 'Terminated')).state).toBe('Terminated');
  });

  it('Terminate on a site-agent resource: OK while pending, OK again when rejected or when the agent reports failure', async () => {
    const resource = await okResource('Marketplace.Slurm');
    const first = (await kit.resourceAct(resource.uuid, 'terminate', 'owner')).body.order_uuid;
    expect((await kit.order(first)).state).toBe('pending-provider');
    const pending = await kit.resource(resource.uuid);
    expect(pending.state).toBe('OK');
    expect(pending.order_in_progress.uuid).toBe(first);
    await kit.act(first, 'reject_by_provider', 'provider');
    expect((await kit.resource(resource.uuid)).state).toBe('OK');
    const second = (await kit.resourceAct(resource.uuid, 'terminate', 'owner')).body.order_uuid;
    await kit.act(second, 'approve_by_provider', 'provider');
    expect((await kit.resource(resource.uuid)).state).toBe('Terminating');
    await kit.act(second, 'set_state_erred', 'provider', { error_message: 'in use' });
    expect((await kit.resource(resource.uuid)).state).toBe('OK');
    const third = (await kit.resourceAct(resource.uuid, 'terminate', 'owner')).body.order_uuid;
    await kit.advance({ order: third, to: 'erred' });
    expect((await kit.resource(resource.uuid)).state).toBe('Erred');
  });

  it('Update: Updating while executing, OK with the new limits when done, Erred when erred', async () => {
    const resource = await okResource('Marketplace.Script');
    const limits = { ...resource.limits, cores: (resource.limits.cores ?? 1) + 1 };
    const same = await kit.resourceAct(resource.uuid, 'update_limits', 'owner', { limits: resource.limits });
    expect(same.status).toBe(400);
    expect(same.body).toEqual(['Impossible to create update orders with limits set to exactly the same.']);
    const orderUuid = (await kit.resourceAct(resource.uuid, 'update_limits', 'owner', { limits })).body.order_uuid;
    const order = await kit.order(orderUuid);
    expect(order).toMatchObject({ type: 'Update', state: 'executing', limits, attributes: { old_limits: resource.limits } });
    expect((await kit.resource(resource.uuid)).state).toBe('Updating');
    const updated = await until(() => kit.resource(resource.uuid), (r) => r.state === 'OK');
    expect(updated.limits).toEqual(limits);
    const next = (await kit.resourceAct(resource.uuid, 'update_limits', 'owner', { limits: { ...limits, cores: limits.cores + 1 } })).body.order_uuid;
    await kit.advance({ order: next, to: 'erred' });
    expect((await kit.resource(resource.uuid)).state).toBe('Erred');
  });

  it('Update canceled: the resource stays Updating (cancel changes only the order); rejected: back to OK', async () => {
    const resource = await okResource('Marketplace.Basic');
    const plans = (await w.call(`/api/marketplace-public-offerings/${resource.offering_uuid}/plans/`)).body;
    const other = plans.find((plan: any) => plan.uuid !== resource.plan_uuid);
    const first = (await kit.resourceAct(resource.uuid, 'switch_plan', 'owner', { plan: other.url })).body.order_uuid;
    expect(await kit.order(first)).toMatchObject({ state: 'pending-provider', old_plan_uuid: resource.plan_uuid, new_plan_uuid: other.uuid });
    await kit.act(first, 'approve_by_provider', 'provider');
    expect((await kit.resource(resource.uuid)).state).toBe('Updating');
    await kit.act(first, 'cancel', 'owner');
    expect((await kit.resource(resource.uuid)).state).toBe('Updating');
    const fresh = await okResource('Marketplace.Basic');
    const target = (await w.call(`/api/marketplace-public-offerings/${fresh.offering_uuid}/plans/`)).body.find((plan: any) => plan.uuid !== fresh.plan_uuid);
    const second = (await kit.resourceAct(fresh.uuid, 'switch_plan', 'owner', { plan: target.url })).body.order_uuid;
    await kit.act(second, 'reject_by_provider', 'provider');
    expect((await kit.resource(fresh.uuid)).state).toBe('OK');
    const third = (await kit.resourceAct(fresh.uuid, 'switch_plan', 'owner', { plan: target.url })).body.order_uuid;
    await kit.act(third, 'approve_by_provider', 'provider');
    await until(() => kit.order(third), (o) => o.state === 'done');
    expect((await kit.resource(fresh.uuid)).plan_uuid).toBe(target.uuid);
  });

  it('Create erred on a resource that already has a backend id: Erred', async () => {
    const order = (await kit.create('owner', 'Marketplace.GameServer', { name: 'will-err' })).body;
    const resource = await until(() => kit.resource(order.marketplace_resource_uuid), (r) => r.state === 'OK');
    expect(resource.backend_id).not.toBe('');
    await kit.advance({ order: order.uuid, to: 'erred' });
    expect((await kit.resource(resource.uuid)).state).toBe('Erred');
  });
});
