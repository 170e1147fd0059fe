/**
 * The simulators' `socketBytes` counter (bench: "exchanges incl. headers"): both directions of every API exchange,
 * HTTP headers included, exactly what a TCP proxy in front of the simulator sees; control calls are not counted,
 * even on the same keep-alive connection, and a reset starts from zero.
 */
import net from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type Simulators } from '../../simulators/index.ts';

let sims: Simulators;
beforeAll(async () => {
  sims = await startSimulators();
});
afterAll(async () => {
  await sims.close();
});

/** A TCP proxy that counts the bytes both ways. */
async function countingProxy(target: URL) {
  let bytes = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    client.on('data', (d) => { bytes += d.length; upstream.write(d); });
    upstream.on('data', (d) => { bytes += d.length; client.write(d); });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, bytes: () => bytes, close: () => new Promise((r) => server.close(r)) };
}

describe('simulator exchange bytes', () => {
  it.each(['waldur', 'orchestration'] as const)('should count %s API exchanges as a TCP proxy does, and no control call', async (service) => {
    const base = new URL(service === 'waldur' ? sims.waldurUrl : sims.orchestrationUrl);
    const proxy = await countingProxy(base);
    const pool = new Pool(proxy.origin, { connections: 1 });
    const staff = sims.principals.find((p) => p.role === 'staff')!;
    const authorization = service === 'waldur' ? `Token ${staff.waldurToken}` : `Bearer ${staff.orchestrationToken}`;
    const api = service === 'waldur' ? `${base.pathname}projects/?page_size=3` : `${base.pathname}/projects/${sims.waldur.links[0].orchestrationProjectId}/allocations`;
    const call = async (path: string, method: 'GET' | 'POST' = 'GET') => (await pool.request({ path, method, headers: { authorization } })).body.text();
    try {
      await call('/__sim/reset', 'POST');
      const before = proxy.bytes();
      await call(api);
      await call('/__sim/requests');
      await call(api);
      const apiAndControl = proxy.bytes() - before;
      const counters = JSON.parse(await call('/__sim/counters')) as { total: number; bytes: number; socketBytes: number };
      expect(counters.total).toBe(2);
      expect(counters.socketBytes).toBeGreaterThan(counters.bytes);
      // Each API exchange is counted; the control call between them (on the same connection) is not.
      expect(counters.socketBytes).toBeLessThan(apiAndControl);
      await call('/__sim/reset', 'POST');
      const afterReset = proxy.bytes();
      await call(api);
      const one = proxy.bytes() - afterReset;
      expect((JSON.parse(await call('/__sim/counters')) as { socketBytes: number }).socketBytes).toBe(one);
    } finally {
      await pool.close();
      await proxy.close();
    }
  });
});
