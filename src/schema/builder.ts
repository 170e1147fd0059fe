import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context.ts';

export interface JunctionSchemaTypes {
  Context: Context;
  DefaultFieldNullability: true;
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    Decimal: { Input: string; Output: string };
  };
}

/** The one Pothos builder: plugins, context and scalar shapes only; types live in their own files. */
export const builder = new SchemaBuilder<JunctionSchemaTypes>({
  plugins: [ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: true,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({ description: 'The entry points into the Waldur marketplace and the Orchestration API.' });
builder.mutationType({ description: 'Changes to the marketplace and to orchestration allocations and payloads.' });
builder.subscriptionType({ description: 'Live views of orders, resources, allocations and payloads.' });
