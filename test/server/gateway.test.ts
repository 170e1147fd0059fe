import { request } from 'undici';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const origin = () => new URL(stack.url).origin;

describe('the gateway over HTTP', () => {
  it('should answer /healthz and report both upstreams on /readyz', async () => {
    const health = await request(`${origin()}/healthz`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    const ready = await request(`${origin()}/readyz`);
    expect(ready.statusCode).toBe(200);
    expect(await ready.body.json()).toEqual({ status: 'ready', checks: { waldur: { status: 'ok' }, orchestration: { status: 'ok' } } });
  });

  it('should report not ready while an upstream fails', async () => {
    await stack.control('waldur', 'POST', 'faults', { path: '^/api/$', status: 503 });
    try {
      const ready = await request(`${origin()}/readyz`);
      expect(ready.statusCode).toBe(503);
      expect(await ready.body.json()).toMatchObject({ status: 'unavailable', checks: { waldur: { status: 'unavailable', reason: 'HTTP 503' } } });
    } finally {
      await stack.control('waldur', 'DELETE', 'faults');
    }
  });

  it('should serve GraphiQL with the example operations to a browser', async () => {
    const page = await request(stack.url, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    const html = await page.body.text();
    expect(html).toContain('Junction');
    expect(html).toContain('query Viewer');
  });

  it('should answer a query and count its upstream calls in /metrics', async () => {
    const result = await stack.query('{ viewer { username } }', {}, 'staff');
    expect(result).toEqual({ data: { viewer: { username: 'sam.staff' } } });
    const metrics = await (await request(`${origin()}/metrics`)).body.text();
    expect(metrics).toMatch(/junction_upstream_requests_total\{service="waldur",method="GET",route="[^"]*users\/me[^"]*",status="200"\} \d+/);
    expect(metrics).toMatch(/junction_graphql_operations_total\{type="query",errors="no"\} [1-9]/);
  });

  it('should refuse a simple GET without a CSRF header', async () => {
    const response = await request(`${stack.url}?query=${encodeURIComponent('{ __typename }')}`);
    const body = (await response.body.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(response.statusCode).toBe(403);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('should code validation errors as BAD_USER_INPUT without calling upstream', async () => {
    await stack.resetLogs();
    const result = await stack.query('{ viewer { nosuchfield } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stack.requests('waldur')).toEqual([]);
  });

  it('should price page sizes into the cost limit and reject before any upstream call', async () => {
    await stack.resetLogs();
    const result = await stack.query(`{ customers(first: 300) { nodes { projects(first: 300) { nodes { resources(first: 300) { nodes { uuid } } } } } } }`);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', maxCost: 20000 } });
    expect(result.errors?.[0].message).toMatch(/^Operation too expensive: estimated cost \d+ exceeds the limit of 20000/);
    expect(await stack.requests('waldur')).toEqual([]);
  });

  it('should reject a query nested deeper than MAX_DEPTH', async () => {
    const deep = `{ customers { nodes { projects { nodes { customer { projects { nodes { customer { projects { nodes { customer { projects { nodes { uuid } } } } } } } } } } } } } }`;
    const result = await stack.query(deep);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/depth/i);
  });

  it('should refuse a body above the limit with 413', async () => {
    const response = await request(stack.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(200_000)}` }),
    });
    expect(response.statusCode).toBe(413);
    expect(await response.body.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('should run operations over graphql-ws with the credentials from connectionParams', async () => {
    const client = createClient({
      url: stack.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Token ${stack.principal('member').waldurToken}` },
    });
    try {
      const result = await new Promise((resolve, reject) => {
        let value: unknown;
        client.subscribe({ query: '{ viewer { username } }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
      });
      expect(result).toEqual({ data: { viewer: { username: 'mia.member' } } });
    } finally {
      await client.dispose();
    }
  });
});
