import { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import type { Plugin } from 'graphql-yoga';
import { JunctionError, toGraphQLError, type ErrorCode } from '../errors.ts';

/**
 * Gives every error a code from the one list: GraphQL's own parse, validation and variable-coercion errors
 * carry none, and a client should never have to parse a message to tell bad input from a broken gateway.
 */
export function useErrorCodes({ production = false }: { production?: boolean } = {}): Plugin {
  const withCode = (error: GraphQLError) => codeAndScrub(error, production);
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

const OUR_CODES = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED',
  'UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_ERROR', 'NOT_SUPPORTED', 'INTERNAL'] satisfies ErrorCode[]);

/** What a client may see of any error outside Yoga's pipeline (graphql-ws sends its own): coded, internals masked. */
export function codedError(error: GraphQLError, exposeInternals: boolean): GraphQLError {
  return toGraphQLError(codeAndScrub(error, !exposeInternals), exposeInternals);
}

/**
 * Yoga's and the libraries' own codes (REQUEST_ENTITY_TOO_LARGE, …) become ours; the request was at fault. In
 * production graphql-js's "Did you mean …?" (enum values and arguments too, which graphql-armor's field-suggestion
 * block misses) and Yoga's `extensions.originalError` (the JSON parser's own words on a bad body) are dropped.
 */
function codeAndScrub(error: GraphQLError, production: boolean): GraphQLError {
  // A JunctionError already has its code; the error masker (errors.ts toGraphQLError) maps it, after this plugin.
  if ((typeof error.extensions?.code === 'string' && OUR_CODES.has(error.extensions.code) && !production) || error.originalError instanceof JunctionError) return error;
  // A thrown non-GraphQL error is a bug: leave it to the masker, which hides its message outside development.
  if (error.originalError && !(error.originalError instanceof GraphQLError)) return error;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  const known = typeof error.extensions?.code === 'string' && OUR_CODES.has(error.extensions.code) ? error.extensions.code : undefined;
  const code = known ?? (status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT');
  const { originalError: _detail, ...extensions } = error.extensions ?? {};
  return new GraphQLError(production ? error.message.replace(/ ?Did you mean [^?]*\?$/, '') : error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError,
    extensions: { ...(production ? extensions : error.extensions), code },
  });
}
