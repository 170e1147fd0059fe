import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Project, ProjectUser } from '../../upstream/waldur/types.ts';
import { waldurFieldsFor } from '../field-plan.ts';
import { parseUuid } from '../global-id.ts';
import type { ConnectionArgs } from '../pagination.ts';
import { uuidOf } from './row-uuid.ts';
import { listQuery, type Filtered } from './filters.ts';
import { resolveLink } from './links.ts';
import { listConnection } from './lists.ts';
import { startChildLists } from '../child-lists.ts';


/** A project by uuid with the operation's field set; null when the caller cannot see it. */
export function loadProject(ctx: Context, info: GraphQLResolveInfo, uuid: string): Promise<Row<Project> | null> {
  return ctx.loaders.waldur.project(waldurFieldsFor(info, 'Project')).load(uuid);
}

export function projects(_root: unknown, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection<Project>(ctx, info, args, { path: 'projects', type: 'Project', query: listQuery('projects', args) });
}

/** A project by uuid; its selected lists start at the same time (they need only the uuid). */
export function project(_root: unknown, args: { uuid: string }, ctx: Context, info: GraphQLResolveInfo) {
  const uuid = parseUuid(args.uuid);
  const row = loadProject(ctx, info, uuid);
  startChildLists({ uuid } as Row<Project>, ctx, info, 'Project', { resources: projectResources, orders: projectOrders, members: projectMembers });
  // The project's cross-backend link is read by its uuid alone: when the operation follows it, start it now too.
  if (waldurFieldsFor(info, 'Project').includes('backend_id')) ctx.loaders.links.projectLink(uuid).catch(() => undefined);
  return row;
}

export function projectCustomer(parent: Row<Project>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) {
  return resolveLink(parent, info, (uuid) => ctx.loaders.waldur.customer(waldurFieldsFor(info, 'Customer')).load(uuid));
}

/** Resources of one project: `project_uuid` takes one value, so N projects are N parallel calls (contract §5.2). */
export function projectResources(parent: Row<Project>, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection(ctx, info, args, {
    path: 'marketplace-resources', type: 'Resource', query: listQuery('resources', args, [['project_uuid', uuidOf(parent, 'Project')]]),
  });
}

export function projectOrders(parent: Row<Project>, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection(ctx, info, args, {
    path: 'marketplace-orders', type: 'Order', query: listQuery('orders', args, [['project_uuid', uuidOf(parent, 'Project')]]),
  });
}

export function projectMembers(parent: Row<Project>, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection<ProjectUser>(ctx, info, args, {
    path: `projects/${uuidOf(parent, 'Project')}/list_users`, type: 'ProjectMember', query: listQuery('members', args),
  });
}
