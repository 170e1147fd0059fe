import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../simulators/waldur/seed/index.ts';
import { startTestWaldur, type TestWaldur } from './waldur-client.ts';

let w: TestWaldur;
let startupMs = 0;
beforeAll(async () => {
  const started = performance.now();
  w = await startTestWaldur({ scale: 100 });
  startupMs = performance.now() - started;
});
afterAll(() => w.close());

describe('scale 100', () => {
  it('should seed at least 10,000 resources well under 5 s', async () => {
    expect(startupMs).toBeLessThan(3000);
    const head = await w.call('/api/marketplace-resources/', { method: 'HEAD' });
    expect(Number(head.headers.get('x-result-count'))).toBeGreaterThanOrEqual(10_000);
    const customers = await w.call('/api/customers/', { method: 'HEAD' });
    expect(Number(customers.headers.get('x-result-count'))).toBeGreaterThanOrEqual(400);
  });

  it('should clamp page_size to 300 and still answer filtered lists quickly', async () => {
    const started = performance.now();
    const page = await w.call('/api/marketplace-resources/?page_size=1000&field=uuid');
    expect(page.body).toHaveLength(300);
    const filtered = await w.call('/api/marketplace-orders/?state=executing&o=-created&page_size=300');
    expect(filtered.body).toHaveLength(300);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('should be deterministic for a seed', () => {
    const a = seedData(7, 2);
    const b = seedData(7, 2);
    expect([...a.store.resources.keys()]).toEqual([...b.store.resources.keys()]);
    expect(a.principals).toEqual(b.principals);
    expect([...seedData(8, 2).store.resources.keys()]).not.toEqual([...a.store.resources.keys()]);
  });

  it('should link every project to an orchestration project, with allocations from game-server backend ids', () => {
    const links = w.sim.links;
    expect(links).toHaveLength(1200);
    expect(new Set(links.map((link) => link.orchestrationProjectId)).size).toBe(1200);
    expect(links.every((link) => /^[a-z]+-[a-z]+-\d{6}$/.test(link.orchestrationProjectId))).toBe(true);
    expect(links.every((link) => link.allocations.length >= 1)).toBe(true);
    expect(links[0].allocations[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
