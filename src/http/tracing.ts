import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { getNamedType, getOperationAST, isLeafType, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Tracing } from '../tracing.ts';

type TracedContext = { request?: Request; principal?: { requestId: string } };

/** A span per operation (child of the client's `traceparent`, if any); resolvers and upstream calls nest under it. */
export function useOperationSpans(tracing: Tracing): Plugin {
  const start = (args: { document: DocumentNode; operationName?: string | null; contextValue: unknown }) => {
    const ctx = args.contextValue as TracedContext;
    const operation = getOperationAST(args.document, args.operationName);
    const type = operation?.operation ?? 'query';
    const name = operation?.name?.value;
    const parent = ctx.request ? tracing.incoming(ctx.request.headers) : context.active();
    const span = tracing.tracer.startSpan(`${type}${name ? ` ${name}` : ''}`, {
      kind: SpanKind.SERVER,
      attributes: { 'graphql.operation.type': type, ...(name && { 'graphql.operation.name': name }), ...(ctx.principal && { 'junction.request_id': ctx.principal.requestId }) },
    }, parent);
    return { span, active: trace.setSpan(parent, span) };
  };
  const end = (span: Span, errors: readonly { message: string }[] | undefined) => {
    if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0].message });
    span.end();
  };
  return {
    onExecute: ({ args, executeFn, setExecuteFn }) => {
      const { span, active } = start(args);
      setExecuteFn((execArgs) => context.with(active, () => executeFn(execArgs)));
      return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result }) => end(span, result.errors)) };
    },
    onSubscribe: ({ args, subscribeFn, setSubscribeFn }) => {
      const { span, active } = start(args);
      setSubscribeFn((subscribeArgs) => context.with(active, () => subscribeFn(subscribeArgs)));
      return {
        onSubscribeResult: (payload) => {
          if (!(Symbol.asyncIterator in Object(payload.result))) return void end(span, (payload.result as { errors?: { message: string }[] }).errors);
          const errors: { message: string }[] = [];
          return { onNext: ({ result }) => void errors.push(...(result.errors ?? [])), onEnd: () => end(span, errors) };
        },
      };
    },
  };
}

/**
 * A copy of the schema whose resolvers may get spans (only those that call upstream do, see tracing.ts); the
 * shared schema object stays untouched, so gateways without tracing in the same process pay nothing.
 */
export function tracedSchema(schema: GraphQLSchema, tracing: Tracing): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const resolve = field.resolve;
      // Only fields that lead to other objects are watched: those are the ones that load. Pothos `expose…` fields
      // read a property of their parent, and leaf fields (enum mappings, counts) would cost a context switch each for
      // little; an upstream call made under one of them becomes a child of the nearest watched resolver instead.
      if (!resolve || field.extensions?.pothosExposedField || isLeafType(getNamedType(field.type))) return field;
      const path = `${typeName}.${fieldName}`;
      return { ...field, resolve: (source, args, ctx, info) => tracing.resolve(path, () => resolve(source, args, ctx, info)) };
    },
  });
}
