import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN = 'b7ad6b7169203331';

describe('tracing', () => {
  it('should export operation → resolver → upstream spans under the client trace and send traceparent upstream', async () => {
    const exporter = new InMemorySpanExporter();
    await using stack = await startStack({ spanExporter: exporter });
    await stack.resetLogs();
    const response = await request(stack.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Token ${stack.principal('staff').waldurToken}`, traceparent: `00-${TRACE}-${CLIENT_SPAN}-01` },
      body: JSON.stringify({ query: 'query Dashboard { customers(first: 2) { nodes { name projects(first: 2) { nodes { name } } } } }' }),
    });
    expect(((await response.body.json()) as { errors?: unknown }).errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');
    for (const span of spans) expect(span.spanContext().traceId).toBe(TRACE);

    const operation = spans.find((s) => s.name === 'query Dashboard')!;
    expect(operation).toBeDefined();
    expect(operation.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
    expect(operation.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'Dashboard' });

    const resolver = spans.find((s) => s.name === 'resolve Query.customers')!;
    expect(parentOf(resolver)).toBe(operation);
    const customersCall = spans.find((s) => s.name === 'GET /api/customers/')!;
    expect(parentOf(customersCall)).toBe(resolver);
    expect(customersCall.attributes).toMatchObject({ 'http.response.status_code': 200, 'peer.service': 'waldur' });
    // Every upstream span hangs under a resolver span, which hangs under the operation.
    const upstream = spans.filter((s) => s.name.startsWith('GET '));
    for (const span of upstream) expect(parentOf(parentOf(span)!)).toBe(operation);
    // Resolvers that never call upstream (names, connections' nodes) get no span.
    expect(spans.some((s) => s.name === 'resolve Customer.name')).toBe(false);

    // The W3C header each upstream call carried names its own client span.
    const sent = (await stack.requests('waldur')).map((r) => r.headers.traceparent);
    expect(sent.length).toBe(upstream.length);
    expect(new Set(sent)).toEqual(new Set(upstream.map((s) => `00-${TRACE}-${s.spanContext().spanId}-01`)));
  });

  it('should send no traceparent upstream when tracing is off', async () => {
    await using stack = await startStack();
    await stack.resetLogs();
    await stack.query('{ customers(first: 2) { nodes { name } } }');
    const sent = await stack.requests('waldur');
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) expect(call.headers.traceparent).toBeUndefined();
  });
});
