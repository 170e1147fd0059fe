import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur({ latencyMs: 5 });
});
afterEach(() => w.control('DELETE', 'faults'));
afterAll(() => w.close());

describe('error shapes (docs/contracts/waldur.md §7)', () => {
  it('should use the three 400 shapes', async () => {
    const fields = await w.call('/api/marketplace-resources/?state=Nope');
    expect(fields.body).toEqual({ state: ['Select a valid choice. Nope is not one of the available choices.'] });
    const project = (await w.call('/api/projects/?page_size=1', { as: 'manager' })).body[0];
    const nonField = await w.call(`/api/projects/${project.uuid}/add_user/`, { as: 'manager', method: 'POST', body: { role: 'PROJECT.ADMIN', user: w.principal('manager').userUuid } });
    expect(nonField.body).toEqual({ non_field_errors: ['User can not manage own role.'] });
    const bare = await w.call(`/api/projects/${project.uuid}/`, { as: 'staff', method: 'DELETE' });
    expect(bare.body).toEqual(['Project contains active resources. Please remove them before deleting project.']);
  });

  it('should answer malformed JSON with 400 and unknown routes with an HTML 404', async () => {
    const malformed = await w.call('/api/projects/', { method: 'POST', body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/^JSON parse error - /);
    const unknown = await w.call('/api/unknown/');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('text/html');
  });

  it('should redirect a path without its trailing slash', async () => {
    const reply = await w.call('/api/projects?page_size=1');
    expect(reply.status).toBe(301);
    expect(reply.headers.get('location')).toBe('/api/projects/?page_size=1');
  });
});

describe('faults (/__sim/faults)', () => {
  it('should inject a status with Retry-After for a limited number of requests', async () => {
    const added = await w.control('POST', 'faults', { method: 'GET', path: '^/api/projects/$', status: 429, retryAfter: 3, times: 1 });
    expect(added.body).toEqual({ id: expect.any(String) });
    const throttled = await w.call('/api/projects/');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(throttled.body).toEqual({ detail: 'Request was throttled. Expected available in 3 seconds.' });
    expect((await w.call('/api/projects/')).status).toBe(200);
  });

  it('should answer 500 with a Django HTML page and 502 with a proxy page', async () => {
    await w.control('POST', 'faults', { path: '/api/customers/', status: 500, times: 1 });
    const error = await w.call('/api/customers/');
    expect(error.status).toBe(500);
    expect(error.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(error.text).toContain('<h1>Server Error (500)</h1>');
    await w.control('POST', 'faults', { path: '/api/customers/', status: 502, times: 1 });
    expect((await w.call('/api/customers/')).text).toContain('502 Bad Gateway');
    await w.control('POST', 'faults', { path: '/api/customers/', status: 503, body: { detail: 'maintenance' }, times: 1 });
    expect((await w.call('/api/customers/')).body).toEqual({ detail: 'maintenance' });
  });

  it('should answer malformed JSON with 200', async () => {
    await w.control('POST', 'faults', { path: '/api/users/me/', malformed: true, times: 1 });
    const reply = await w.call('/api/users/me/');
    expect(reply.status).toBe(200);
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  it('should delay, hang and reset connections', async () => {
    await w.control('POST', 'faults', { path: '/api/users/me/', delayMs: 120, times: 1 });
    const started = Date.now();
    expect((await w.call('/api/users/me/')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);

    await w.control('POST', 'faults', { path: '/api/users/me/', hang: true, times: 1 });
    const hung = fetch(`${w.sim.origin}/api/users/me/`, { headers: { authorization: `Token ${w.token('staff')}` }, signal: AbortSignal.timeout(150) });
    await expect(hung).rejects.toThrow(/aborted|timeout/i);

    await w.control('POST', 'faults', { path: '/api/users/me/', reset: true, times: 1 });
    await expect(fetch(`${w.sim.origin}/api/users/me/`)).rejects.toThrow();
    expect((await w.call('/api/users/me/')).status).toBe(200);
  });

  it('should reject a fault with a bad pattern', async () => {
    expect((await w.control('POST', 'faults', { path: '(' })).status).toBe(400);
    expect((await w.control('POST', 'faults', {})).status).toBe(400);
  });
});

describe('control API', () => {
  it('should log API requests with the forwarded headers and body, but not control requests', async () => {
    await w.control('POST', 'reset');
    await w.call('/api/projects/?field=uuid&field=name', { headers: { 'x-request-id': 'req-1' } });
    await w.call('/api/marketplace-orders/', { method: 'POST', body: { project: 'x' } });
    const log = (await w.control('GET', 'requests')).body;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      seq: expect.any(Number), method: 'GET', path: '/api/projects/', query: 'field=uuid&field=name', status: 200,
      headers: { authorization: `Token ${w.token('staff')}`, 'accept-language': 'en', 'x-request-id': 'req-1' }, body: null,
    });
    expect(log[0].bytes).toBeGreaterThan(0);
    expect(log[0].durationMs).toBeGreaterThanOrEqual(5);
    expect(log[1]).toMatchObject({ method: 'POST', status: 400, body: { project: 'x' }, headers: { 'content-type': 'application/json' } });
    const counters = (await w.control('GET', 'counters')).body;
    expect(counters).toMatchObject({ total: 2, byRoute: { 'GET /api/projects/': 1, 'POST /api/marketplace-orders/': 1 } });
    expect(counters.bytes).toBe(log[0].bytes + log[1].bytes);
  });

  it('should count routes with uuids replaced', async () => {
    await w.control('POST', 'reset');
    const project = (await w.call('/api/projects/?page_size=1')).body[0];
    await w.call(`/api/projects/${project.uuid}/`);
    await w.call(`/api/projects/${project.uuid}/list_users/`, { method: 'HEAD' });
    expect((await w.control('GET', 'counters')).body.byRoute).toEqual({
      'GET /api/projects/': 1, 'GET /api/projects/{uuid}/': 1, 'HEAD /api/projects/{uuid}/list_users/': 1,
    });
  });

  it('should list credentials and re-seed data on reset?data=true', async () => {
    const credentials = (await w.control('GET', 'credentials')).body.principals;
    expect(credentials.map((p: any) => p.name)).toEqual(['staff', 'owner', 'manager', 'member', 'nobody', 'provider']);
    const customer = (await w.call('/api/customers/?owned_by_current_user=true', { as: 'owner' })).body[0];
    await w.call('/api/projects/', { as: 'owner', method: 'POST', body: { name: 'Temporary', customer: customer.url } });
    expect((await w.call('/api/projects/', { method: 'HEAD' })).headers.get('x-result-count')).toBe('13');
    await w.control('POST', 'reset?data=true');
    expect((await w.call('/api/projects/', { method: 'HEAD' })).headers.get('x-result-count')).toBe('12');
    expect((await w.control('GET', 'credentials')).body.principals).toEqual(credentials);
  });
});
