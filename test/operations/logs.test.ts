import { request } from 'undici';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { startStack, type Stack } from '../helpers/stack.ts';

const lines: string[] = [];
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, any>);
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POLL_INTERVAL_MS: '100' }, logger: createLogger('debug', { write: (line: string) => void lines.push(line) }) });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});
beforeEach(async () => {
  await stack.resetLogs();
  lines.length = 0;
});

async function post(body: unknown, headers: Record<string, string>) {
  const response = await request(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, headers: response.headers, body: (await response.body.json()) as any };
}

describe('logs and the request id', () => {
  it('should carry the client X-Request-Id to every upstream call, every log line and the response', async () => {
    const token = stack.principal('manager').waldurToken;
    const response = await post({ query: 'query Projects { projects(first: 3) { nodes { name customer { name } } } }', operationName: 'Projects' },
      { authorization: `Token ${token}`, 'x-request-id': 'trace-me-42' });
    expect(response.body.errors).toBeUndefined();
    expect(response.headers['x-request-id']).toBe('trace-me-42');

    const upstream = await stack.requests('waldur');
    expect(upstream.length).toBeGreaterThan(0);
    for (const call of upstream) expect(call.headers['x-request-id']).toBe('trace-me-42');

    const entries = logged();
    const operations = entries.filter((e) => e.msg === 'operation');
    expect(operations).toEqual([expect.objectContaining({
      level: 30, requestId: 'trace-me-42', operationName: 'Projects', operationType: 'query', outcome: 'ok', status: 200,
      upstreamCalls: upstream.length, durationMs: expect.any(Number),
    })]);
    const calls = entries.filter((e) => e.msg === 'upstream call');
    expect(calls).toHaveLength(upstream.length);
    for (const call of calls) expect(call).toMatchObject({ level: 20, requestId: 'trace-me-42', service: 'waldur', method: 'GET', route: expect.stringMatching(/^\/api\//), status: 200 });
    for (const entry of entries) expect(entry.requestId).toBe('trace-me-42');
    // The caller's token appears nowhere in what was logged.
    expect(lines.join('')).not.toContain(token);
  });

  it('should make a request id when the client sends none (or an implausible one) and log a rejected operation', async () => {
    const token = stack.principal('staff').waldurToken;
    const response = await post({ query: '{ viewer { nosuchfield } }' }, { authorization: `Token ${token}`, 'x-request-id': 'bad id with spaces' });
    const id = response.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(logged()).toEqual([expect.objectContaining({ msg: 'operation', requestId: id, outcome: 'rejected', codes: ['BAD_USER_INPUT'], upstreamCalls: 0 })]);
    expect(await stack.requests('waldur')).toEqual([]);
    expect(lines.join('')).not.toContain(token);
  });

  it('should log an upstream failure as a warning with the request id, never the credentials', async () => {
    const orchestrationToken = stack.principal('owner').orchestrationToken;
    const waldurToken = stack.principal('owner').waldurToken;
    await stack.control('waldur', 'POST', 'faults', { path: '^/api/customers/$', status: 500 });
    try {
      const response = await post({ query: '{ customers(first: 2) { nodes { name } } }' },
        { authorization: `Token ${waldurToken}`, 'x-orchestration-authorization': `Bearer ${orchestrationToken}`, 'x-request-id': 'failing-1' });
      expect(response.body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    } finally {
      await stack.control('waldur', 'DELETE', 'faults');
    }
    const entries = logged();
    expect(entries.find((e) => e.level === 40)).toMatchObject({ requestId: 'failing-1', code: 'UPSTREAM_ERROR', service: 'waldur', upstreamStatus: 500 });
    expect(entries.find((e) => e.msg === 'operation')).toMatchObject({ requestId: 'failing-1', outcome: 'error', codes: ['UPSTREAM_ERROR'] });
    expect(entries.filter((e) => e.msg === 'upstream call').every((e) => e.requestId === 'failing-1')).toBe(true);
    expect(lines.join('')).not.toContain(waldurToken);
    expect(lines.join('')).not.toContain(orchestrationToken);
  });

  it('should log a graphql-ws subscription once, when it ends, with the id from connectionParams', async () => {
    const orders = await stack.query('{ orders(first: 1, filter: { state: [PENDING_PROVIDER] }) { nodes { uuid } } }');
    const uuid = orders.data.orders.nodes[0].uuid as string;
    lines.length = 0;
    const token = stack.principal('staff').waldurToken;
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Token ${token}`, 'x-request-id': 'ws-7' }, retryAttempts: 0 });
    try {
      const states: string[] = [];
      const done = new Promise<void>((resolve, reject) => client.subscribe({ query: 'subscription Watch($uuid: String!) { orderUpdated(uuid: $uuid) { state } }', variables: { uuid } },
        { next: (v: any) => states.push(v.data.orderUpdated.state), error: reject, complete: resolve }));
      for (const deadline = Date.now() + 5000; states.length === 0 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 10));
      await stack.control('waldur', 'POST', 'advance', { order: uuid, to: 'done' });
      await done;
      expect(states.at(-1)).toBe('DONE');
    } finally {
      await client.dispose();
    }
    const operation = logged().filter((e) => e.msg === 'operation');
    expect(operation).toEqual([expect.objectContaining({ requestId: 'ws-7', operationName: 'Watch', operationType: 'subscription', outcome: 'ok', transport: 'ws' })]);
    expect(lines.join('')).not.toContain(token);
  });
});
