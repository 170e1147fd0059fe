// TEMPORARY (marketplace helper): Mutation has no fields yet, which fails schema validation in graphql-yoga.
// Delete this file and its import in index.ts as soon as the first mutation field exists, then `npm run schema:print`.
import { builder } from './builder.ts';

builder.mutationField('placeholderMutation', (t) => t.boolean({ description: 'Temporary: no mutations exist yet; always true.', resolve: () => true }));
