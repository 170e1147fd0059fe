import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const scrape = async () => (await (await request(`${new URL(stack.url).origin}/metrics`)).body.text());
/** The value of one sample, 0 when the series does not exist yet. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe('/metrics', () => {
  it('should count operations by name, type and outcome, rejected ones included, with their latency', async () => {
    const before = await scrape();
    const ok = 'junction_graphql_operations_total{type="query",name="Dashboard",outcome="ok"}';
    const invalid = 'junction_graphql_operations_total{type="query",name="Broken",outcome="rejected"}';
    const tooDeep = 'junction_graphql_operations_total{type="query",name="Deep",outcome="rejected"}';
    const csrf = 'junction_graphql_operations_total{type="unknown",name="anonymous",outcome="rejected"}';

    expect((await stack.query('query Dashboard { customers(first: 3) { nodes { name projects(first: 2) { nodes { name } } } } }')).errors).toBeUndefined();
    expect((await stack.query('query Broken { viewer { nosuchfield } }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const deep = `query Deep { customers { nodes { projects { nodes { customer { projects { nodes { customer { projects { nodes { customer { projects { nodes { uuid } } } } } } } } } } } } } }`;
    expect((await stack.query(deep)).errors?.[0].message).toMatch(/depth/i);
    const forbidden = await request(`${stack.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(forbidden.statusCode).toBe(403);
    await forbidden.body.dump();

    const after = await scrape();
    for (const series of [ok, invalid, tooDeep, csrf]) expect(sample(after, series) - sample(before, series), series).toBe(1);
    expect(sample(after, 'junction_graphql_operation_duration_seconds_count{type="query",name="Dashboard",outcome="ok"}')).toBeGreaterThan(0);
    expect(sample(after, 'junction_graphql_errors_total{code="BAD_USER_INPUT"}') - sample(before, 'junction_graphql_errors_total{code="BAD_USER_INPUT"}')).toBeGreaterThanOrEqual(2);
    // Yoga's own phase and HTTP metrics share the registry (it sees parsed operations only: the CSRF refusal is ours alone).
    expect(after).toMatch(/graphql_envelop_phase_validate_count\{operationType="query"\} [1-9]/);
    expect(after).toMatch(/graphql_yoga_http_duration_count\{method="POST",statusCode="400",operationType="query"\} [1-9]/);
  });

  it('should label upstream calls by route template, never by id, with latency, bytes and batch sizes', async () => {
    const orders = await stack.query('{ orders(first: 4) { nodes { uuid } } }');
    const uuid = orders.data.orders.nodes[0].uuid as string;
    await stack.query('query One($uuid: String!) { order(uuid: $uuid) { state project { name } } }', { uuid });
    await stack.query('{ customers(first: 5) { nodes { projects(first: 3) { nodes { name } } } } }');
    const text = await scrape();
    expect(text).toMatch(/junction_upstream_requests_total\{service="waldur",method="GET",route="\/api\/marketplace-orders\/\{id\}\/",status="200"\} [1-9]/);
    expect(text).toMatch(/junction_upstream_request_duration_seconds_count\{service="waldur",method="GET",route="\/api\/marketplace-orders\/\{id\}\/"\} [1-9]/);
    expect(text).toMatch(/junction_upstream_response_bytes_total\{service="waldur",route="\/api\/marketplace-orders\/"\} [1-9]/);
    expect(text).toMatch(/junction_dataloader_batch_size_count\{loader="projects by customer"\} [1-9]/);
    // Bounded cardinality: no label anywhere carries an object id.
    const ids = text.split('\n').filter((line) => !line.startsWith('#') && /[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-/i.test(line));
    expect(ids).toEqual([]);
  });

  it('should report the breakers, the pollers and their subscribers', async () => {
    const text = await scrape();
    expect(sample(text, 'junction_upstream_breaker_state{service="waldur"}')).toBe(0);
    expect(sample(text, 'junction_upstream_breaker_state{service="orchestration"}')).toBe(0);
    expect(text).toContain('junction_subscription_pollers{role="polling"} 0');
    expect(text).toContain('junction_subscriptions_active 0');
    expect(text).not.toMatch(/^junction_redis_connected /m); // no REDIS_URL: no sample
  });

  it('should bound operation names: ones that are no GraphQL name count as "other"', async () => {
    const response = await request(stack.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Token ${stack.principal('staff').waldurToken}` },
      body: JSON.stringify({ query: '{ __typename }', operationName: 'not a name' }),
    });
    await response.body.dump();
    expect(await scrape()).not.toContain('not a name');
  });
});
