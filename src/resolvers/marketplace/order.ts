import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Order } from '../../upstream/waldur/types.ts';
import { waldurFieldsFor } from '../field-plan.ts';
import { parseUuid } from '../global-id.ts';
import type { ConnectionArgs } from '../pagination.ts';
import { loadCustomer } from './customer.ts';
import { listQuery, type Filtered } from './filters.ts';
import { resolveLink } from './links.ts';
import { listConnection } from './lists.ts';
import { loadOffering, loadPlan } from './offering.ts';
import { loadProject } from './project.ts';
import { loadResource } from './resource.ts';


export function loadOrder(ctx: Context, info: GraphQLResolveInfo, uuid: string): Promise<Row<Order> | null> {
  return ctx.loaders.waldur.order(waldurFieldsFor(info, 'Order')).load(uuid);
}

export function orders(_root: unknown, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection<Order>(ctx, info, args, { path: 'marketplace-orders', type: 'Order', query: listQuery('orders', args) });
}

export function order(_root: unknown, args: { uuid: string }, ctx: Context, info: GraphQLResolveInfo) {
  return loadOrder(ctx, info, parseUuid(args.uuid));
}

// Each link is answered from the order's own `*_uuid`/`*_name` fields when that covers the selection.
export const orderProject = (parent: Row<Order>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadProject(ctx, info, uuid));
export const orderCustomer = (parent: Row<Order>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadCustomer(ctx, info, uuid));
export const orderOffering = (parent: Row<Order>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadOffering(ctx, info, uuid));
export const orderResource = (parent: Row<Order>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadResource(ctx, info, uuid));
export const orderPlan = (parent: Row<Order>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => (parent.offering_uuid ? loadPlan(ctx, info, parent.offering_uuid, uuid) : Promise.resolve(null)));

/** Money is a Decimal string; Waldur sends costs as strings, some prices as numbers. */
export function decimal(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}
