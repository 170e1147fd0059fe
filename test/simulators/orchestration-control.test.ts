import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT, startTestSim, type TestSim } from './orchestration-helpers.ts';

let t: TestSim;
beforeAll(async () => { t = await startTestSim(); });
afterAll(async () => { await t.close(); });
beforeEach(async () => { await t.control('POST', 'reset'); });

const allocations = `/projects/${PROJECT}/allocations`;
const fault = async (spec: Record<string, unknown>) => (await t.control('POST', 'faults', spec)).body.id as string;

describe('orchestration simulator: request log and counters', () => {
  it('logs API and token calls but not control calls', async () => {
    await t.api('GET', `${allocations}?limit=2`, undefined, { 'x-request-id': 'trace-1' });
    await t.api('PUT', `${t.allocationPath()}/enabled`, { enabled: true });
    await t.fetchToken();
    await t.control('GET', 'counters');
    const log = (await t.control('GET', 'requests')).body;
    expect(log).toHaveLength(3);
    expect(log[0]).toEqual({
      seq: expect.any(Number), method: 'GET', path: `/api/v0${allocations}`, query: 'limit=2', status: 200, bytes: expect.any(Number),
      wireBytes: expect.any(Number), durationMs: expect.any(Number), headers: { authorization: `Bearer ${t.token}`, 'x-request-id': 'trace-1' }, body: null,
    });
    expect(log[1]).toMatchObject({ method: 'PUT', body: { enabled: true }, headers: { 'content-type': 'application/json' } });
    expect(log[2]).toMatchObject({ method: 'POST', path: '/auth/v1/token', body: { grant_type: 'refresh_token', client_id: 'test-client' } });
    expect(log[0].seq).toBeLessThan(log[1].seq);
    const counters = (await t.control('GET', 'counters')).body;
    expect(counters).toEqual({
      total: 3, bytes: log.reduce((n: number, e: any) => n + e.bytes, 0), wireBytes: log.reduce((n: number, e: any) => n + e.wireBytes, 0), tokenCalls: 1,
      socketBytes: expect.any(Number),
      byRoute: {
        'GET /api/v0/projects/{project}/allocations': 1,
        'PUT /api/v0/projects/{project}/allocations/{allocation}/enabled': 1,
        'POST /auth/v1/token': 1,
      },
    });
    // Whole exchanges, headers included (test/simulators/socket-bytes.test.ts proves the figure exact).
    expect(counters.socketBytes).toBeGreaterThan(counters.bytes);
  });

  it('resets the log, counters and faults; ?data=true re-seeds', async () => {
    await t.api('GET', allocations);
    await fault({ path: 'allocations$', status: 500 });
    await t.api('PUT', `${t.allocationPath()}/enabled`, { enabled: false });
    await t.control('POST', 'reset');
    expect((await t.control('GET', 'counters')).body.total).toBe(0);
    expect((await t.control('GET', 'requests')).body).toEqual([]);
    expect((await t.api('GET', allocations)).status).toBe(200);
    expect((await t.api('GET', t.allocationPath())).body.result.enabled).toBe(false);
    await t.control('POST', 'reset?data=true');
    expect((await t.api('GET', t.allocationPath())).body.result.enabled).toBe(true);
  });
});

describe('orchestration simulator: faults', () => {
  it('answers an injected status a limited number of times, with Retry-After and a custom body', async () => {
    const id = await fault({ method: 'GET', path: '/allocations$', status: 503, retryAfter: 2, times: 1 });
    expect(id).toEqual(expect.any(String));
    const failed = await t.api('GET', allocations);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect(failed.body).toEqual({ message: expect.stringContaining('injected'), request_id: expect.any(String) });
    expect((await t.api('GET', allocations)).status).toBe(200);
    await fault({ path: '/allocations$', status: 429, body: { message: 'slow down', request_id: 'x' } });
    expect((await t.api('POST', allocations, {})).body).toEqual({ message: 'slow down', request_id: 'x' });
    expect((await t.control('DELETE', 'faults')).status).toBe(200);
    expect((await t.api('GET', allocations)).status).toBe(200);
    expect((await t.control('GET', 'requests')).body.map((r: any) => r.status)).toEqual([503, 200, 429, 200]);
  });

  it('hangs, resets, sends malformed JSON or delays', async () => {
    await fault({ path: '/payloads$', hang: true, times: 1 });
    await expect(fetch(`${t.sim.url}${t.allocationPath()}/payloads`, { headers: { authorization: `Bearer ${t.token}` }, signal: AbortSignal.timeout(150) })).rejects.toThrow();
    await fault({ path: '/payloads$', reset: true, times: 1 });
    await expect(fetch(`${t.sim.url}${t.allocationPath()}/payloads`, { headers: { authorization: `Bearer ${t.token}` } })).rejects.toThrow();
    await fault({ path: '/payloads$', malformed: true, times: 1 });
    const malformed = await fetch(`${t.sim.url}${t.allocationPath()}/payloads`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    await fault({ path: '/payloads$', delayMs: 120, times: 1 });
    const started = Date.now();
    expect((await t.api('GET', `${t.allocationPath()}/payloads`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect((await t.control('POST', 'faults', { path: '(' })).status).toBe(400);
  });

  it('can fail the token endpoint', async () => {
    await fault({ path: '^/auth/v1/token$', status: 500, times: 1 });
    expect((await fetch(t.sim.tokenUrl, { method: 'POST' })).status).toBe(500);
    expect(await t.fetchToken()).toEqual(expect.any(String));
  });
});

describe('orchestration simulator: error modes', () => {
  it('switches between {message, request_id} and gRPC status bodies', async () => {
    expect((await t.control('POST', 'error-mode', { mode: 'grpc' })).status).toBe(200);
    expect((await t.api('GET', t.allocationPath('nope'))).body).toEqual({ code: 5, message: expect.any(String), details: [] });
    expect((await t.api('GET', `${allocations}?limit=0`)).body.code).toBe(3);
    expect((await t.api('POST', `${t.allocationPath()}/reservations`, { selectors: [{ match_labels: { x: 'y' } }] })).body).toMatchObject({ code: 9 });
    expect((await t.api('GET', allocations, undefined, { authorization: 'Bearer nope' })).body.code).toBe(16);
    expect((await t.control('POST', 'error-mode', { mode: 'xml' })).status).toBe(400);
    await t.control('POST', 'error-mode', { mode: 'ims' });
    expect((await t.api('GET', t.allocationPath('nope'))).body).toEqual({ message: expect.any(String), request_id: expect.any(String) });
  });
});

describe('orchestration simulator: options', () => {
  it('adds latencyMs and honours a custom path prefix', async () => {
    const slow = await startTestSim({ latencyMs: 80, pathPrefix: '/v0' });
    try {
      expect(slow.sim.url).toBe(`${slow.sim.origin}/v0`);
      const started = Date.now();
      expect((await slow.api('GET', allocations)).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(75);
      expect((await fetch(`${slow.sim.origin}/api/v0${allocations}`, { headers: { authorization: `Bearer ${slow.token}` } })).status).toBe(404);
    } finally {
      await slow.close();
    }
  });

  it('closes even while a request hangs, which stays out of the log until it ends', async () => {
    const other = await startTestSim();
    await other.control('POST', 'faults', { path: 'allocations$', hang: true });
    const pending = fetch(`${other.sim.url}${allocations}`, { headers: { authorization: `Bearer ${other.token}` } });
    const result = pending.then(() => 'answered', () => 'failed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.control('DELETE', 'faults');
    const log = (await other.control('GET', 'requests')).body;
    await other.close();
    expect(await result).toBe('failed');
    expect(log.map((r: any) => r.path)).toEqual(['/auth/v1/token']);
  });
});
