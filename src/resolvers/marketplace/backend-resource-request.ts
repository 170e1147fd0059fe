import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { BackendResourceRequest } from '../../upstream/waldur/types.ts';
import type { ConnectionArgs } from '../pagination.ts';
import { listQuery, type Filtered } from './filters.ts';
import { resolveLink } from './links.ts';
import { listConnection } from './lists.ts';
import { loadOffering } from './offering.ts';


/** Backend resource requests: this endpoint has no `field=` support (contract §4), so nothing is pushed down. */
export function backendResourceRequests(_root: unknown, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection<BackendResourceRequest>(ctx, info, args, {
    path: 'backend-resource-requests', type: 'BackendResourceRequest', query: listQuery('backendResourceRequests', args), pushdown: false,
  });
}

export function loadBackendResourceRequest(ctx: Context, uuid: string): Promise<Row<BackendResourceRequest> | null> {
  return ctx.loaders.waldur.backendResourceRequest().load(uuid);
}

export const backendRequestOffering = (parent: Row<BackendResourceRequest>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadOffering(ctx, info, uuid));
