import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BREAKER_STATES = { closed: 0, 'half-open': 1, open: 2 } as const;

/** Live state the gauges read when Prometheus scrapes (nothing is sampled on the request path). */
export interface MetricSources {
  pollers(): { pollers: number; subscribers: number; polling: number };
  breakers(): ReadonlyArray<{ service: string; state: keyof typeof BREAKER_STATES }>;
  /** Only in cluster mode (REDIS_URL); without it the gauge does not exist. */
  redisConnected?: () => boolean;
}

/** One finished GraphQL operation, as the operation observer saw it. */
export interface OperationOutcome {
  type: string;
  /** Already bounded (see boundedName). */
  name: string;
  outcome: 'ok' | 'error' | 'rejected';
  durationMs: number;
  codes: readonly string[];
}

/** Prometheus metrics for one gateway instance (its own registry, so tests can run several gateways). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const upstreamCalls = new Counter({
    name: 'junction_upstream_requests_total',
    help: 'Upstream HTTP requests (all attempts of one call count once), by service, method, route template and status (0: no answer).',
    labelNames: ['service', 'method', 'route', 'status'] as const,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: 'junction_upstream_request_duration_seconds',
    help: 'Upstream HTTP request latency, retries included, by service, method and route template.',
    labelNames: ['service', 'method', 'route'] as const,
    buckets: SECONDS,
    registers,
  });
  const upstreamBytes = new Counter({
    name: 'junction_upstream_response_bytes_total',
    help: 'Bytes received from upstream services, by service and route template.',
    labelNames: ['service', 'route'] as const,
    registers,
  });
  const upstreamRetries = new Counter({ name: 'junction_upstream_retries_total', help: 'Upstream retries, by service.', labelNames: ['service'] as const, registers });
  const operations = new Counter({
    name: 'junction_graphql_operations_total',
    help: 'GraphQL operations by type, name and outcome (ok, error: a result with errors, rejected: refused before execution — limits, validation, CSRF, body size, unknown persisted document).',
    labelNames: ['type', 'name', 'outcome'] as const,
    registers,
  });
  const operationDuration = new Histogram({
    name: 'junction_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency from request to result (subscriptions: their whole life), by type, name and outcome.',
    labelNames: ['type', 'name', 'outcome'] as const,
    buckets: SECONDS,
    registers,
  });
  const errors = new Counter({ name: 'junction_graphql_errors_total', help: 'GraphQL errors sent to clients, by extensions.code.', labelNames: ['code'] as const, registers });
  const batchSizes = new Histogram({
    name: 'junction_dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 25, 50, 100, 300],
    registers,
  });
  let sources: MetricSources | undefined;
  new Gauge({
    name: 'junction_subscription_pollers', help: 'Live shared pollers (one per watched object and access scope), by role: polling here or relaying another replica.',
    labelNames: ['role'] as const, registers,
    collect() {
      const live = sources?.pollers();
      if (!live) return;
      this.set({ role: 'polling' }, live.polling);
      this.set({ role: 'relaying' }, live.pollers - live.polling);
    },
  });
  new Gauge({
    name: 'junction_subscriptions_active', help: 'Live subscribers attached to shared pollers.', registers,
    collect() {
      const live = sources?.pollers();
      if (live) this.set(live.subscribers);
    },
  });
  new Gauge({
    name: 'junction_upstream_breaker_state', help: 'Circuit breaker per upstream: 0 closed, 1 half-open, 2 open.', labelNames: ['service'] as const, registers,
    collect() {
      for (const { service, state } of sources?.breakers() ?? []) this.set({ service }, BREAKER_STATES[state]);
    },
  });

  return {
    registry,
    observe(next: MetricSources) {
      sources = next;
      const { redisConnected } = next;
      if (!redisConnected) return;
      new Gauge({
        name: 'junction_redis_connected', help: 'Cluster mode: 1 while both Redis connections are ready, else 0.', registers,
        collect() {
          this.set(redisConnected() ? 1 : 0);
        },
      });
    },
    recordUpstream(call: { service: string; method: string; route: string; status: number; durationMs: number; bytes: number; retries: number }) {
      upstreamCalls.inc({ service: call.service, method: call.method, route: call.route, status: String(call.status) });
      upstreamDuration.observe({ service: call.service, method: call.method, route: call.route }, call.durationMs / 1000);
      upstreamBytes.inc({ service: call.service, route: call.route }, call.bytes);
      if (call.retries) upstreamRetries.inc({ service: call.service }, call.retries);
    },
    recordOperation({ type, name, outcome, durationMs, codes }: OperationOutcome) {
      operations.inc({ type, name, outcome });
      operationDuration.observe({ type, name, outcome }, durationMs / 1000);
      for (const code of codes) errors.inc({ code });
    },
    recordBatch(loader: string, size: number) {
      batchSizes.observe({ loader }, size);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
