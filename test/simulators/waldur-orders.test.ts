import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';
import { orderKit } from './waldur-order-helpers.ts';

let w: TestWaldur;
let kit: ReturnType<typeof orderKit>;
beforeAll(async () => {
  w = await startTestWaldur({ orderStepMs: 60_000 });
  kit = orderKit(w);
});
afterAll(() => w.close());

const BASIC = 'Marketplace.Basic';
const SLURM = 'Marketplace.Slurm';
const SCRIPT = 'Marketplace.Script';
const SUPPORT = 'Marketplace.Support';

describe('order transitions', () => {
  it('approve_by_consumer: pending-consumer → executing or pending-provider; 409 from other states', async () => {
    const script = (await kit.create('member', SCRIPT)).body;
    const basic = (await kit.create('member', BASIC)).body;
    expect((await kit.act(script.uuid, 'approve_by_consumer', 'member')).status).toBe(403);
    const approved = await kit.act(script.uuid, 'approve_by_consumer', 'owner');
    expect(approved.status).toBe(200);
    expect((await kit.order(script.uuid)).state).toBe('executing');
    expect((await kit.order(script.uuid)).consumer_reviewed_by).toBe('olivia.owner');
    await kit.act(basic.uuid, 'approve_by_consumer', 'owner');
    expect((await kit.order(basic.uuid)).state).toBe('pending-provider');
    const again = await kit.act(script.uuid, 'approve_by_consumer', 'owner');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ detail: 'Valid states for operation: pending-consumer.' });
  });

  it('reject_by_consumer and reject_by_provider: → rejected, and the new resource is Terminated', async () => {
    const a = (await kit.create('member', SCRIPT)).body;
    expect((await kit.act(a.uuid, 'reject_by_consumer', 'owner', { consumer_rejection_comment: 'no' })).status).toBe(200);
    expect((await kit.order(a.uuid))).toMatchObject({ state: 'rejected', consumer_rejection_comment: 'no' });
    expect((await kit.resource(a.marketplace_resource_uuid)).state).toBe('Terminated');
    const b = (await kit.create('owner', BASIC)).body;
    expect((await kit.act(b.uuid, 'reject_by_provider', 'owner')).status).toBe(403);
    expect((await kit.act(b.uuid, 'reject_by_provider', 'provider', { provider_rejection_comment: 'full' })).status).toBe(200);
    expect(await kit.order(b.uuid)).toMatchObject({ state: 'rejected', provider_rejection_comment: 'full', provider_reviewed_by: 'pete.provider' });
    expect((await kit.resource(b.marketplace_resource_uuid)).state).toBe('Terminated');
  });

  it('approve_by_provider: pending-provider → executing; Slurm then waits for the agent', async () => {
    const order = (await kit.create('owner', SLURM)).body;
    expect((await kit.act(order.uuid, 'approve_by_provider', 'provider', { attributes: { account: 'acc1' } })).body).toEqual({ detail: expect.any(String) });
    expect(await kit.order(order.uuid)).toMatchObject({ state: 'executing', provider_reviewed_by: 'pete.provider' });
    expect((await kit.advance()).body.advanced).toBeGreaterThanOrEqual(0);
    expect((await kit.order(order.uuid)).state).toBe('executing');
    expect((await kit.order(order.uuid)).attributes.account).toBe('acc1');
  });

  it('set_state_erred, set_state_executing (retry) and set_state_done for site-agent orders', async () => {
    const order = (await kit.create('owner', SLURM)).body;
    const resource = order.marketplace_resource_uuid;
    expect((await kit.act(order.uuid, 'set_state_done', 'provider')).status).toBe(409);
    await kit.act(order.uuid, 'approve_by_provider', 'provider');
    await kit.act(order.uuid, 'set_state_erred', 'provider', { error_message: 'quota', error_traceback: 'tb' });
    expect(await kit.order(order.uuid)).toMatchObject({ state: 'erred', error_message: 'quota', error_traceback: 'tb' });
    expect((await kit.resource(resource)).state).toBe('Terminated');
    expect((await kit.act(order.uuid, 'set_state_executing', 'provider')).status).toBe(200);
    expect((await kit.order(order.uuid)).state).toBe('executing');
    expect((await kit.resource(resource)).state).toBe('Creating');
    expect((await kit.act(order.uuid, 'set_state_done', 'provider')).status).toBe(200);
    const done = await kit.order(order.uuid);
    expect(done.state).toBe('done');
    expect(done.completed_at).not.toBeNull();
    expect((await kit.resource(resource)).state).toBe('OK');
    expect((await kit.resource(resource)).order_in_progress).toBeNull();
  });

  it('set_state_executing from pending-consumer and pending-project', async () => {
    const a = (await kit.create('member', SLURM)).body;
    expect((await kit.act(a.uuid, 'set_state_executing', 'provider')).status).toBe(200);
    expect((await kit.order(a.uuid)).state).toBe('executing');
    const future = (await w.all('/api/projects/')).find((p) => p.start_date > '2029-01-01');
    const b = (await kit.create('staff', SLURM, { project: future })).body;
    expect(b.state).toBe('pending-project');
    await kit.act(b.uuid, 'set_state_executing', 'provider');
    expect((await kit.order(b.uuid)).state).toBe('executing');
  });

  it('cancel: 202 for Basic and Support, 405 for other types, 409 from terminal states', async () => {
    const basic = (await kit.create('owner', BASIC)).body;
    const cancel = await kit.act(basic.uuid, 'cancel', 'owner');
    expect(cancel.status).toBe(202);
    expect(cancel.text).toBe('');
    expect((await kit.order(basic.uuid)).state).toBe('canceled');
    // Order.cancel() changes only the order: the resource stays Creating (marketplace/handlers.py reacts to rejected/erred only).
    expect((await kit.resource(basic.marketplace_resource_uuid)).state).toBe('Creating');
    const support = (await kit.create('owner', SUPPORT)).body;
    expect((await kit.act(support.uuid, 'cancel', 'owner')).status).toBe(202);
    const script = (await kit.create('owner', SCRIPT)).body;
    const wrongType = await kit.act(script.uuid, 'cancel', 'owner');
    expect(wrongType.status).toBe(405);
    expect(wrongType.body).toEqual({ detail: "The order's offering with Marketplace.Script type does not support this action" });
    const terminal = await kit.act(basic.uuid, 'cancel', 'owner');
    expect(terminal.status).toBe(409);
    expect(terminal.body).toEqual({ detail: 'Valid states for operation: pending-consumer, pending-provider, executing.' });
  });

  it('answers 405 for site-agent actions on other offering types', async () => {
    const basic = (await kit.create('owner', BASIC)).body;
    const executing = await kit.act(basic.uuid, 'set_state_executing', 'provider');
    expect(executing.status).toBe(405);
    expect(executing.body.detail).toBe("The order's offering with Marketplace.Basic type does not support this action");
    expect((await kit.act(basic.uuid, 'set_state_erred', 'provider')).status).toBe(405);
    const script = (await kit.create('owner', SCRIPT)).body;
    expect((await kit.act(script.uuid, 'set_state_done', 'staff')).status).toBe(405);
    await kit.act(basic.uuid, 'approve_by_provider', 'provider');
    expect((await kit.act(basic.uuid, 'set_state_done', 'provider')).status).toBe(200);
    expect((await kit.resource(basic.marketplace_resource_uuid)).state).toBe('OK');
  });

  it('DELETE: 204 for pending orders, 409 otherwise', async () => {
    const pending = (await kit.create('member', SCRIPT)).body;
    expect((await w.call(`/api/marketplace-orders/${pending.uuid}/`, { as: 'member', method: 'DELETE' })).status).toBe(204);
    expect((await w.call(`/api/marketplace-orders/${pending.uuid}/`)).status).toBe(404);
    const executing = (await kit.create('owner', SCRIPT)).body;
    const refused = await w.call(`/api/marketplace-orders/${executing.uuid}/`, { as: 'owner', method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ detail: 'Valid states for operation: pending-consumer, pending-provider.' });
  });

  it('answers 400 bare lists for archived customers and expired projects', async () => {
    const orders = await w.all('/api/marketplace-orders/?state=pending-consumer');
    const customers = await w.all('/api/customers/?archived=true');
    const archivedOrder = orders.find((o) => o.customer_uuid === customers[0].uuid);
    const archived = await kit.act(archivedOrder.uuid, 'approve_by_consumer', 'staff');
    expect(archived.status).toBe(400);
    expect(archived.body).toEqual(['Archived organization is not available.']);
    const expiredProject = (await w.all('/api/projects/')).find((p) => p.end_date && p.end_date < '2025-01-01');
    const anyOrder = (await w.all(`/api/marketplace-orders/?project_uuid=${expiredProject.uuid}`))[0];
    await kit.advance({ order: anyOrder.uuid, to: 'pending-consumer' });
    const expired = await kit.act(anyOrder.uuid, 'approve_by_consumer', 'staff');
    expect(expired.body).toEqual([`Project '${expiredProject.name}' is expired.`]);
  });

  it('advance forces any transition and validates the target state', async () => {
    const order = (await kit.create('staff', SCRIPT, { startDate: '2031-01-01' })).body;
    const forced = await kit.advance({ order: order.uuid, to: 'erred' });
    expect(forced.body).toMatchObject({ state: 'erred', resource_state: 'Terminated' });
    const unknown = await kit.advance({ order: order.uuid, to: 'sideways' });
    expect(unknown.status).toBe(400);
  });
});
