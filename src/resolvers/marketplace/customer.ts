import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Customer, Project } from '../../upstream/waldur/types.ts';
import { waldurFieldsFor } from '../field-plan.ts';
import { parseUuid } from '../global-id.ts';
import type { ConnectionArgs } from '../pagination.ts';
import { uuidOf } from './row-uuid.ts';
import { listQuery, type Filtered } from './filters.ts';
import { childrenConnection, listConnection } from './lists.ts';
import { startChildLists } from '../child-lists.ts';


/** A customer by uuid (no many-by-uuid filter exists: parallel retrieves); null when not visible. */
export function loadCustomer(ctx: Context, info: GraphQLResolveInfo, uuid: string): Promise<Row<Customer> | null> {
  return ctx.loaders.waldur.customer(waldurFieldsFor(info, 'Customer')).load(uuid);
}

export function customers(_root: unknown, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection<Customer>(ctx, info, args, { path: 'customers', type: 'Customer', query: listQuery('customers', args) });
}

/** A customer by uuid; its selected lists start at the same time (they need only the uuid). */
export function customer(_root: unknown, args: { uuid: string }, ctx: Context, info: GraphQLResolveInfo) {
  const uuid = parseUuid(args.uuid);
  const row = loadCustomer(ctx, info, uuid);
  startChildLists({ uuid } as Row<Customer>, ctx, info, 'Customer', { projects: customerProjects, resources: customerResources, orders: customerOrders });
  return row;
}

/** Projects of many customers come from ONE `projects/?customer=a,b` call (a CSV filter); see children.ts. */
export function customerProjects(parent: Row<Customer>, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return childrenConnection<Project>(ctx, info, args, {
    collection: 'projects', type: 'Project', parentParam: 'customer', parentField: 'customer_uuid', parentUuid: uuidOf(parent, 'Customer'),
    query: listQuery('projects', args, [['customer', uuidOf(parent, 'Customer')]]).filter(([key]) => key !== 'customer'),
  });
}

/** Resources of one customer: `customer_uuid` takes a single value, so N customers are N parallel calls. */
export function customerResources(parent: Row<Customer>, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection(ctx, info, args, {
    path: 'marketplace-resources', type: 'Resource', query: listQuery('resources', args, [['customer_uuid', uuidOf(parent, 'Customer')]]),
  });
}

export function customerOrders(parent: Row<Customer>, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection(ctx, info, args, {
    path: 'marketplace-orders', type: 'Order', query: listQuery('orders', args, [['customer_uuid', uuidOf(parent, 'Customer')]]),
  });
}
