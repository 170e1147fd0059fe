import {
  getOperationAST, getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema,
  type OperationDefinitionNode, type Source, type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/**
 * Compiling costs more than interpreting once, so a document is compiled when it runs the second time: a caller
 * sending a new document on every request gets graphql-js, and a dashboard repeating its queries gets compiled ones.
 */
const COMPILE_ON_RUN = 2;

interface Compiled {
  query: CompiledQuery['query'];
  operation: OperationDefinitionNode;
}

/**
 * Queries and mutations run as JavaScript compiled once per document and operation by graphql-jit, not interpreted
 * field by field on every request (a fifth to a third less CPU per operation: `npm run bench:ab`).
 * Not @envelop/graphql-jit: it caches by document alone, so two operations of one document (GraphiQL sends the whole
 * editor) would run whichever was compiled first.
 * Variables are coerced by graphql-js first, so bad variables get graphql-js's errors, word for word: graphql-jit's
 * drop the scalar's reason and print the whole value, however large.
 * graphql-jit's errors carry locations but no source or AST nodes, and Yoga and the error masker re-make errors from
 * those: each is re-made here with the document's source and positions, so every error keeps its locations.
 * Subscriptions, and documents graphql-jit cannot compile, keep graphql-js. Compiled queries live as long as the
 * parsed document does, and Yoga's parse cache bounds those.
 */
export function useCompiledExecution(): Plugin {
  // Per document and operation: how often it ran interpreted, until it is compiled (or found not to compile).
  const compiled = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number | Compiled | null>>>();

  function compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled | null {
    let bySchema = compiled.get(schema);
    if (!bySchema) compiled.set(schema, (bySchema = new WeakMap()));
    let byName = bySchema.get(document);
    if (!byName) bySchema.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const known = byName.get(key) ?? 0;
    if (typeof known !== 'number') return known;
    if (known + 1 < COMPILE_ON_RUN) {
      byName.set(key, known + 1);
      return null;
    }
    const operation = getOperationAST(document, operationName);
    const result = operation && operation.operation !== 'subscription' ? compileQuery(schema, document, operationName) : undefined;
    const entry = result && operation && isCompiledQuery(result) ? { query: result.query, operation } : null;
    byName.set(key, entry);
    return entry;
  }

  return {
    onExecute({ args, setExecuteFn }) {
      const compiledQuery = compiledFor(args.schema, args.document, args.operationName ?? undefined);
      if (!compiledQuery) return;
      setExecuteFn((execution) => {
        const definitions = compiledQuery.operation.variableDefinitions;
        if (definitions?.length) {
          const coerced = getVariableValues(execution.schema, definitions, execution.variableValues ?? {}, { maxErrors: 50 });
          if (coerced.errors) return { errors: coerced.errors };
        }
        const result = compiledQuery.query(execution.rootValue, execution.contextValue, execution.variableValues) as Promise<ExecutionResult> | ExecutionResult;
        const source = execution.document.loc?.source;
        return result instanceof Promise ? result.then((r) => located(r, source)) : located(result, source);
      });
    },
  };
}

function located(result: ExecutionResult, source: Source | undefined): ExecutionResult {
  if (!result.errors?.length || !source) return result;
  const errors = result.errors.map((error) => (error.nodes || error.source || !error.locations?.length ? error : new GraphQLError(error.message, {
    source, positions: error.locations.map((at) => offsetOf(source.body, at)), path: error.path,
    originalError: error.originalError, extensions: error.extensions,
  })));
  return { ...result, errors };
}

/** The character offset of a line and column (both from 1), counting line breaks as graphql-js does. */
function offsetOf(body: string, { line, column }: SourceLocation): number {
  const lineBreak = /\r\n|[\n\r]/g;
  let start = 0;
  for (let at = 1; at < line; at++) {
    const found = lineBreak.exec(body);
    if (!found) break;
    start = found.index + found[0].length;
  }
  return start + column - 1;
}
