import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, startTestSim, statesOf, type TestSim } from './orchestration-helpers.ts';

let t: TestSim;
beforeAll(async () => { t = await startTestSim(); });
afterAll(async () => { await t.close(); });

const tick = (ticks = 1) => t.control('POST', 'advance', { ticks });
const hook = (allocationId: string, payloadId: string, name: 'ready' | 'crash' | 'exit') => t.control('POST', `payloads/${PROJECT}/${allocationId}/${payloadId}/${name}`);
const getPayload = (allocationId: string, payloadId: string) => t.api('GET', `${t.allocationPath(allocationId)}/payloads/${payloadId}`);
const stateOf = async (allocationId: string) => (await t.api('GET', t.allocationPath(allocationId))).body.result.status.state;

/** A provisioned allocation (buffer 2, min 1, max 5) whose first two payloads are Ready. */
async function runningAllocation(name: string): Promise<string> {
  const id = t.sim.provisionAllocation(PROJECT, name);
  await tick(3);
  for (const p of await t.payloads(id)) await hook(id, p.id, 'ready');
  await tick();
  return id;
}

describe('orchestration simulator: payload lifecycle', () => {
  it('steps Creating → Preparing → Starting and waits for the ready hook', async () => {
    const id = t.sim.provisionAllocation(PROJECT, 'lifecycle');
    expect(await stateOf(id)).toBe('New');
    expect(await t.payloads(id)).toEqual([]);
    await tick();
    expect(await stateOf(id)).toBe('Updating');
    expect(statesOf(await t.payloads(id))).toEqual(['Creating', 'Creating']);
    await tick();
    expect(statesOf(await t.payloads(id))).toEqual(['Preparing', 'Preparing']);
    await tick();
    const starting = await t.payloads(id);
    expect(statesOf(starting)).toEqual(['Starting', 'Starting']);
    await tick(5);
    expect(statesOf(await t.payloads(id))).toEqual(['Starting', 'Starting']);
    const ready = await hook(id, starting[0].id, 'ready');
    expect(ready.body.result.status.state).toBe('Ready');
    expect((await hook(id, starting[0].id, 'ready')).status).toBe(409);
    await hook(id, starting[1].id, 'ready');
    await tick();
    expect(await stateOf(id)).toBe('Running');
  });

  it('restarts a payload that crashes before Ready with exponential back-off', async () => {
    const id = t.sim.provisionAllocation(PROJECT, 'crashy');
    await tick(3);
    const [p] = await t.payloads(id);
    const crashed = await hook(id, p.id, 'crash');
    expect(crashed.body.result.status).toMatchObject({ state: 'Error', details: expect.stringMatching(/restarting/) });
    await tick();
    expect((await getPayload(id, p.id)).body.result.status.state).toBe('Starting');
    await hook(id, p.id, 'crash');
    await tick();
    expect((await getPayload(id, p.id)).body.result.status.state).toBe('Error');
    await tick();
    expect((await getPayload(id, p.id)).body.result.status.state).toBe('Starting');
  });

  it('takes a crashed Ready payload through Unhealthy and Shutdown, then replaces it', async () => {
    const id = await runningAllocation('unhealthy');
    const [p] = await t.payloads(id);
    expect((await hook(id, p.id, 'crash')).body.result.status.state).toBe('Unhealthy');
    await tick();
    expect((await getPayload(id, p.id)).body.result.status.state).toBe('Shutdown');
    expect(statesOf(await t.payloads(id))).toEqual(['Creating', 'Ready', 'Shutdown']);
    await tick(2);
    expect((await getPayload(id, p.id)).status).toBe(404);
    expect((await hook(id, p.id, 'exit')).status).toBe(404);
  });

  it('removes a payload whose game server exits', async () => {
    const id = await runningAllocation('exits');
    const [p] = await t.payloads(id);
    await t.api('POST', `${t.allocationPath(id)}/reservations`, {});
    expect((await hook(id, p.id, 'exit')).body.result.status.state).toBe('Shutdown');
    expect((await hook(id, p.id, 'exit')).status).toBe(409);
    await tick(2);
    expect((await getPayload(id, p.id)).status).toBe(404);
  });
});

describe('orchestration simulator: demo mode', () => {
  it('makes Starting payloads Ready on its own when autoReady is on, and provisions into new projects', async () => {
    const demo = await startTestSim({ autoReady: true });
    try {
      const id = demo.sim.provisionAllocation('fresh-project', 'demo');
      const path = `/projects/fresh-project/allocations/${id}`;
      expect((await demo.api('GET', path)).body.result).toMatchObject({ name: 'demo', metadata: null, spec: { buffer_size: 2, min_payloads: 1, max_payloads: 5 } });
      await demo.control('POST', 'advance', { ticks: 5 });
      expect(statesOf(await demo.payloads(id, 'fresh-project'))).toEqual(['Ready', 'Ready']);
      expect((await demo.api('GET', path)).body.result.status.state).toBe('Running');
    } finally {
      await demo.close();
    }
  });
});

describe('orchestration simulator: DeletePayload', () => {
  it('needs force_delete for a Reserved payload and keeps the payload visible in Shutdown', async () => {
    const id = await runningAllocation('deletes');
    const reservation = (await t.api('POST', `${t.allocationPath(id)}/reservations`, {})).body;
    const path = `${t.allocationPath(id)}/payloads/${reservation.payload_id}`;
    const refused = await t.api('DELETE', path);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/force_delete/);
    expect(await t.api('DELETE', `${path}?force_delete=true`)).toMatchObject({ status: 200, body: {} });
    expect((await t.api('GET', path)).body.result.status.state).toBe('Shutdown');
    expect((await t.api('GET', `${t.allocationPath(id)}/payloads`)).body.results.map((p: any) => p.id)).toContain(reservation.payload_id);
    const backfill = await t.api('POST', `${t.allocationPath(id)}/reservations`, { selectors: [{ payload_state: 'Reserved' }] });
    expect(backfill.status).toBe(412);
    await tick(2);
    expect((await t.api('GET', path)).status).toBe(404);
  });

  it('deletes a Ready payload without force and never reserves it meanwhile', async () => {
    const id = await runningAllocation('deletes-ready');
    const [a, b] = await t.payloads(id);
    expect((await t.api('DELETE', `${t.allocationPath(id)}/payloads/${a.id}`)).status).toBe(200);
    expect((await t.api('POST', `${t.allocationPath(id)}/reservations`, {})).body.payload_id).toBe(b.id);
    expect((await t.api('POST', `${t.allocationPath(id)}/reservations`, {})).status).toBe(412);
  });
});

describe('orchestration simulator: autoscaler', () => {
  const create = async (scale: { buffer_size: number; min_payloads: number; max_payloads: number }) => {
    const spec = { payload_spec: { image: 'img:1', ports: [{ name: 'game', container_port: 7777 }] }, ...scale };
    return (await t.api('POST', `/projects/${PROJECT}/allocations`, { name: 'scaled', spec })).body.result.id as string;
  };
  const readyAll = async (id: string) => {
    await tick(3);
    for (const p of await t.payloads(id)) if (p.status.state === 'Starting') await hook(id, p.id, 'ready');
  };

  it('keeps the buffer of Ready payloads and refills it after reservations', async () => {
    const id = await runningAllocation('buffer');
    await t.api('POST', `${t.allocationPath(id)}/reservations`, {});
    await tick();
    expect(statesOf(await t.payloads(id))).toEqual(['Creating', 'Ready', 'Reserved']);
  });

  it('never exceeds max_payloads, counting Reserved payloads', async () => {
    const id = await create({ buffer_size: 3, min_payloads: 0, max_payloads: 3 });
    await tick();
    expect(await t.payloads(id)).toHaveLength(3);
    await readyAll(id);
    await t.api('POST', `${t.allocationPath(id)}/reservations`, {});
    await t.api('POST', `${t.allocationPath(id)}/reservations`, {});
    await tick(4);
    expect(statesOf(await t.payloads(id))).toEqual(['Ready', 'Reserved', 'Reserved']);
  });

  it('keeps at least min_payloads even with an empty buffer', async () => {
    const id = await create({ buffer_size: 0, min_payloads: 2, max_payloads: 4 });
    await tick();
    expect(await t.payloads(id)).toHaveLength(2);
  });

  it('scales down only non-Reserved payloads and reports Stopped when empty', async () => {
    const id = await runningAllocation('downscale');
    const reserved = (await t.api('POST', `${t.allocationPath(id)}/reservations`, {})).body.payload_id;
    await tick();
    const spec = (await t.api('GET', t.allocationPath(id))).body.result.spec;
    await t.api('PUT', t.allocationPath(id), { name: 'downscale', spec: { ...spec, buffer_size: 0, min_payloads: 0 } });
    await tick();
    const after = await t.payloads(id);
    expect(after.find((p: any) => p.id === reserved).status.state).toBe('Reserved');
    expect(statesOf(after)).toEqual(['Reserved', 'Shutdown', 'Shutdown']);
    await t.api('DELETE', `${t.allocationPath(id)}/reservations/${reserved}`);
    await tick(3);
    expect(await t.payloads(id)).toEqual([]);
    expect(await stateOf(id)).toBe('Stopped');
  });

  it('replaces non-Reserved payloads on an image update and leaves Reserved ones alone', async () => {
    const id = await runningAllocation('image');
    const reserved = (await t.api('POST', `${t.allocationPath(id)}/reservations`, {})).body.payload_id;
    expect((await t.api('PUT', `${t.allocationPath(id)}/image`, {})).status).toBe(400);
    expect(await t.api('PUT', `${t.allocationPath(id)}/image`, { image: 'registry.ims.io/games/arena:1.5.0' })).toMatchObject({ status: 200, body: {} });
    expect(await stateOf(id)).toBe('Updating');
    await tick();
    const after = await t.payloads(id);
    const old = after.filter((p: any) => p.payload_spec.image.endsWith(':1.4.2'));
    expect(old.map((p: any) => [p.id === reserved ? 'reserved' : 'other', p.status.state]).sort()).toEqual([['other', 'Shutdown'], ['reserved', 'Reserved']]);
    expect(after.filter((p: any) => p.payload_spec.image.endsWith(':1.5.0')).map((p: any) => p.status.state)).toEqual(['Creating', 'Creating']);
    await readyAll(id);
    await tick();
    expect(await stateOf(id)).toBe('Running');
  });
});
