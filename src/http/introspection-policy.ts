import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Introspection off unless INTROSPECTION says otherwise (default: on in development, where GraphiQL needs it; off in
 * production, the common default). `__typename` stays allowed: clients need it to read unions.
 */
export function useIntrospectionPolicy(enabled: boolean): Plugin {
  if (enabled) return {};
  return { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
}
