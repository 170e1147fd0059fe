import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { printSubgraphSchema } from '@apollo/subgraph';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Config } from './config.ts';
import { createContextFactory, type Context, type ContextInput } from './context.ts';
import { toGraphQLError } from './errors.ts';
import { useResponseCompression } from './http/compression.ts';
import { useShapeLimits } from './http/armor.ts';
import { useBodyLimit } from './http/body-limit.ts';
import { useCostLimit } from './http/cost-limit.ts';
import { useCompiledExecution } from './http/jit.ts';
import { useIntrospectionPolicy } from './http/introspection-policy.ts';
import { useErrorCodes } from './http/error-codes.ts';
import { graphiqlOptions, renderOfflineGraphiQL } from './http/graphiql-page.ts';
import { graphiqlDocuments } from './http/graphiql.ts';
import { loadManifest, manifestOf, useTrustedDocuments } from './http/trusted-documents.ts';
import { httpProbe, serveHealth } from './http/health.ts';
import { createMetrics } from './http/metrics.ts';
import { createOperationObserver } from './http/operation-observer.ts';
import { usePrometheusPhases } from './http/prometheus.ts';
import { createBoard, type DemoPrincipal } from './http/board.ts';
import { registerLiveQueryMetrics, useLiveQueries } from './http/live-queries.ts';
import { attachWebSocket } from './http/websocket.ts';
import { createLogger, type Logger } from './logger.ts';
import { createTracing } from './tracing.ts';
import { tracedSchema, useOperationSpans } from './http/tracing.ts';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { schema, subgraphSchema } from './schema/index.ts';
import { createUpstreams } from './upstream/index.ts';
import { logLinkMode } from './auth/link-mode.ts';
import { PollerRegistry } from './subscriptions/registry.ts';
import { createRedisCoordinator } from './subscriptions/redis-coordinator.ts';
import { LiveQueries } from './subscriptions/live/live-queries.ts';

export interface GatewayOptions {
  /** Shown in GraphiQL's headers pane (embedded mode prints the demo tokens). */
  graphiqlAuthorization?: string;
  /** Offered as one-click sign-ins on the board at `/` (embedded mode). */
  demoPrincipals?: readonly DemoPrincipal[];
  logger?: Logger;
  /** Tests: export spans here (turns tracing on without an OTLP endpoint). */
  spanExporter?: SpanExporter;
}

export interface Gateway {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  server: Server;
  /** Listens on config.port/host; resolves with the GraphQL endpoint URL. */
  start(): Promise<string>;
  /** Stops accepting, completes subscriptions, drains in-flight requests, closes upstream pools. */
  stop(): Promise<void>;
}

/** Builds the gateway without side effects; nothing listens until start(). */
export function createGateway(config: Readonly<Config>, options: GatewayOptions = {}): Gateway {
  if (!config.waldurUrl || !config.orchestrationUrl) throw new Error('createGateway needs WALDUR_URL and ORCHESTRATION_URL (main.ts starts the simulators when they are unset)');
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const observer = createOperationObserver({ logger, metrics });
  const tracing = createTracing({ ...config.telemetry, exporter: options.spanExporter });
  const upstreams = createUpstreams(config, (call) => {
    metrics.recordUpstream(call);
    observer.upstreamCall(call);
  }, tracing);
  const coordinator = config.redisUrl ? createRedisCoordinator(config.redisUrl) : undefined;
  const pollers = new PollerRegistry({ intervalMs: config.pollIntervalMs, maxIntervalMs: config.pollIntervalMs * 4 }, coordinator, config.limits.maxWatchedPerCaller);
  metrics.observe({ pollers: () => pollers.stats(), breakers: () => [{ service: 'waldur', state: upstreams.breakers.waldur }, { service: 'orchestration', state: upstreams.breakers.orchestration }], redisConnected: coordinator && (() => coordinator.connected) });
  const served = config.federation ? subgraphSchema() : schema;
  const trusted = config.trustedDocuments.manifest ? loadManifest(config.trustedDocuments.manifest) : undefined;
  const contextFor = createContextFactory(config, upstreams, pollers, logger, metrics.recordBatch);
  const live = new LiveQueries(pollers, config.pollIntervalMs);
  registerLiveQueryMetrics(metrics.registry, live);
  let draining = false;

  const yoga: YogaServerInstance<Record<string, unknown>, Context> = createYoga<Record<string, unknown>, Context>({
    schema: tracing ? tracedSchema(served, tracing) : served,
    graphqlEndpoint: '/graphql',
    // Enforced by http/body-limit.ts (the last plugin, so it wraps whichever request parser Yoga picks).
    maxRequestBodySize: false,
    landingPage: false,
    // Closed by default: Yoga would otherwise reflect any Origin and allow credentials.
    cors: config.corsOrigins.length ? { origin: [...config.corsOrigins], credentials: true } : false,
    // Trusted documents may be named by `documentId` (the GraphQL-over-HTTP draft) instead of the APQ extension.
    extraParamNames: trusted ? ['documentId'] : [],
    logging: false,
    context: (initial) => {
      const request = (initial as { request?: Request }).request;
      if (request) return contextFor({ headers: request.headers, signal: request.signal, requestId: observer.requestIdOf(request) });
      // A WebSocket operation: http/websocket.ts has read its headers (operation, connectionParams, upgrade request).
      const ws = initial as {
        headers?: ContextInput['headers'];
        socket?: { once(event: 'close', listener: () => void): unknown };
      };
      return contextFor({
        headers: ws.headers ?? { get: () => undefined },
        signal: ws.socket ? socketSignal(ws.socket) : new AbortController().signal,
      });
    },
    graphiql: config.production ? false : graphiqlOptions((url, init) => Promise.resolve(yoga.fetch(url, init)), options.graphiqlAuthorization),
    renderGraphiQL: renderOfflineGraphiQL,
    maskedErrors: {
      // The operation observer logs these errors, with the request id (it sees them before they are masked).
      maskError: (error) => toGraphQLError(error, !config.production),
    },
    plugins: [
      observer.requests,
      usePrometheusPhases(metrics.registry),
      useCSRFPrevention(),
      ...(trusted ? useTrustedDocuments(trusted, config.trustedDocuments.persistedOnly) : []),
      useIntrospectionPolicy(config.introspection),
      useShapeLimits(config.limits, config.production),
      useCostLimit({ maxCost: config.limits.maxCost }),
      ...(config.compiledExecution ? [useCompiledExecution()] : []),
      useLiveQueries({ live, contextFor }),
      useErrorCodes({ production: config.production }),
      observer.operations,
      ...(tracing ? [useOperationSpans(tracing)] : []),
      ...(config.compressResponses ? [useResponseCompression()] : []),
      useBodyLimit(config.limits.bodyLimitBytes),
    ],
  });

  const board = createBoard({ demo: options.demoPrincipals });
  const probes = [
    httpProbe('waldur', config.waldurUrl, () => upstreams.breakers.waldur),
    httpProbe('orchestration', config.orchestrationUrl, () => upstreams.breakers.orchestration),
  ];
  const server = createServer((req, res) => {
    const path = req.url?.split('?')[0];
    if (path === '/healthz' || path === '/readyz') return void serveHealth(req, res, path === '/readyz' ? probes : [], () => draining);
    if (path === '/metrics') {
      return void metrics.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      }, (error: unknown) => {
        logger.error({ err: error }, 'metrics collection failed');
        res.writeHead(500).end();
      });
    }
    if (path === '/' || path === '/board.js' || path === '/board.css' || path === '/board/demo.json') {
      return void board(req, res, path).then((served) => {
        if (!served) res.writeHead(405, { allow: 'GET, HEAD' }).end();
      }, (error: unknown) => {
        logger.error({ err: error }, 'board failed');
        res.writeHead(500).end();
      });
    }
    return yoga.requestListener(req, res);
  });
  server.requestTimeout = 120_000;
  const websocket = attachWebSocket(server, yoga as never, { maxPayloadBytes: config.limits.bodyLimitBytes, exposeInternals: !config.production });

  return {
    yoga,
    server,
    start: () => new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        const { port } = server.address() as AddressInfo;
        const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/graphql`;
        logLinkMode(config.links, logger);
        logger.info({ url }, 'Junction is listening');
        resolve(url);
      });
    }),
    async stop() {
      draining = true;
      live.stopAll();
      pollers.stopAll();
      await websocket.close();
      await drain(server, 10_000);
      await Promise.all([upstreams.close(), coordinator?.close(), tracing?.shutdown()]);
    },
  };
}

/** The GraphiQL examples as a trusted-documents manifest (JSON), as `junction print-manifest` prints it. */
export function printManifest(): string {
  return `${JSON.stringify(manifestOf(graphiqlDocuments()), null, 2)}\n`;
}

/** The SDL as committed in schema.graphql. */
export function printSchemaSDL(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The subgraph SDL (FEDERATION=true), with its federation directives, for composition tools. */
export function printSubgraphSDL(): string {
  return `${printSubgraphSchema(lexicographicSortSchema(subgraphSchema()))}\n`;
}

/** Stops accepting, lets in-flight requests finish (closing each connection as it goes idle), then forces the rest. */
async function drain(server: Server, timeoutMs: number) {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 20);
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
  await closed;
  clearInterval(sweep);
  clearTimeout(force);
}

const socketSignals = new WeakMap<object, AbortSignal>();

/** One signal per WebSocket, aborted when it closes: work started for its operations is then cancelled. */
function socketSignal(socket: { once(event: 'close', listener: () => void): unknown }): AbortSignal {
  let signal = socketSignals.get(socket);
  if (!signal) {
    const closed = new AbortController();
    socket.once('close', () => closed.abort());
    socketSignals.set(socket, (signal = closed.signal));
  }
  return signal;
}
