import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context.ts';
import { checkNodeType, decodeGlobalId, encodeGlobalId } from '../resolvers/global-id.ts';
import { checkNodeIds } from '../resolvers/node-ids.ts';

export interface JunctionSchemaTypes {
  Context: Context;
  DefaultFieldNullability: true;
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    Decimal: { Input: string; Output: string };
    Long: { Input: number; Output: number };
  };
}

/** The one Pothos builder: plugins, context and scalar shapes only; types live in their own files. */
export const builder = new SchemaBuilder<JunctionSchemaTypes>({
  // Federation last: it must see the resolvers the other plugins wrap (its README).
  plugins: [ErrorsPlugin, RelayPlugin, DirectivesPlugin, FederationPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodesOnConnection: { description: 'The objects of this page, without their cursors (same order as `edges`).' },
    nodeTypeOptions: { description: 'An object with a global id: fetch it again with `node(id:)`, whatever its type.' },
    idFieldOptions: { description: 'The global Relay id (base64 of "Type:key"); pass it to `node(id:)`.' },
    nodeQueryOptions: {
      description: 'Any object by its global id, fetched with the caller\'s own credentials; null when it does not exist or is not visible.',
      args: { id: { description: 'A global id, as returned by an `id` field.' } },
      resolve: (_root, args, _ctx, info, resolveNode) => resolveNode(checkNodeType(args.id, info)),
    },
    nodesQueryOptions: {
      description: 'Many objects by their global ids, batched per type; each entry is null when not found or not visible.',
      args: { ids: { description: 'Global ids, as returned by `id` fields; any order and any mix of types; at most MAX_NODE_IDS of them (default 100). Without credentials only Offering and Plan ids.' } },
      resolve: (_root, args, ctx, info, resolveNodes) => resolveNodes(checkNodeIds(args.ids, ctx, info)),
    },
    pageInfoTypeOptions: { description: 'Where this page sits in the whole list, for paging on with `after`/`before`.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page (ask again with `after: endCursor`).' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page (ask again with `before: startCursor`).' },
    startCursorFieldOptions: { description: 'The cursor of the first item on this page (null on an empty page).' },
    endCursorFieldOptions: { description: 'The cursor of the last item on this page (null on an empty page).' },
    cursorFieldOptions: { description: 'An opaque cursor for this item; pass it to `after` or `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    firstArgOptions: { description: 'Return at most this many items from the start of the window (0–300).' },
    lastArgOptions: { description: 'Return at most this many items from the end of the window (0–300).' },
    afterArgOptions: { description: 'Start after the item with this cursor.' },
    beforeArgOptions: { description: 'End before the item with this cursor.' },
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({ description: 'The entry points into the Waldur marketplace and the Orchestration API.' });
builder.mutationType({ description: 'Changes to the marketplace and to orchestration allocations and payloads.' });
builder.subscriptionType({ description: 'Live views of orders, resources, allocations and payloads.' });
