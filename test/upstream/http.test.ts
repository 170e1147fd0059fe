import { afterEach, describe, expect, it } from 'vitest';
import { JunctionError } from '../../src/errors.ts';
import { createUpstreamHttp, type UpstreamCallInfo } from '../../src/upstream/http.ts';
import { FAST, reply, settings, startFakeServer, type Handler } from './fake-server.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(handler: Handler, overrides: Parameters<typeof settings>[0] = {}, tuning: object = FAST) {
  const server = await startFakeServer(handler);
  const calls: UpstreamCallInfo[] = [];
  const http = createUpstreamHttp({ service: 'waldur', baseUrl: `${server.origin}/api/`, settings: settings(overrides), tuning, onCall: (c) => calls.push(c) });
  cleanups.push(() => server.close(), () => http.close());
  return { server, http, calls };
}

async function failure(promise: Promise<unknown>): Promise<JunctionError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(JunctionError);
  return error as JunctionError;
}

describe('createUpstreamHttp', () => {
  it('should retry a GET on 503, then on 429 after its Retry-After, and return the 200', async () => {
    const { server, http, calls } = await setup((_req, res, _hit, i) => {
      if (i === 0) reply(res, 503, '<html>busy</html>');
      else if (i === 1) reply(res, 429, { detail: 'Request was throttled.' }, { 'retry-after': '1' });
      else reply(res, 200, [{ uuid: 'a' }], { 'X-Result-Count': '1' });
    });
    const res = await http.request<Array<{ uuid: string }>>({ method: 'GET', path: 'projects/' });
    expect(res.body).toEqual([{ uuid: 'a' }]);
    expect(res.headers['x-result-count']).toBe('1');
    expect(server.hits).toHaveLength(3);
    expect(server.hits[2].at - server.hits[1].at).toBeGreaterThanOrEqual(950);
    expect(calls).toEqual([expect.objectContaining({ method: 'GET', route: '/api/projects/', status: 200, retries: 2 })]);
  });

  it('should never retry a POST, and map the 503 to UPSTREAM_UNAVAILABLE', async () => {
    const { server, http } = await setup((_req, res) => reply(res, 503, '<html>down</html>'));
    const error = await failure(http.request({ method: 'POST', path: 'marketplace-orders/', json: { a: 1 } }));
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503, service: 'waldur' });
    expect(server.hits).toHaveLength(1);
    expect(server.hits[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.hits[0].body)).toEqual({ a: 1 });
  });

  it('should surface a Retry-After above the cap as RATE_LIMITED without retrying', async () => {
    const { server, http } = await setup((_req, res) => reply(res, 429, { detail: 'slow down' }, { 'retry-after': '30' }));
    const error = await failure(http.request({ method: 'GET', path: 'customers/' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30, retryable: true });
    expect(server.hits).toHaveLength(1);
  });

  it('should keep retries within the budget (max(10, 20% of requests))', async () => {
    const { server, http } = await setup((_req, res) => reply(res, 503, 'down'), { retries: 5 });
    for (let i = 0; i < 30; i++) await failure(http.request({ method: 'GET', path: 'customers/' }));
    expect(server.hits).toHaveLength(30 + 10);
  });

  it('should retry connection failures of idempotent requests, then answer UPSTREAM_UNAVAILABLE', async () => {
    const { server, http, calls } = await setup((req) => void req.socket.destroy(), { retries: 2 });
    const error = await failure(http.request({ method: 'GET', path: 'customers/' }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toMatch(/^Waldur could not be reached \(connection (closed|reset)\)/);
    expect(server.hits).toHaveLength(3);
    expect(calls[0]).toMatchObject({ status: 0, retries: 2, error: 'UPSTREAM_UNAVAILABLE' });
  });

  it('should time out: a GET plainly, a POST saying the outcome is unknown', async () => {
    const { server, http } = await setup(() => undefined, { timeoutMs: 150 });
    const get = await failure(http.request({ method: 'GET', path: 'customers/' }));
    expect(get).toMatchObject({ code: 'UPSTREAM_TIMEOUT', message: 'Waldur did not answer in 150 ms' });
    const post = await failure(http.request({ method: 'POST', path: 'marketplace-orders/', json: {} }));
    expect(post.code).toBe('UPSTREAM_TIMEOUT');
    expect(post.message).toBe('Waldur did not answer in 150 ms; the change may or may not have been applied');
    expect(server.hits).toHaveLength(2);
  });

  it('should open the breaker on a failure ratio over the window once it holds the minimum volume, then fail fast', async () => {
    let failing = false;
    const { server, http } = await setup((_req, res) => (failing ? reply(res, 500, '<html>boom</html>') : reply(res, 200, { ok: true })),
      { retries: 0, breakerFailurePercent: 50, breakerWindowMs: 10_000, breakerMinCalls: 10, breakerResetMs: 60_000 });
    for (let i = 0; i < 6; i++) await http.request({ method: 'GET', path: 'x/' });
    failing = true;
    // A burst of 6 failures among 12 calls is exactly 50 %: not more than the threshold, so still closed.
    for (let i = 0; i < 6; i++) expect((await failure(http.request({ method: 'GET', path: 'x/' }))).code).toBe('UPSTREAM_ERROR');
    expect(http.breakerState).toBe('closed');
    expect((await failure(http.request({ method: 'GET', path: 'x/' }))).code).toBe('UPSTREAM_ERROR');
    expect(http.breakerState).toBe('open');
    const fast = await failure(http.request({ method: 'GET', path: 'x/' }));
    expect(fast).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, service: 'waldur' });
    expect(fast.message).toMatch(/circuit breaker open/);
    expect(server.hits).toHaveLength(13);
  });

  it('should not open the breaker on a burst below the minimum volume', async () => {
    const { server, http } = await setup((_req, res) => reply(res, 500, '<html>boom</html>'),
      { retries: 0, breakerFailurePercent: 50, breakerMinCalls: 20 });
    for (let i = 0; i < 19; i++) expect((await failure(http.request({ method: 'GET', path: 'x/' }))).code).toBe('UPSTREAM_ERROR');
    expect(http.breakerState).toBe('closed');
    expect(server.hits).toHaveLength(19);
  });

  it('should let calls that arrive during the half-open trial wait for it, not fail them', async () => {
    let healthy = false;
    const { server, http } = await setup((_req, res) => {
      if (healthy) setTimeout(() => reply(res, 200, { ok: true }), 50);
      else reply(res, 500, '<html>boom</html>');
    }, { retries: 0, breakerFailurePercent: 50, breakerMinCalls: 3, breakerResetMs: 200 });
    for (let i = 0; i < 3; i++) await failure(http.request({ method: 'GET', path: 'x/' }));
    expect(http.breakerState).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 250));
    healthy = true;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => http.request({ method: 'GET', path: 'x/' })));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('fulfilled'));
    expect(http.breakerState).toBe('closed');
    expect(server.hits).toHaveLength(8);
  });

  it('should not count 4xx answers against the breaker', async () => {
    const { server, http } = await setup((_req, res) => reply(res, 404, { detail: 'Not found.' }), { breakerFailurePercent: 10, breakerMinCalls: 2 });
    for (let i = 0; i < 4; i++) expect((await failure(http.request({ method: 'GET', path: 'x/' }))).code).toBe('NOT_FOUND');
    expect(server.hits).toHaveLength(4);
  });

  it('should reject a 2xx body that is not JSON as UPSTREAM_ERROR', async () => {
    const { http } = await setup((_req, res) => reply(res, 200, '<html>login page</html>'));
    const error = await failure(http.request({ method: 'GET', path: 'customers/' }));
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', message: 'Waldur answered with a malformed body' });
  });

  it('should give undefined bodies for HEAD and 204, with lower-case header names', async () => {
    const { http, calls } = await setup((req, res) => (req.method === 'HEAD'
      ? reply(res, 200, undefined, { 'X-Result-Count': '7' }) : reply(res, 204)));
    const head = await http.request({ method: 'HEAD', path: 'projects/', query: [['customer', 'a,b']] });
    expect(head).toMatchObject({ status: 200, body: undefined, headers: { 'x-result-count': '7' } });
    expect((await http.request({ method: 'DELETE', path: '/projects/0123456789abcdef0123456789abcdef/' })).body).toBeUndefined();
    expect(calls[1].route).toBe('/api/projects/{id}/');
  });

  it('should cancel the upstream request when the caller aborts', async () => {
    let socketClosed!: () => void;
    const closed = new Promise<void>((resolve) => (socketClosed = resolve));
    const { http, calls } = await setup((req) => void req.socket.on('close', () => socketClosed()));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await http.request({ method: 'GET', path: 'customers/', signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    await closed;
    expect(calls[0]).toMatchObject({ error: 'ABORTED', retries: 0 });
  });

  it('should refuse absolute URLs on another origin', async () => {
    const { http } = await setup((_req, res) => reply(res, 200, {}));
    expect((await failure(http.request({ method: 'GET', path: 'http://evil.example/api/' }))).code).toBe('INTERNAL');
  });
});


