import { randomUUID } from 'node:crypto';
import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import { getOperationAST, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { headersFromParams, requestIdFrom } from '../auth/principal.ts';
import { JunctionError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { UpstreamCallInfo } from '../upstream/http.ts';
import type { Metrics } from './metrics.ts';

/** What one GraphQL operation did, gathered from its request, its phases and its upstream calls. */
interface OperationRecord {
  requestId: string;
  started: number;
  transport: 'http' | 'ws';
  name?: string;
  type?: string;
  outcome?: 'ok' | 'error' | 'rejected';
  codes: string[];
  upstreamCalls: number;
  /** A subscription over SSE outlives its HTTP response: it is reported when the stream ends. */
  streaming?: boolean;
  reported?: boolean;
  cancelled?: boolean;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const UPSTREAM_CODES = new Set(['UPSTREAM_ERROR', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT']);

/**
 * One `info` line and one metrics sample per operation (HTTP, SSE or graphql-ws), rejected ones included; a
 * `debug` line per upstream call; the request id taken from `X-Request-Id` (or made), echoed in the response.
 * Operation names become metric labels, so at most `maxNames` distinct ones are kept; the rest count as `other`.
 */
export function createOperationObserver({ logger, metrics, maxNames = 200 }: { logger: Logger; metrics: Metrics; maxNames?: number }) {
  const byRequest = new WeakMap<Request, OperationRecord>();
  const live = new Map<string, OperationRecord>();
  const names = new Set<string>();

  const boundedName = (name: string | undefined) => {
    if (!name) return 'anonymous';
    if (names.has(name)) return name;
    if (!NAME.test(name) || names.size >= maxNames) return 'other';
    names.add(name);
    return name;
  };
  const open = (requestId: string, transport: OperationRecord['transport']): OperationRecord => {
    const record: OperationRecord = { requestId, started: performance.now(), transport, codes: [], upstreamCalls: 0 };
    live.set(requestId, record);
    return record;
  };
  const describe = (record: OperationRecord, document: DocumentNode | undefined, operationName: string | null | undefined) => {
    const operation = document && getOperationAST(document, operationName);
    record.type = operation?.operation ?? record.type;
    record.name = operation?.name?.value ?? operationName ?? record.name;
  };
  const noteErrors = (record: OperationRecord, errors: readonly GraphQLError[] | undefined, signal?: AbortSignal) => {
    for (const error of errors ?? []) {
      const original = error.originalError;
      const code = original instanceof JunctionError ? original.code : typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL';
      record.codes.push(code);
      // A client that went away aborts every field still waiting: that is cancellation, said once, not an error per field.
      if (code === 'INTERNAL' && signal?.aborted) {
        if (!record.cancelled) logger.debug({ requestId: record.requestId }, 'client went away; its operation was cancelled');
        record.cancelled = true;
      } else if (code === 'INTERNAL') logger.error({ requestId: record.requestId, err: original ?? error, path: error.path }, 'internal error');
      else if (UPSTREAM_CODES.has(code)) {
        const upstream = original instanceof JunctionError ? original : undefined;
        logger.warn({ requestId: record.requestId, code, service: upstream?.service, upstreamStatus: upstream?.status, path: error.path }, error.message);
      }
    }
  };
  const report = (record: OperationRecord, status?: number) => {
    if (record.reported) return;
    record.reported = true;
    if (live.get(record.requestId) === record) live.delete(record.requestId);
    const outcome = record.outcome ?? (status !== undefined && status >= 400 ? 'rejected' : 'ok');
    const durationMs = Math.round((performance.now() - record.started) * 10) / 10;
    const type = record.type ?? 'unknown';
    const name = boundedName(record.name);
    metrics.recordOperation({ type, name, outcome, durationMs, codes: record.codes });
    logger.info({
      requestId: record.requestId, operationName: record.name ?? null, operationType: type, durationMs, outcome,
      ...(record.codes.length && { codes: [...new Set(record.codes)] }), ...(status !== undefined && { status }),
      upstreamCalls: record.upstreamCalls, transport: record.transport,
    }, 'operation');
  };
  /** The record of an executing operation: its HTTP request's, or a new one for a graphql-ws operation. */
  const recordOf = (context: { request?: Request; principal?: { requestId: string } }) =>
    (context.request && byRequest.get(context.request)) ?? open(context.principal?.requestId ?? randomUUID(), 'ws');

  /** First in the plugin list: it must see a request before CSRF prevention may refuse it. */
  const requests: Plugin = {
    onRequest: ({ request }) => {
      byRequest.set(request, open(requestIdFrom(request.headers), 'http'));
    },
    onResponse: ({ request, response }) => {
      const record = byRequest.get(request);
      if (!record) return;
      response.headers.set('x-request-id', record.requestId);
      // GraphiQL's page is not an operation; a request refused before parsing (CSRF, body size) is.
      if (record.type === undefined && record.outcome === undefined && response.status < 400) {
        live.delete(record.requestId);
        return;
      }
      if (!record.streaming) report(record, response.status);
    },
  };
  /** After useErrorCodes: the errors it sees carry their final code (but are not masked yet). */
  const operations: Plugin = {
    onParams: ({ request, params }) => {
      const record = byRequest.get(request);
      if (record && typeof params.operationName === 'string') record.name = params.operationName;
    },
    onParse: ({ context }) => ({ result }) => {
      const ctx = context as { request?: Request; params?: { operationName?: string } };
      const record = ctx.request && byRequest.get(ctx.request);
      if (record && result && (result as DocumentNode).kind === 'Document') describe(record, result as DocumentNode, ctx.params?.operationName);
    },
    onValidate: ({ context, params }) => ({ result }) => {
      if (!result.length) return;
      const ctx = context as { request?: Request; connectionParams?: Record<string, unknown>; params?: { operationName?: string } };
      const record = ctx.request ? byRequest.get(ctx.request) : open(requestIdFrom(headersFromParams(ctx.connectionParams)), 'ws');
      if (!record) return;
      describe(record, params.documentAST, ctx.params?.operationName);
      record.outcome = 'rejected';
      noteErrors(record, result as GraphQLError[]);
      if (record.transport === 'ws') report(record);
    },
    onExecute: ({ args }) => {
      const record = recordOf(args.contextValue as never);
      describe(record, args.document, args.operationName);
      return {
        onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result }) => {
          noteErrors(record, result.errors, (args.contextValue as { signal?: AbortSignal }).signal);
          record.outcome = record.codes.length ? 'error' : 'ok';
          if (record.transport === 'ws') report(record);
        }),
      };
    },
    onSubscribe: ({ args }) => {
      const record = recordOf(args.contextValue as never);
      describe(record, args.document, args.operationName);
      record.streaming = true;
      return {
        onSubscribeResult: (payload) => {
          if (!(Symbol.asyncIterator in Object(payload.result))) {
            record.streaming = false;
            noteErrors(record, (payload.result as { errors?: GraphQLError[] }).errors);
            record.outcome = record.codes.length ? 'error' : 'ok';
            if (record.transport === 'ws') report(record);
            return;
          }
          return {
            onNext: ({ result }) => noteErrors(record, result.errors, (args.contextValue as { signal?: AbortSignal }).signal),
            onEnd: () => {
              record.outcome = record.codes.length ? 'error' : 'ok';
              report(record);
            },
          };
        },
      };
    },
    // A limit that throws from its validation rule (graphql-armor) skips the hooks above; its error ends up here.
    onResultProcess: ({ request, result }) => {
      const record = byRequest.get(request);
      const errors = Array.isArray(result) ? undefined : (result as { errors?: readonly GraphQLError[] }).errors;
      if (record && record.outcome === undefined && errors?.length) {
        record.outcome = 'rejected';
        noteErrors(record, errors);
      }
    },
  };

  return {
    requests,
    operations,
    /** The request id the HTTP layer gave `request` (also the context's, so upstream calls carry it). */
    requestIdOf: (request: Request) => byRequest.get(request)?.requestId,
    /** Counts an upstream call toward its operation and logs it at debug level. */
    upstreamCall(call: UpstreamCallInfo & { requestId?: string }) {
      const record = call.requestId ? live.get(call.requestId) : undefined;
      if (record) record.upstreamCalls += 1;
      if (logger.isLevelEnabled('debug')) {
        logger.debug({
          requestId: call.requestId, service: call.service, method: call.method, route: call.route, status: call.status,
          durationMs: Math.round(call.durationMs * 10) / 10, bytes: call.bytes, retries: call.retries, ...(call.error && { error: call.error }),
        }, 'upstream call');
      }
    },
  };
}
