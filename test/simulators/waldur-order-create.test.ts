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
const GAME = 'Marketplace.GameServer';
const SUPPORT = 'Marketplace.Support';

describe('order creation and auto-approval (docs/contracts/waldur.md §8.4)', () => {
  it('should create the resource in Creating synchronously and answer 201 with Location', async () => {
    const reply = await kit.create('owner', SCRIPT);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(reply.body.url);
    const resource = await kit.resource(reply.body.marketplace_resource_uuid);
    expect(resource.state).toBe('Creating');
    expect(resource.name).toBe('test-script');
    expect(resource.creation_order.uuid).toBe(reply.body.uuid);
    expect(resource.order_in_progress.uuid).toBe(reply.body.uuid);
  });

  it('should skip consumer review for staff, owners and managers, and provider review except for Basic and Slurm', async () => {
    const cases: Array<[string, string, string]> = [
      ['owner', SCRIPT, 'executing'], ['owner', BASIC, 'pending-provider'], ['owner', SLURM, 'pending-provider'],
      ['manager', GAME, 'executing'], ['staff', SUPPORT, 'executing'], ['member', SCRIPT, 'pending-consumer'],
      ['member', BASIC, 'pending-consumer'],
    ];
    for (const [as, type, state] of cases) {
      const reply = await kit.create(as, type);
      expect(reply.body.state, `${as} ${type}`).toBe(state);
      expect(reply.body.consumer_reviewed_by).toBe(state === 'pending-consumer' ? null : reply.body.created_by_username);
    }
  });

  it('should park orders of projects that have not started, and orders with a future start date', async () => {
    const projects = await w.all('/api/projects/');
    const future = projects.find((p) => p.start_date && p.start_date > '2029-01-01');
    expect((await kit.create('staff', SCRIPT, { project: future })).body.state).toBe('pending-project');
    expect((await kit.create('staff', SCRIPT, { startDate: '2031-01-01' })).body.state).toBe('pending-start-date');
  });

  it('should validate the order body', async () => {
    const project = await kit.projectOf('owner');
    const paused = (await w.all('/api/marketplace-public-offerings/')).find((o) => o.state === 'Paused');
    const other = await kit.offering(BASIC);
    const script = await kit.offering(SCRIPT);
    const reply = await w.call('/api/marketplace-orders/', { as: 'owner', method: 'POST', body: { offering: paused.url } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ project: ['This field is required.'], offering: ['Offering is not available.'] });
    const wrongPlan = await w.call('/api/marketplace-orders/', { as: 'owner', method: 'POST', body: { project: project.url, offering: script.url, plan: other.plans[0].url } });
    expect(wrongPlan.body).toEqual({ plan: ['This plan is not available for selected offering.'] });
    const invisible = (await w.call('/api/projects/?page_size=1', { as: 'manager' })).body[0];
    const hidden = await w.call('/api/marketplace-orders/', { as: 'owner', method: 'POST', body: { project: invisible.url, offering: script.url, plan: script.plans[0].url } });
    expect(hidden.body).toEqual({ project: ['Invalid hyperlink - Object does not exist.'] });
    const wrongKind = await w.call('/api/marketplace-orders/', { as: 'owner', method: 'POST', body: { project: script.url, offering: 'not a url', plan: script.plans[0].url } });
    expect(wrongKind.body).toEqual({ project: ['Invalid hyperlink - Incorrect URL match.'], offering: ['Invalid hyperlink - No URL match.'] });
    expect((await kit.create('nobody', SCRIPT, { project })).body).toEqual({ project: ['Invalid hyperlink - Object does not exist.'] });
    const notDict = await w.call('/api/marketplace-orders/', { as: 'owner', method: 'POST', body: [1] });
    expect(notDict.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
  });

  it('should disable PUT and PATCH', async () => {
    const order = (await kit.create('owner', SCRIPT)).body;
    for (const method of ['PUT', 'PATCH']) {
      const reply = await w.call(`/api/marketplace-orders/${order.uuid}/`, { as: 'owner', method, body: { limits: {} } });
      expect(reply.status).toBe(405);
      expect(reply.body).toEqual({ detail: `Method "${method}" not allowed.` });
    }
  });
});
