import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ALLOCATIONS, PROJECT, startTestSim, type TestSim } from './orchestration-helpers.ts';

let t: TestSim;
afterAll(async () => { await t.close(); });
beforeEach(async () => {
  t ??= await startTestSim();
  await t.control('POST', 'reset?data=true');
});

const reservations = () => `${t.allocationPath()}/reservations`;
const reserve = (body?: unknown) => t.api('POST', reservations(), body);
const byState = async (state: string) => (await t.payloads()).filter((p: any) => p.status.state === state);

describe('orchestration simulator: CreateReservation', () => {
  it('answers un-wrapped with the payload address and ports, then marks it Reserved', async () => {
    const [oldest] = await byState('Ready');
    const { status, body } = await reserve({});
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['payload_address', 'payload_id', 'payload_ports']);
    expect(body.payload_id).toBe(oldest.id);
    expect(body.payload_address).toBe(oldest.status.address);
    expect(body.payload_ports).toEqual([
      { name: 'game', port: oldest.status.ports[0].port, protocol: 'UDP' },
      { name: 'query', port: oldest.status.ports[1].port, protocol: 'TCP' },
    ]);
    const after = (await t.api('GET', `${t.allocationPath()}/payloads/${oldest.id}`)).body.result;
    expect(after.status.state).toBe('Reserved');
    expect(Date.parse(after.status.last_reserved)).toBeGreaterThan(Date.parse(after.status.started));
  });

  it('treats match_labels {}, [] and absent alike, and an empty selector list as any Ready payload', async () => {
    for (const body of [{ selectors: [{ match_labels: [] }] }, { selectors: [{ match_labels: {} }] }, { selectors: [] }, undefined]) {
      expect((await reserve(body)).status, JSON.stringify(body)).toBe(200);
      await t.control('POST', 'reset?data=true');
    }
  });

  it('evaluates selectors in order and filters by every label', async () => {
    const [first, second] = await byState('Ready');
    await t.api('PUT', `${t.allocationPath()}/payloads/${second.id}/metadata/label`, { key: 'mode', value: 'duel' });
    await t.api('PUT', `${t.allocationPath()}/payloads/${second.id}/metadata/label`, { key: 'map', value: 'dust' });
    const noMatch = { match_labels: { mode: 'duel', map: 'other' } };
    const both = { match_labels: { mode: 'duel', map: 'dust' } };
    expect((await reserve({ selectors: [noMatch, both, {}] })).body.payload_id).toBe(second.id);
    expect((await reserve({ selectors: [noMatch, both, {}] })).body.payload_id).toBe(first.id);
  });

  it('runs the contract back-fill example', async () => {
    const backfill = {
      selectors: [{ match_labels: { 'needs-backfill': 'true' }, payload_state: 'Reserved' }, { payload_state: 'Ready' }],
      payload_metadata: { labels: { 'needs-backfill': 'false' }, annotations: { match: 'm-1' } },
    };
    const [seeded] = await byState('Reserved');
    expect(seeded.metadata.labels['needs-backfill']).toBe('true');
    const first = await reserve(backfill);
    expect(first.body.payload_id).toBe(seeded.id);
    const refilled = (await t.api('GET', `${t.allocationPath()}/payloads/${seeded.id}`)).body.result;
    expect(refilled.status.state).toBe('Reserved');
    expect(refilled.metadata.labels).toMatchObject({ 'needs-backfill': 'false', region: 'eu-west' });
    expect(refilled.metadata.annotations).toMatchObject({ match: 'm-1', players: '12' });
    expect(Date.parse(refilled.status.last_reserved)).toBeGreaterThan(Date.parse(seeded.status.last_reserved));
    const second = await reserve(backfill);
    expect(second.body.payload_id).not.toBe(seeded.id);
    expect((await t.api('GET', `${t.allocationPath()}/payloads/${second.body.payload_id}`)).body.result.status.state).toBe('Reserved');
  });

  it('answers 412 when nothing matches, and 400 for malformed selectors or metadata', async () => {
    const none = await reserve({ selectors: [{ match_labels: { mode: 'nope' } }] });
    expect(none.status).toBe(412);
    expect(none.body).toEqual({ message: expect.stringMatching(/no payload/), request_id: expect.any(String) });
    expect((await reserve({ selectors: [{ payload_state: 'Starting' }] })).status).toBe(412);
    await reserve();
    await reserve();
    expect((await reserve()).status).toBe(412);
    expect((await reserve({ selectors: [{ payload_state: 'Bogus' }] })).status).toBe(400);
    expect((await reserve({ selectors: {} })).status).toBe(400);
    expect((await reserve({ payload_metadata: { labels: { '-bad': 'x' } } })).status).toBe(400);
  });

  it('does not reserve Ready payloads of a disabled allocation', async () => {
    await t.api('PUT', `${t.allocationPath()}/enabled`, { enabled: false });
    expect((await reserve()).status).toBe(412);
    expect((await t.api('POST', `${t.allocationPath(ALLOCATIONS[3].id)}/reservations`, {})).status).toBe(412);
  });
});

describe('orchestration simulator: DeleteReservation', () => {
  it('returns a Reserved payload to Ready, 409 when not Reserved, 404 when unknown', async () => {
    const [reserved] = await byState('Reserved');
    expect(await t.api('DELETE', `${reservations()}/${reserved.id}`)).toMatchObject({ status: 200, body: {} });
    expect((await t.api('GET', `${t.allocationPath()}/payloads/${reserved.id}`)).body.result.status.state).toBe('Ready');
    const again = await t.api('DELETE', `${reservations()}/${reserved.id}`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/not Reserved/);
    expect((await t.api('DELETE', `${reservations()}/zzzzz-zzzzz`)).status).toBe(404);
  });
});

describe('orchestration simulator: labels and annotations', () => {
  const label = (key: unknown, value: unknown) => t.api('PUT', `${t.allocationPath()}/payloads/${first}/metadata/label`, { key, value });
  const annotation = (key: unknown, value: unknown) => t.api('PUT', `${t.allocationPath()}/payloads/${first}/metadata/annotation`, { key, value });
  let first = '';
  beforeEach(async () => { first = (await t.payloads())[0].id; });

  it('accepts keys and values that match the §7 patterns and upserts them', async () => {
    const goodKeys = ['a', 'Z9', 'needs-backfill', 'a.b_c-d', `a${'x'.repeat(57)}b`];
    const goodValues = ['', 'v', 'v1.2.3', 'A_b-c.d', `a${'x'.repeat(61)}b`];
    for (const key of goodKeys) expect((await label(key, 'x')).status, key).toBe(200);
    for (const value of goodValues) expect(await label('k', value), value).toMatchObject({ status: 200, body: {} });
    await label('region', 'us-east');
    const { labels } = (await t.api('GET', `${t.allocationPath()}/payloads/${first}`)).body.result.metadata;
    expect(labels).toMatchObject({ region: 'us-east', k: goodValues.at(-1) });
  });

  it('rejects bad label keys and values with a 400 naming the problem', async () => {
    const badKeys = ['', '-a', 'a-', '_a', 'a b', 'ä', `a${'x'.repeat(58)}b`];
    for (const key of badKeys) {
      const res = await label(key, 'x');
      expect(res.status, key).toBe(400);
      expect(res.body.message).toContain('label key');
      expect(res.body.request_id).toEqual(expect.any(String));
    }
    for (const value of ['-v', 'v-', 'v v', `a${'x'.repeat(62)}b`]) {
      const res = await label('k', value);
      expect(res.status, value).toBe(400);
      expect(res.body.message).toMatch(/label value .* for key "k"/);
    }
    expect((await label('k', 1)).status).toBe(400);
    expect((await label(undefined, 'x')).status).toBe(400);
  });

  it('takes any annotation value but validates annotation keys', async () => {
    expect((await annotation('note', 'free text: ✓ / {json} \n')).status).toBe(200);
    expect((await annotation('note', '')).status).toBe(200);
    expect((await annotation('bad key', 'x')).body.message).toContain('annotation key');
    expect((await annotation('k', 5)).status).toBe(400);
    const { annotations } = (await t.api('GET', `${t.allocationPath()}/payloads/${first}`)).body.result.metadata;
    expect(annotations.note).toBe('');
  });
});
