import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulators, type Simulators } from '../../simulators/index.ts';

let sims: Simulators;
beforeAll(async () => {
  sims = await startSimulators({ orderStepMs: 40 });
});
afterAll(() => sims.close());

const waldur = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${sims.waldur.origin}${path}`, { ...init, headers: { authorization: `Token ${token}`, 'content-type': 'application/json', ...init.headers } });
const orchestration = (path: string, token: string) => fetch(`${sims.orchestrationUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('startSimulators (the combined starter)', () => {
  it('should start both simulators with linked principals and a service account', () => {
    expect(sims.waldurUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    expect(sims.orchestrationUrl).toMatch(/\/api\/v0$/);
    expect(sims.orchestrationTokenUrl).toContain(sims.orchestration.origin);
    expect(sims.principals.map((p) => p.name)).toEqual(['staff', 'owner', 'manager', 'member', 'nobody', 'provider']);
    for (const principal of sims.principals) {
      expect(principal.waldurToken).toMatch(/^[0-9a-f]{40}$/);
      expect(principal.orchestrationToken).toEqual(expect.any(String));
    }
    expect(sims.serviceAccount).toEqual({ clientId: expect.any(String), clientSecret: expect.any(String), refreshToken: expect.any(String) });
  });

  it('should give each principal orchestration access to exactly the projects it sees in Waldur', async () => {
    const member = sims.principals.find((p) => p.name === 'member')!;
    const [project] = await (await waldur('/api/projects/?field=backend_id', member.waldurToken)).json();
    const allocation = sims.waldur.links.find((link) => link.orchestrationProjectId === project.backend_id)!.allocations[0];
    const own = await orchestration(`/projects/${project.backend_id}/allocations/${allocation.id}`, member.orchestrationToken);
    expect(own.status).toBe(200);
    const foreign = sims.waldur.links.find((link) => link.orchestrationProjectId !== project.backend_id)!;
    const refused = await orchestration(`/projects/${foreign.orchestrationProjectId}/allocations`, member.orchestrationToken);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const nobody = sims.principals.find((p) => p.name === 'nobody')!;
    expect((await orchestration(`/projects/${project.backend_id}/allocations`, nobody.orchestrationToken)).status).toBeGreaterThanOrEqual(400);
  });

  it('should create an orchestration allocation when a game-server order completes', async () => {
    const owner = sims.principals.find((p) => p.name === 'owner')!;
    const staff = sims.principals.find((p) => p.name === 'staff')!;
    const [project] = await (await waldur('/api/projects/?page_size=1', owner.waldurToken)).json();
    const [offering] = await (await waldur('/api/marketplace-public-offerings/?type=Marketplace.GameServer&page_size=1', owner.waldurToken)).json();
    const order = await (await waldur('/api/marketplace-orders/', owner.waldurToken, {
      method: 'POST', body: JSON.stringify({ project: project.url, offering: offering.url, plan: offering.plans[0].url, attributes: { name: 'linked-arena' } }),
    })).json();
    await vi.waitFor(async () => {
      const resource = await (await waldur(`/api/marketplace-resources/${order.marketplace_resource_uuid}/`, owner.waldurToken)).json();
      expect(resource.backend_id).toMatch(/^[0-9a-f-]{36}$/);
    }, { timeout: 2000, interval: 20 });
    const resource = await (await waldur(`/api/marketplace-resources/${order.marketplace_resource_uuid}/`, owner.waldurToken)).json();
    const allocation = await orchestration(`/projects/${project.backend_id}/allocations/${resource.backend_id}`, staff.orchestrationToken);
    expect(allocation.status).toBe(200);
    expect(JSON.stringify(await allocation.json())).toContain('linked-arena');
  });
});

describe('runSimulateCommand (junction simulate)', () => {
  it('should print exactly one JSON line with --json', async () => {
    const { runSimulateCommand } = await import('../../simulators/cli.ts');
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    let started: Simulators | undefined;
    try {
      started = await runSimulateCommand(['--json'], { SIM_SCALE: '1', SIM_SEED: '3', SIM_ORDER_STEP_MS: '500', SIM_LATENCY_MS: '0' });
    } finally {
      spy.mockRestore();
    }
    try {
      const output = written.join('');
      expect(output.endsWith('\n')).toBe(true);
      expect(output.trim().split('\n')).toHaveLength(1);
      const line = JSON.parse(output);
      expect(Object.keys(line)).toEqual(['waldurUrl', 'orchestrationUrl', 'orchestrationTokenUrl', 'principals', 'serviceAccount', 'linkOfferingUuids']);
      expect(line.linkOfferingUuids).toEqual([started!.waldur.orchestrationOfferingUuid]);
      expect(Object.keys(line.principals[0])).toEqual(['name', 'role', 'waldurToken', 'orchestrationToken']);
      expect(line.waldurUrl).toBe(started!.waldurUrl);
    } finally {
      await started?.close();
    }
  });

  it('should reject invalid SIM_* values', async () => {
    const { runSimulateCommand } = await import('../../simulators/cli.ts');
    await expect(runSimulateCommand([], { SIM_SCALE: 'lots' })).rejects.toThrow(/SIM_SCALE/);
  });
});
