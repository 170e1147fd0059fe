import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Query } from '../../loaders/waldur/memo.ts';
import { selectedFieldNames, waldurListFieldsFor } from '../field-plan.ts';
import { sliceFromArray, sliceFromSource, toConnection, windowOf, type ConnectionArgs, type ConnectionResult } from '../pagination.ts';

export interface ListTarget {
  /** Collection or paginated sub-resource path. */
  path: string;
  /** GraphQL type of the nodes: the field plan of that type becomes the `field=` list. */
  type: string;
  query: Query;
  /** False for endpoints that ignore `field=` (backend resource requests): then nothing is pushed down. */
  pushdown?: boolean;
}

/** Whether the connection's selection needs the items themselves (else a HEAD answers it). */
export function wantsItems(info: GraphQLResolveInfo): boolean {
  const names = selectedFieldNames(info);
  return names.has('edges') || names.has('nodes');
}

/** A Relay connection over one Waldur list: args validated first, then the covering page(s) or a HEAD. */
export async function listConnection<T>(ctx: Context, info: GraphQLResolveInfo, args: ConnectionArgs, target: ListTarget): Promise<ConnectionResult<Row<T>>> {
  const spec = windowOf(args);
  const fields = target.pushdown === false ? undefined : waldurListFieldsFor(info, target.type);
  const slice = await sliceFromSource<Row<T>>(spec, {
    page: (page, pageSize) => ctx.loaders.waldur.page<Row<T>>({ path: target.path, query: target.query, fields, page, pageSize }),
    count: () => ctx.loaders.waldur.count(target.path, target.query),
  }, wantsItems(info));
  return toConnection(slice);
}

export interface ChildrenTarget {
  collection: string;
  type: string;
  /** CSV filter naming parents (`customer`), and the child field naming its parent (`customer_uuid`). */
  parentParam: string;
  parentField: string;
  parentUuid: string;
  query: Query;
}

/**
 * A per-parent connection whose children can be fetched for many parents in one call (a CSV parent filter).
 * The loader decides: the parent's group from one combined call (sliced here), or `alone`, and then this parent
 * is paged with its own exact call. See loaders/waldur/children.ts for why.
 */
export async function childrenConnection<T>(ctx: Context, info: GraphQLResolveInfo, args: ConnectionArgs, target: ChildrenTarget): Promise<ConnectionResult<Row<T>>> {
  const spec = windowOf(args);
  const fields = waldurListFieldsFor(info, target.type);
  const children = await ctx.loaders.waldur.children<T>({
    collection: target.collection, parentParam: target.parentParam, parentField: target.parentField, query: target.query, fields,
  }).load(target.parentUuid);
  if (children.kind === 'all') return toConnection(sliceFromArray(spec, children.rows));
  return listConnection<T>(ctx, info, args, {
    path: target.collection, type: target.type, query: [...target.query, [target.parentParam, target.parentUuid]],
  });
}
