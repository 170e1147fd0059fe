import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics for one gateway instance (its own registry, so tests can run several gateways). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const upstreamCalls = new Counter({
    name: 'junction_upstream_requests_total',
    help: 'Upstream HTTP requests, by service, method, route and status.',
    labelNames: ['service', 'method', 'route', 'status'] as const,
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'junction_upstream_request_duration_seconds',
    help: 'Upstream HTTP request latency.',
    labelNames: ['service', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const upstreamBytes = new Counter({
    name: 'junction_upstream_response_bytes_total',
    help: 'Bytes received from upstream services.',
    labelNames: ['service'] as const,
    registers: [registry],
  });
  const operations = new Counter({
    name: 'junction_graphql_operations_total',
    help: 'GraphQL operations executed, by type and whether they had errors.',
    labelNames: ['type', 'errors'] as const,
    registers: [registry],
  });
  return {
    registry,
    operations,
    recordUpstream(call: { service: string; method: string; route: string; status: number; durationMs: number; bytes: number }) {
      upstreamCalls.inc({ service: call.service, method: call.method, route: call.route, status: String(call.status) });
      upstreamDuration.observe({ service: call.service, method: call.method }, call.durationMs / 1000);
      upstreamBytes.inc({ service: call.service }, call.bytes);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Counts executed operations by type and outcome (subscriptions count once, when they start). */
export function useOperationMetrics(metrics: Metrics): Plugin {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result }) => {
        const operation = getOperationAST(args.document, args.operationName);
        metrics.operations.inc({ type: operation?.operation ?? 'unknown', errors: result.errors?.length ? 'yes' : 'no' });
      }),
    }),
    onSubscribe: ({ args }) => {
      const operation = getOperationAST(args.document, args.operationName);
      metrics.operations.inc({ type: operation?.operation ?? 'subscription', errors: 'no' });
    },
  };
}
