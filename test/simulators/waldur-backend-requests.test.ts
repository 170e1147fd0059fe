import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur();
});
afterAll(() => w.close());

const step = (uuid: string, action: string, as = 'provider', body?: unknown) =>
  w.call(`/api/backend-resource-requests/${uuid}/${action}/`, { as, method: 'POST', body });

describe('backend resource requests (docs/contracts/waldur.md §8.6)', () => {
  it('should seed requests in every state with consistent timestamps', async () => {
    const requests = await w.all('/api/backend-resource-requests/');
    expect(new Set(requests.map((r) => r.state))).toEqual(new Set(['Sent', 'Processing', 'Done', 'Erred']));
    for (const request of requests) {
      expect(request.started === null).toBe(request.state === 'Sent');
      expect(request.finished === null).toBe(request.state === 'Sent' || request.state === 'Processing');
    }
    const filtered = await w.all('/api/backend-resource-requests/?state=Done&state=Erred');
    expect(filtered.every((r) => ['Done', 'Erred'].includes(r.state))).toBe(true);
    expect((await w.call('/api/backend-resource-requests/?state=Lost')).status).toBe(400);
  });

  it('should go Sent → Processing → Done with started and finished set', async () => {
    const offering = (await w.call('/api/marketplace-public-offerings/?page_size=1')).body[0];
    const created = await w.call('/api/backend-resource-requests/', { as: 'provider', method: 'POST', body: { offering: offering.uuid } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(created.body.url);
    expect(created.body).toMatchObject({ state: 'Sent', offering: offering.uuid, offering_name: offering.name, started: null, finished: null });
    const uuid = created.body.uuid;
    expect((await step(uuid, 'set_done')).body).toEqual({ detail: 'Valid states for operation: Processing.' });
    expect((await step(uuid, 'start_processing')).body).toEqual({ status: expect.any(String) });
    const processing = (await w.call(`/api/backend-resource-requests/${uuid}/`, { as: 'provider' })).body;
    expect(processing.state).toBe('Processing');
    expect(processing.started).not.toBeNull();
    expect((await step(uuid, 'start_processing')).status).toBe(409);
    await step(uuid, 'set_done');
    const done = (await w.call(`/api/backend-resource-requests/${uuid}/`, { as: 'provider' })).body;
    expect(done.state).toBe('Done');
    expect(done.finished >= done.started).toBe(true);
  });

  it('should go to Erred from any state with the error details', async () => {
    const offering = (await w.call('/api/marketplace-public-offerings/?page_size=1')).body[0];
    const { uuid } = (await w.call('/api/backend-resource-requests/', { method: 'POST', body: { offering: offering.uuid } })).body;
    await step(uuid, 'set_erred', 'staff', { error_message: 'agent offline', error_traceback: 'tb' });
    expect((await w.call(`/api/backend-resource-requests/${uuid}/`)).body).toMatchObject({ state: 'Erred', error_message: 'agent offline', error_traceback: 'tb' });
  });

  it('should validate the body and keep requests away from consumers', async () => {
    expect((await w.call('/api/backend-resource-requests/', { method: 'POST', body: {} })).body).toEqual({ offering: ['This field is required.'] });
    expect((await w.call('/api/backend-resource-requests/', { method: 'POST', body: { offering: 'x' } })).body).toEqual({ offering: ['Must be a valid UUID.'] });
    const offering = (await w.call('/api/marketplace-public-offerings/?page_size=1')).body[0];
    expect((await w.call('/api/backend-resource-requests/', { as: 'owner', method: 'POST', body: { offering: offering.uuid } })).status).toBe(403);
    const request = (await w.call('/api/backend-resource-requests/?page_size=1')).body[0];
    expect((await w.call(`/api/backend-resource-requests/${request.uuid}/`, { as: 'owner' })).status).toBe(404);
  });
});
