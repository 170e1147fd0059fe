/**
 * OpenTelemetry tracing, off unless an OTLP endpoint (or, in tests, an exporter) is configured: then every
 * operation gets a span, every resolver that ends up calling an upstream gets one under it, and every upstream
 * call gets a client span under that, with W3C `traceparent` sent upstream.
 */
import { context, createContextKey, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context as OtelContext, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

/** A resolver that has not called upstream yet: its span is made only if it does (most resolvers never do). */
interface PendingResolver {
  parent: OtelContext;
  field: string;
  startTime: number;
  span?: Span;
  /** What the resolver returned, when that is a promise: its span ends when it settles. */
  settled?: Promise<unknown>;
  returned?: boolean;
}

const PENDING_RESOLVER = createContextKey('junction.pending-resolver');
const w3c = new W3CTraceContextPropagator();
const headerGetter = { keys: (h: Headers) => [...h.keys()], get: (h: Headers, key: string) => h.get(key) ?? undefined };

export interface Tracing {
  tracer: Tracer;
  /** The trace context a client sent (`traceparent`), or the root context. */
  incoming(headers: Headers): OtelContext;
  /** Runs a resolver so that its span is started only if it calls upstream; returns what the resolver returns. */
  resolve<T>(field: string, run: () => T): T;
  /** Starts the client span of one upstream call; the headers carry `traceparent`. */
  upstream(service: string, method: string, route: string): { headers: Record<string, string>; end(status: number, error?: string): void };
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  otlpEndpoint: string | undefined;
  serviceName: string;
  /** Tests pass an in-memory exporter (spans are then exported at once). */
  exporter?: SpanExporter;
}

/** The tracing of one gateway, or undefined (tracing off: nothing on the request path changes). */
export function createTracing({ otlpEndpoint, serviceName, exporter }: TracingOptions): Tracing | undefined {
  if (!otlpEndpoint && !exporter) return undefined;
  // One context manager per process; a second gateway in the same process finds it already set.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL('v1/traces', otlpEndpoint).href }))],
  });
  const tracer = provider.getTracer('junction');

  return {
    tracer,
    incoming: (headers) => w3c.extract(ROOT_CONTEXT, headers, headerGetter),
    resolve<R>(field: string, run: () => R): R {
      const parent = context.active();
      if (!trace.getSpan(parent)) return run();
      const pending: PendingResolver = { parent, field, startTime: Date.now() };
      let result: R;
      try {
        result = context.with(parent.setValue(PENDING_RESOLVER, pending), run);
      } catch (error) {
        finish(pending, error);
        throw error;
      }
      // The resolver's own promise goes back unwrapped: only one whose span exists (it called upstream) is watched.
      pending.returned = true;
      if (result instanceof Promise) pending.settled = result;
      if (pending.span) endWhenSettled(pending);
      return result;
    },
    upstream(service, method, route) {
      const active = context.active();
      const pending = active.getValue(PENDING_RESOLVER) as PendingResolver | undefined;
      let parent = active;
      if (pending) {
        if (!pending.span) {
          pending.span = tracer.startSpan(`resolve ${pending.field}`, { startTime: pending.startTime, attributes: { 'graphql.field.path': pending.field } }, pending.parent);
          // Made after the resolver returned (a loader batch it queued): end with its promise, or now for a plain value.
          if (pending.returned) endWhenSettled(pending);
        }
        parent = trace.setSpan(pending.parent, pending.span);
      }
      const span = tracer.startSpan(`${method} ${route}`, {
        kind: SpanKind.CLIENT,
        attributes: { 'http.request.method': method, 'url.template': route, 'peer.service': service },
      }, parent);
      const headers: Record<string, string> = {};
      // W3C directly: the process-wide propagator may be unset (nothing here registers globals but the context manager).
      w3c.inject(trace.setSpan(parent, span), headers, { set: (carrier, key, value) => void (carrier[key] = value) });
      return {
        headers,
        end(status, error) {
          span.setAttribute('http.response.status_code', status);
          if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
          span.end();
        },
      };
    },
    shutdown: () => provider.shutdown(),
  };
}

/** Ends the resolver's span when its promise settles (at once when it returned a plain value). */
function endWhenSettled(pending: PendingResolver) {
  if (!pending.settled) return finish(pending);
  pending.settled.then(() => finish(pending), (error: unknown) => finish(pending, error));
}

function finish(pending: PendingResolver, error?: unknown) {
  if (!pending.span) return;
  if (error) pending.span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  pending.span.end();
}
