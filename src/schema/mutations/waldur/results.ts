/** The errors option every Waldur mutation shares: a `<Mutation>Result` union of its success object and the typed errors. */
import { WALDUR_MUTATION_ERRORS } from '../errors.ts';

/**
 * `errors` for a Waldur mutation field (Pothos plugin-errors): the success object itself is a union member
 * (`directResult`), next to ValidationError, ConflictError, NotFoundError and ForbiddenError. Outages are not
 * in the union: they stay GraphQL errors with a code (a timeout names the query that tells the outcome).
 */
export function waldurErrors(mutation: string) {
  return {
    types: WALDUR_MUTATION_ERRORS,
    directResult: true,
    union: {
      name: `${mutation}Result`,
      description: `What \`${mutation[0].toLowerCase()}${mutation.slice(1)}\` returns: \`${mutation}Success\`, or a typed error to branch on with \`__typename\` (ValidationError, ConflictError, NotFoundError, ForbiddenError).`,
    },
  };
}
