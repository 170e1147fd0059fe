// TEMPORARY (marketplace helper): Mutation/Subscription have no fields yet, which fails schema validation.
// Delete this file and its import in index.ts as soon as any mutation and subscription field exists.
import { builder } from './builder.ts';

builder.mutationField('placeholderMutation', (t) => t.boolean({ description: 'Temporary.', resolve: () => true }));
builder.subscriptionField('placeholderSubscription', (t) => t.boolean({ description: 'Temporary.', subscribe: async function* () { yield true; }, resolve: (v) => v }));
