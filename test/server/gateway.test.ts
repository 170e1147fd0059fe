import { Readable } from 'node:stream';
import { Agent, request } from 'undici';
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
    expect(metrics).toMatch(/junction_graphql_operations_total\{type="query",name="anonymous",outcome="ok"\} [1-9]/);
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
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', maxCost: 50000 } });
    expect(result.errors?.[0].message).toMatch(/^Operation too expensive: estimated cost \d+ exceeds the limit of 50000/);
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

  it('should refuse a chunked body (no Content-Length) once it passes the limit, and accept a small chunked one', async () => {
    // Its own connections: a server may close one after answering before the upload ended.
    const agent = new Agent();
    const chunked = (text: string) => request(stack.url, {
      method: 'POST', dispatcher: agent,
      headers: { 'content-type': 'application/json' },
      // A stream of unknown length: undici sends it with Transfer-Encoding: chunked.
      body: Readable.from((function* () { for (let at = 0; at < text.length; at += 16_384) yield Buffer.from(text.slice(at, at + 16_384)); })()),
    });
    const large = await chunked(JSON.stringify({ query: `{ __typename } #${'x'.repeat(200_000)}` }));
    expect(large.statusCode).toBe(413);
    expect(await large.body.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    const small = await chunked(JSON.stringify({ query: '{ __typename }' }));
    expect(await small.body.json()).toEqual({ data: { __typename: 'Query' } });
    await agent.destroy();
  });

  it('should answer a malformed operation over graphql-ws with an error and keep the socket open', async () => {
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Token ${stack.principal('member').waldurToken}` } });
    try {
      const run = (query: string) => new Promise((resolve) => {
        client.subscribe({ query }, { next: () => {}, error: (errors) => resolve({ errors }), complete: () => resolve('complete') });
      });
      const bad = (await run('{ viewer { ')) as { errors: Array<{ message: string; extensions?: { code: string } }> };
      expect(bad.errors[0].message).toMatch(/Syntax Error/);
      const good = await new Promise((resolve, reject) => {
        let value: unknown;
        client.subscribe({ query: '{ viewer { username } }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
      });
      expect(good).toEqual({ data: { viewer: { username: 'mia.member' } } });
    } finally {
      await client.dispose();
    }
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

describe('the cost limit', () => {
  it('should price a subscription like a query', async () => {
    const result = await stack.query(`subscription { orderUpdated(uuid: "00000000000000000000000000000000") { project { resources(first: 300) { nodes { orders(first: 300) { nodes { uuid } } } } } } }`);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', maxCost: 50000 } });
  });

  it('should price nested fragment spreads in linear time', async () => {
    const spreads = (name: string) => Array.from({ length: 40 }, () => `...${name}`).join(' ');
    const fragments = ['A', 'B', 'C', 'D'].map((name, i, all) => `fragment ${name} on Customer { uuid ${i + 1 < all.length ? spreads(all[i + 1]) : 'name'} }`).join('\n');
    const started = performance.now();
    const result = await stack.query(`{ customers(first: 1) { nodes { ...A } } }\n${fragments}`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
