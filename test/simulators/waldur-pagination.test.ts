import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur();
});
afterAll(() => w.close());

describe('pagination (docs/contracts/waldur.md §3)', () => {
  it('should answer a bare array with X-Result-Count and first/next/last links', async () => {
    const reply = await w.call('/api/marketplace-resources/?field=uuid');
    const base = `${w.sim.origin}/api/marketplace-resources/`;
    expect(Array.isArray(reply.body)).toBe(true);
    expect(reply.body).toHaveLength(10);
    expect(reply.headers.get('x-result-count')).toBe('120');
    expect(reply.headers.get('link')).toBe(
      `<${base}?field=uuid>; rel="first", <${base}?field=uuid&page=2>; rel="next", <${base}?field=uuid&page=12>; rel="last"`,
    );
  });

  it('should build prev without page for page 2 and keep every parameter, keys sorted as DRF does', async () => {
    const reply = await w.call('/api/marketplace-resources/?state=OK&field=name&field=uuid&page=2&page_size=5&o=-created');
    const base = `${w.sim.origin}/api/marketplace-resources/`;
    const query = 'field=name&field=uuid&o=-created';
    expect(reply.headers.get('link')).toBe([
      `<${base}?${query}&page_size=5&state=OK>; rel="first"`,
      `<${base}?${query}&page_size=5&state=OK>; rel="prev"`,
      `<${base}?${query}&page=3&page_size=5&state=OK>; rel="next"`,
      `<${base}?${query}&page=13&page_size=5&state=OK>; rel="last"`,
    ].join(', '));
  });

  it('should carry prev with page=n-1 from page 3, and no next on the last page', async () => {
    const reply = await w.call('/api/marketplace-orders/?page=last&page_size=50');
    const count = Number(reply.headers.get('x-result-count'));
    const pages = Math.ceil(count / 50);
    expect(reply.body).toHaveLength(count - (pages - 1) * 50);
    const link = reply.headers.get('link')!;
    expect(link).toContain(`page=${pages - 1}&page_size=50>; rel="prev"`);
    expect(link).not.toContain('rel="next"');
    expect(link).toContain(`page=${pages}&page_size=50>; rel="last"`);
  });

  it('should give a single (or empty) page only first and last, both without page', async () => {
    const reply = await w.call('/api/marketplace-resources/?name_exact=nothing-like-this');
    const base = `${w.sim.origin}/api/marketplace-resources/?name_exact=nothing-like-this`;
    expect(reply.body).toEqual([]);
    expect(reply.headers.get('x-result-count')).toBe('0');
    expect(reply.headers.get('link')).toBe(`<${base}>; rel="first", <${base}>; rel="last"`);
    const page1 = await w.call('/api/marketplace-resources/?name_exact=nothing-like-this&page=1');
    expect(page1.status).toBe(200);
  });

  it('should percent-encode link parameters like Python urlencode', async () => {
    const [a, b] = (await w.call('/api/customers/?page_size=2')).body.map((c: any) => c.uuid);
    const reply = await w.call(`/api/projects/?customer=${a},${b}&page_size=1`);
    expect(reply.headers.get('link')).toContain(`?customer=${a}%2C${b}&page=2&page_size=1>; rel="next"`);
    const names = await w.call('/api/projects/?name=Course%20101&page_size=1');
    expect(names.headers.get('link')).toContain('?name=Course+101&page_size=1>; rel="first"');
  });

  it('should clamp page_size to 300 and fall back to 10 for bad values', async () => {
    expect((await w.call('/api/marketplace-orders/?page_size=1000')).body).toHaveLength(158);
    const orders = await w.call('/api/marketplace-orders/?page_size=1000&field=uuid');
    expect(orders.body.length).toBeLessThanOrEqual(300);
    for (const size of ['0', '-5', 'abc', '2.5', '']) {
      expect((await w.call(`/api/marketplace-orders/?page_size=${size}`)).body, size).toHaveLength(10);
    }
    const big = await w.call('/api/marketplace-orders/?page_size=301&page=1', { as: 'staff' });
    expect(big.body).toHaveLength(158);
  });

  it('should answer 404 Invalid page for pages out of range or not numbers', async () => {
    for (const page of ['0', '99', 'x', '1.5', '-1']) {
      const reply = await w.call(`/api/customers/?page=${page}`);
      expect(reply.status, page).toBe(404);
      expect(reply.body).toEqual({ detail: 'Invalid page.' });
    }
  });

  it('should answer HEAD with the same headers and no body', async () => {
    const get = await w.call('/api/marketplace-orders/?state=done&page_size=3');
    const head = await w.call('/api/marketplace-orders/?state=done&page_size=3', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('x-result-count')).toBe(get.headers.get('x-result-count'));
    expect(head.headers.get('link')).toBe(get.headers.get('link'));
  });

  it('should not paginate the public plans sub-list', async () => {
    const offering = (await w.call('/api/marketplace-public-offerings/?name_exact=Game%20server%20hosting')).body[0];
    const plans = await w.call(`/api/marketplace-public-offerings/${offering.uuid}/plans/`);
    expect(plans.body).toHaveLength(3);
    expect(plans.headers.get('x-result-count')).toBeNull();
    expect(plans.headers.get('link')).toBeNull();
  });

  it('should paginate list_users', async () => {
    const project = (await w.call('/api/projects/?page_size=1', { as: 'member' })).body[0];
    const users = await w.call(`/api/projects/${project.uuid}/list_users/?page_size=1&field=user_username&field=role_name`);
    expect(users.body).toHaveLength(1);
    expect(Object.keys(users.body[0])).toEqual(['role_name', 'user_username']);
    expect(Number(users.headers.get('x-result-count'))).toBeGreaterThanOrEqual(2);
  });
});
