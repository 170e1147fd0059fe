import {
  getOperationAST, getVariableValues, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema,
  type OperationDefinitionNode, type Source, type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { PerOperation } from './per-operation.ts';

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
 * Bad variables get graphql-js's errors, word for word: graphql-jit's drop the scalar's reason.
 * graphql-jit's errors carry locations but no source or AST nodes, and Yoga and the error masker re-make errors from
 * those: each is re-made here with the document's source and positions, so every error keeps its locations.
 * Subscriptions, and documents graphql-jit cannot compile, keep graphql-js. Compiled queries live as long as the
 * parsed document does, and Yoga's parse cache bounds those.
 */
export function useCompiledExecution(): Plugin {
  // How often an operation ran interpreted, until it is compiled (or found not to compile). One plugin, one schema.
  const compiled = new PerOperation<number | Compiled | null>();

  function compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled | null {
    const known = compiled.get(document, operationName) ?? 0;
    if (typeof known !== 'number') return known;
    if (known + 1 < COMPILE_ON_RUN) {
      compiled.set(document, operationName, known + 1);
      return null;
    }
    const operation = getOperationAST(document, operationName);
    const result = operation && operation.operation !== 'subscription' ? compileQuery(schema, document, operationName) : undefined;
    const entry = result && operation && isCompiledQuery(result) ? { query: result.query, operation } : null;
    compiled.set(document, operationName, entry);
    return entry;
  }

  return {
    onExecute({ args, setExecuteFn }) {
      const compiledQuery = compiledFor(args.schema, args.document, args.operationName ?? undefined);
      if (!compiledQuery) return;
      setExecuteFn((execution) => {
        const result = compiledQuery.query(execution.rootValue, execution.contextValue, execution.variableValues) as Promise<ExecutionResult> | ExecutionResult;
        const answer = (r: ExecutionResult) => inGraphQLJsWords(r, execution, compiledQuery.operation);
        return result instanceof Promise ? result.then(answer) : answer(result);
      });
    },
  };
}

/**
 * graphql-jit refuses bad variables with errors and no data, before running anything: only then are the variables
 * coerced again, by graphql-js, for its words. Every other answer keeps its errors' locations.
 */
function inGraphQLJsWords(result: ExecutionResult, execution: ExecutionArgs, operation: OperationDefinitionNode): ExecutionResult {
  const definitions = operation.variableDefinitions;
  if (result.data === undefined && result.errors?.length && definitions?.length) {
    const coerced = getVariableValues(execution.schema, definitions, execution.variableValues ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
  }
  return located(result, execution.document.loc?.source);
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
