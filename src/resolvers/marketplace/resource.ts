import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Resource } from '../../upstream/waldur/types.ts';
import { waldurFieldsFor } from '../field-plan.ts';
import { parseUuid } from '../global-id.ts';
import type { ConnectionArgs } from '../pagination.ts';
import { loadCustomer } from './customer.ts';
import { uuidOf } from './row-uuid.ts';
import { listQuery, type Filtered } from './filters.ts';
import { resolveLink } from './links.ts';
import { listConnection } from './lists.ts';
import { loadOffering, loadPlan } from './offering.ts';
import { loadProject } from './project.ts';


export function loadResource(ctx: Context, info: GraphQLResolveInfo, uuid: string): Promise<Row<Resource> | null> {
  return ctx.loaders.waldur.resource(waldurFieldsFor(info, 'Resource')).load(uuid);
}

export function resources(_root: unknown, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection<Resource>(ctx, info, args, { path: 'marketplace-resources', type: 'Resource', query: listQuery('resources', args) });
}

export function resource(_root: unknown, args: { uuid: string }, ctx: Context, info: GraphQLResolveInfo) {
  return loadResource(ctx, info, parseUuid(args.uuid));
}

export const resourceProject = (parent: Row<Resource>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadProject(ctx, info, uuid));
export const resourceCustomer = (parent: Row<Resource>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadCustomer(ctx, info, uuid));
export const resourceOffering = (parent: Row<Resource>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadOffering(ctx, info, uuid));
export const resourcePlan = (parent: Row<Resource>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => (parent.offering_uuid ? loadPlan(ctx, info, parent.offering_uuid, uuid) : Promise.resolve(null)));

/** Orders of one resource: `resource_uuid` takes a single value, so N resources are N parallel calls. */
export function resourceOrders(parent: Row<Resource>, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection(ctx, info, args, {
    path: 'marketplace-orders', type: 'Order', query: listQuery('orders', args, [['resource_uuid', uuidOf(parent, 'Resource')]]),
  });
}
