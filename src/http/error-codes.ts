import { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import type { Plugin } from 'graphql-yoga';
import { JunctionError } from '../errors.ts';

/**
 * Gives every error a code from the one list: GraphQL's own parse, validation and variable-coercion errors
 * carry none, and a client should never have to parse a message to tell bad input from a broken gateway.
 */
export function useErrorCodes(): Plugin {
  const coded = (errors: readonly GraphQLError[] | undefined) => errors?.map(withCode);
  return {
    onValidate: () => ({ result, setResult }) => {
      if (result.length) setResult(result.map((error) => withCode(error as GraphQLError)));
    },
    onExecute: () => ({
      onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
        if (result.errors?.length) setResult({ ...result, errors: coded(result.errors) });
      }),
    }),
    onSubscribe: () => ({
      onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload as never, ({ result, setResult }) => {
        if (result.errors?.length) setResult({ ...result, errors: coded(result.errors) });
      }),
    }),
    onResultProcess: ({ result, setResult }) => {
      const single = result as { errors?: readonly GraphQLError[] };
      if (!Array.isArray(result) && single.errors?.length) setResult({ ...single, errors: coded(single.errors) } as never);
    },
  };
}

function withCode(error: GraphQLError): GraphQLError {
  // A JunctionError already has its code; the error masker (errors.ts toGraphQLError) maps it, after this plugin.
  if (error.extensions?.code || error.originalError instanceof JunctionError) return error;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  const code = status === 403 ? 'FORBIDDEN' : status === 413 ? 'BAD_USER_INPUT' : error.originalError && !(error.originalError instanceof GraphQLError) ? 'INTERNAL' : 'BAD_USER_INPUT';
  return new GraphQLError(error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}
