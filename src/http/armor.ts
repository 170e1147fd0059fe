import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';

/**
 * graphql-armor's limits on the shape of an operation. They report a coded validation error rather than throw,
 * so a WebSocket fails the one operation, and their message says what was found against which limit without
 * armor's "Syntax Error:" prefix (the operation parsed fine). Depth is counted over the flattened selection, so
 * an operation split into fragments (as Relay's compiler writes them) is as deep as the same one written inline.
 * Depth skips introspection (the standard introspection query is 15 levels of `ofType`); the cost limit prices it.
 */
export function useShapeLimits(limits: Config['limits'], production: boolean): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...report('MAX_DEPTH') },
    maxAliases: { n: limits.maxAliases, ...report('MAX_ALIASES') },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: MAX_DIRECTIVES, ...report() },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }) as Plugin;
}

/** Directives per operation: a fixed bound, since no client needs more (`@include`/`@skip` per field). */
export const MAX_DIRECTIVES = 20;

function report(setting?: string) {
  const onReject = (context: ValidationContext | null, error: GraphQLError) => {
    const message = `${error.message.replace(/^Syntax Error: /, '')}${setting ? ` (the ${setting} setting)` : ''}`;
    const coded = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
    if (!context) throw coded;
    context.reportError(coded);
  };
  return { onReject: [onReject], propagateOnRejection: false };
}
