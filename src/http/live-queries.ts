import {
  GraphQLError, Kind, getDirectiveValues, getNamedType, getOperationAST, isInterfaceType, isObjectType,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Gauge, type Registry } from 'prom-client';
import type { Context, ContextInput } from '../context.ts';
import { LiveDirective } from '../schema/live-directive.ts';
import type { LiveQueries } from '../subscriptions/live/live-queries.ts';

/**
 * `query … @live`: instead of one result, a stream (graphql-ws or SSE) from the shared live execution for this
 * document, variables and caller. Runs after the cost limit, so a live query is priced like any query.
 */
export function useLiveQueries({ live, contextFor }: { live: LiveQueries; contextFor: (input: ContextInput) => Context }): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation || operation.operation !== 'query') return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const directive = getDirectiveValues(LiveDirective, operation, variables) as { if: boolean; patches: boolean } | undefined;
      if (!directive?.if) return;
      // Over plain HTTP a stream cannot be sent: say how to ask for one instead of an empty 406.
      const accept = (args.contextValue as { request?: Request }).request?.headers.get('accept');
      if (accept !== undefined && accept !== null && !/text\/event-stream|multipart\/mixed/.test(accept)) {
        return setResultAndStopExecution({
          errors: [new GraphQLError(
            `A live query sends a stream of results: open it over graphql-ws, or over HTTP with \`Accept: text/event-stream\` (SSE); received Accept: ${accept.slice(0, 100)}`,
            { extensions: { code: 'BAD_USER_INPUT' } },
          )],
        });
      }
      const unbounded = unboundedList(args.schema, args.document, operation);
      if (unbounded) {
        return setResultAndStopExecution({
          errors: [new GraphQLError(
            `A live query watches every list it reads, so each needs a bound: give \`${unbounded}\` a \`first\` or \`last\` argument`,
            { extensions: { code: 'BAD_USER_INPUT' } },
          )],
        });
      }
      const caller = args.contextValue as Context;
      setExecuteFn(() => live.subscribe({
        document: args.document,
        operationName: args.operationName,
        variables,
        scope: caller.principal.key,
        patches: directive.patches,
        run: async (track, signal) => {
          const contextValue = contextFor({ headers: { get: () => undefined }, principal: caller.principal, signal, track });
          return await executeFn({ ...args, contextValue }) as never;
        },
      }) as never);
    },
  };
}

/** The path of the first connection without `first`/`last` in the operation, fragments included; undefined when none. */
function unboundedList(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Set<string>();
  const walk = (type: GraphQLCompositeType, set: SelectionSetNode, path: string): string | undefined => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const target = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !target || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        const found = walk(target as GraphQLCompositeType, fragment.selectionSet, path);
        if (found) return found;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const target = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType : type;
        const found = walk(target, selection.selectionSet, path);
        if (found) return found;
      } else if (selection.selectionSet && (isObjectType(type) || isInterfaceType(type))) {
        const field = type.getFields()[selection.name.value];
        if (!field) continue;
        const named = getNamedType(field.type) as GraphQLCompositeType;
        const name = path ? `${path}.${selection.name.value}` : selection.name.value;
        const bounded = selection.arguments?.some((a) => a.name.value === 'first' || a.name.value === 'last');
        if (named.name.endsWith('Connection') && !bounded) return name;
        const found = walk(named, selection.selectionSet, name);
        if (found) return found;
      }
    }
    return undefined;
  };
  const root = schema.getQueryType();
  return root ? walk(root, operation.selectionSet, '') : undefined;
}

/** `junction_live_queries` (shared executions) and `junction_live_watched_reads` (upstream reads they watch). */
export function registerLiveQueryMetrics(registry: Registry, live: LiveQueries): void {
  new Gauge({ name: 'junction_live_queries', help: 'Live query executions (one per document, variables and caller, however many clients).', registers: [registry], collect() {
    this.set(live.size);
  } });
  new Gauge({ name: 'junction_live_watched_reads', help: 'Upstream reads watched by live queries (each a shared poller or a share of one).', registers: [registry], collect() {
    this.set(live.watchedReads);
  } });
}
