import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createUpstreamHttp, type UpstreamCallInfo } from '../../src/upstream/http.ts';
import { createOrchestrationClient } from '../../src/upstream/orchestration/client.ts';
import { fill, resolveOrchestrationPaths } from '../../src/upstream/orchestration/paths.ts';
import { createTokenManager } from '../../src/upstream/orchestration/token-manager.ts';
import { FAST, reply, settings, startFakeServer, type Handler } from './fake-server.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const SECRET = { clientId: 'junction-gw', clientSecret: 'client-secret-S3CR3T', refreshToken: 'refresh-token-R3FR3SH' };
const ALLOCATION = { id: '1a2b3c4d-1a2b-3c4d-5e6f-1a2b3c4d5e6f', name: 'eu', status: { state: 'Running' } };

/** One fake origin serving both the token endpoint and the API (as the simulator does). */
async function setup(api: Handler, overrides: Record<string, string> = {}) {
  let issued = 0;
  const server = await startFakeServer((req, res, hit, i) => {
    if (req.url === '/auth/v1/token') return reply(res, 200, { access_token: `sa-access-${++issued}`, token_type: 'Bearer', expires_in: 3600 });
    return api(req, res, hit, i);
  });
  const calls: UpstreamCallInfo[] = [];
  const http = createUpstreamHttp({ service: 'orchestration', baseUrl: `${server.origin}/api/v0`, settings: settings(), tuning: FAST, onCall: (c) => calls.push(c) });
  const tokens = createTokenManager({ tokenUrl: `${server.origin}/auth/v1/token`, ...SECRET, http });
  const client = createOrchestrationClient({ http, tokens, paths: resolveOrchestrationPaths(overrides) });
  cleanups.push(() => server.close(), () => http.close());
  const apiHits = () => server.hits.filter((h) => !h.url.startsWith('/auth/'));
  const tokenHits = () => server.hits.filter((h) => h.url.startsWith('/auth/'));
  return { server, client, calls, apiHits, tokenHits };
}

describe('createOrchestrationClient', () => {
  it('should call the settled paths and unwrap the envelopes', async () => {
    const { client, apiHits } = await setup((req, res) => {
      if (req.url?.includes('/reservations') && req.method === 'POST') return reply(res, 200, { payload_id: 'abcde-fghij', payload_address: '10.0.0.1', payload_ports: [] });
      if (req.url?.includes('/artefacts')) return reply(res, 200, { items: [{ allocation_id: 'a', payload_id: 'p', file_path: 'f' }], next_page_token: '' });
      if (req.method === 'GET' && req.url?.endsWith('/allocations?limit=5')) return reply(res, 200, { results: [ALLOCATION] });
      if (req.method === 'GET' && req.url?.includes('/payloads')) return reply(res, 200, {});
      return reply(res, 200, req.method === 'GET' ? { result: ALLOCATION } : {});
    });
    const orch = client.as({ requestId: 'rid-7' });
    expect(await orch.listAllocations('alpha-beta-123456', 5)).toEqual([ALLOCATION]);
    expect(await orch.getAllocation('alpha-beta-123456', ALLOCATION.id)).toEqual(ALLOCATION);
    expect(await orch.listPayloads('alpha-beta-123456', ALLOCATION.id)).toEqual([]);
    await orch.deletePayload('p 1', 'a1', 'abcde-fghij', true);
    await orch.setPayloadLabel('p1', 'a1', 'abcde-fghij', 'mode', 'ranked');
    expect(await orch.listArtefacts('p1', 'a1', { pageSize: 10, pageToken: 'tok==', payloadId: 'abcde-fghij' }))
      .toEqual({ items: [{ allocation_id: 'a', payload_id: 'p', file_path: 'f' }], next_page_token: undefined });
    expect(await orch.createReservation('p1', 'a1', { selectors: [{ payload_state: 'Ready' }] })).toMatchObject({ payload_id: 'abcde-fghij' });
    await orch.deleteReservation('p1', 'a1', 'abcde-fghij');
    expect(apiHits().map((h) => `${h.method} ${h.url}`)).toEqual([
      'GET /api/v0/projects/alpha-beta-123456/allocations?limit=5',
      `GET /api/v0/projects/alpha-beta-123456/allocations/${ALLOCATION.id}`,
      `GET /api/v0/projects/alpha-beta-123456/allocations/${ALLOCATION.id}/payloads`,
      'DELETE /api/v0/projects/p%201/allocations/a1/payloads/abcde-fghij?force_delete=true',
      'PUT /api/v0/projects/p1/allocations/a1/payloads/abcde-fghij/metadata/label',
      'GET /api/v0/projects/p1/allocations/a1/artefacts?page_size=10&page_token=tok%3D%3D&payload_id=abcde-fghij',
      'POST /api/v0/projects/p1/allocations/a1/reservations',
      'DELETE /api/v0/projects/p1/allocations/a1/reservations/abcde-fghij',
    ]);
    expect(apiHits()[0].headers).toMatchObject({ authorization: 'Bearer sa-access-1', 'x-request-id': 'rid-7' });
  });

  it('should honour path overrides and reject ids that would change the route', async () => {
    const { client, apiHits } = await setup((_req, res) => reply(res, 200, { result: ALLOCATION }), { getAllocation: '/v1/p/{project_id}/a/{allocation_id}' });
    await client.as({}).getAllocation('p1', 'a1');
    expect(apiHits()[0].url).toBe('/api/v0/v1/p/p1/a/a1');
    await expect(client.as({}).getPayload('p1', 'a1', '../../x')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(client.as({}).getPayload('p1', 'a/b', 'x')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(apiHits()).toHaveLength(1);
    expect(() => fill('/projects/{project_id}', {})).toThrow(/needs \{project_id\}/);
  });

  it('should refresh once and retry a write once after a 401, then surface a second 401', async () => {
    let rejectAll = false;
    const { client, apiHits, tokenHits } = await setup((req, res) => {
      const stale = req.headers.authorization === 'Bearer sa-access-1';
      if (rejectAll || stale) return reply(res, 401, { message: 'token expired', request_id: 'r1' });
      return reply(res, 200, { result: ALLOCATION });
    });
    const orch = client.as({});
    expect(await orch.createAllocation('p1', { spec: { payload_spec: {}, buffer_size: 1, min_payloads: 0, max_payloads: 2, region: 'eu' } })).toEqual(ALLOCATION);
    expect(apiHits().map((h) => h.headers.authorization)).toEqual(['Bearer sa-access-1', 'Bearer sa-access-2']);
    expect(tokenHits()).toHaveLength(2);

    rejectAll = true;
    await expect(orch.getAllocation('p1', 'a1')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', status: 401, requestId: 'r1' });
    expect(apiHits()).toHaveLength(4);
    expect(tokenHits()).toHaveLength(3);
  });

  it('should forward a pass-through bearer and never touch the service account', async () => {
    const { client, apiHits, tokenHits } = await setup((_req, res) => reply(res, 401, { message: 'nope' }));
    await expect(client.as({ bearer: 'Bearer user-token' }).listPayloads('p1', 'a1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(apiHits().map((h) => h.headers.authorization)).toEqual(['Bearer user-token']);
    expect(tokenHits()).toHaveLength(0);
  });

  it('should never put a token or secret into log output or error messages', async () => {
    const { client, calls } = await setup((req, res) => (req.headers.authorization === 'Bearer sa-access-1'
      ? reply(res, 401, { message: 'expired' }) : reply(res, 500, '<html>trace</html>')));
    let output = '';
    const logger = pino({ level: 'trace' }, new Writable({ write: (chunk, _enc, done) => ((output += String(chunk)), done()) }));
    const errors: unknown[] = [];
    for (const call of [() => client.as({}).getAllocation('p1', 'a1'), () => client.as({ bearer: 'Bearer user-secret-token' }).getAllocation('p1', 'a1')]) {
      await call().catch((error: unknown) => errors.push(error));
    }
    for (const error of errors) logger.error({ err: error }, (error as Error).message);
    for (const call of calls) logger.info(call, 'upstream call');
    const text = output + errors.map((e) => `${(e as Error).message} ${String((e as Error).stack)} ${JSON.stringify(e)}`).join('\n');
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const secret of ['sa-access-1', 'sa-access-2', 'user-secret-token', ...Object.values(SECRET).slice(1)]) expect(text).not.toContain(secret);
  });
});
