import type { Project as WaldurProject } from '../../upstream/waldur/types.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import * as resolve from '../../resolvers/marketplace/project.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { connectionOf } from '../connection.ts';
import { uuidNodeId } from '../node.ts';
import { Customer } from './customer.ts';
import { orderEnum } from './enums.ts';
import { Order, OrderConnection, OrderFilter, OrderOrder } from './order.ts';
import { MemberFilter, ProjectMember, ProjectMemberConnection } from './project-member.ts';
import { PriceEstimate } from './price-estimate.ts';
import { alwaysLink, reads, UUID_DESCRIPTION } from './reads.ts';
import { Resource, ResourceConnection, ResourceFilter, ResourceOrder } from './resource.ts';

/** A Waldur project, as much of it as the operation asked for. */
export const Project = builder.objectRef<Row<WaldurProject>>('Project');
export const ProjectConnection = connectionOf(Project, 'Project', 'projects');

export const ProjectOrder = orderEnum('ProjectOrder', 'Sort orders for projects (Waldur `o`).', {
  NAME: ['name', 'name'], CREATED: ['created', 'creation time'], CUSTOMER_NAME: ['customer_name', 'customer name'],
  CUSTOMER_ABBREVIATION: ['customer_abbreviation', 'customer abbreviation'], ESTIMATED_COST: ['estimated_cost', 'estimated cost'],
  START_DATE: ['start_date', 'start date'], END_DATE: ['end_date', 'end date'],
});

export const ProjectFilter = builder.inputType('ProjectFilter', {
  description: 'Filters for projects; each maps onto a Waldur `/api/projects/` filter.',
  fields: (t) => ({
    query: t.string({ description: 'Free-text search: a UUID-like value matches the project uuid, otherwise the name (`query`).' }),
    name: t.string({ description: 'Name contains, case-insensitive (`name`).' }),
    nameExact: t.string({ description: 'Name equals (`name_exact`).' }),
    description: t.string({ description: 'Description contains (`description`).' }),
    backendId: t.string({ description: 'Backend id equals (`backend_id`).' }),
    customers: t.stringList({ description: 'Only projects of these customers (uuids; sent as one comma-separated `customer`).' }),
    customerName: t.string({ description: 'Customer name contains (`customer_name`).' }),
    customerAbbreviation: t.string({ description: 'Customer abbreviation contains (`customer_abbreviation`).' }),
    canManage: t.boolean({ description: 'Only `true`: only projects the caller manages, as a customer owner or project manager, staff rights not counted (`can_manage`). Waldur has no complement: `false` is rejected.' }),
    canAdmin: t.boolean({ description: 'Only `true`: only projects where the caller has the project admin role (`can_admin`). Waldur has no complement: `false` is rejected.' }),
    isRemoved: t.boolean({ description: 'Soft-deleted projects only, or none (`is_removed`).' }),
    includeTerminated: t.boolean({ description: 'Include terminated projects (`include_terminated`).' }),
    user: t.string({ description: 'Only projects this user (uuid) has a role in (`user_uuid`).' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after this time (`created`).' }),
    modifiedAfter: t.field({ type: 'DateTime', description: 'Modified at or after this time (`modified`).' }),
  }),
});

builder.node(Project, {
  description: 'A Waldur project: the unit that owns resources and orders, inside one customer (organization).',
  id: uuidNodeId('Project'),
  loadWithoutCache: (uuid, ctx, info) => resolve.loadProject(ctx, info, uuid),
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: UUID_DESCRIPTION, extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'Project') }),
    name: t.exposeString('name', { description: 'The project name.', extensions: reads('name') }),
    slug: t.exposeString('slug', { description: 'A URL-friendly short name.', extensions: reads('slug') }),
    description: t.exposeString('description', { description: 'Free-text description.', extensions: reads('description') }),
    created: t.expose('created', { type: 'DateTime', description: 'When the project was created.', extensions: reads('created') }),
    backendId: t.exposeString('backend_id', { description: 'Identifier in an external system; Junction links it to an orchestration project.', extensions: reads('backend_id') }),
    startDate: t.expose('start_date', { type: 'DateTime', description: 'When the project starts (orders wait until then).', extensions: reads('start_date') }),
    endDate: t.expose('end_date', { type: 'DateTime', description: 'When the project ends; its resources are terminated then.', extensions: reads('end_date') }),
    kind: t.exposeString('kind', { description: 'The project kind: `default`, `course` or `public`.', extensions: reads('kind') }),
    typeName: t.exposeString('type_name', { description: 'The name of the project type, if any.', extensions: reads('type_name') }),
    isIndustry: t.exposeBoolean('is_industry', { description: 'Whether this is an industry project.', extensions: reads('is_industry') }),
    isRemoved: t.exposeBoolean('is_removed', { description: 'Whether the project is soft-deleted.', extensions: reads('is_removed') }),
    oecdFos2007Code: t.exposeString('oecd_fos_2007_code', { description: 'OECD field-of-science code, e.g. "1.1".', extensions: reads('oecd_fos_2007_code') }),
    resourcesCount: t.expose('resources_count', { type: 'Long', description: 'How many resources the project has (as counted by Waldur).', extensions: reads('resources_count') }),
    billingPriceEstimate: t.field({
      type: PriceEstimate, description: 'Estimated cost of the project this month.', extensions: reads('billing_price_estimate'),
      resolve: (p) => p.billing_price_estimate ?? null,
    }),
    customer: t.field({
      type: Customer,
      description: 'The customer (organization) the project belongs to; answered from the project itself when only uuid/name/abbreviation are asked.',
      extensions: alwaysLink({ uuid: 'customer_uuid', name: 'customer_name', abbreviation: 'customer_abbreviation', native_name: 'customer_native_name', slug: 'customer_slug' }),
      resolve: resolve.projectCustomer,
    }),
    resources: t.connection({
      type: Resource,
      description: 'The marketplace resources of this project.',
      args: {
        filter: t.arg({ type: ResourceFilter, description: 'Filters; `project` is always this project.' }),
        orderBy: t.arg({ type: [ResourceOrder], description: 'Sort order (Waldur `o`); default newest first.' }),
      },
      resolve: resolve.projectResources,
    }, ResourceConnection),
    orders: t.connection({
      type: Order,
      description: 'The orders placed in this project.',
      args: {
        filter: t.arg({ type: OrderFilter, description: 'Filters; `project` is always this project.' }),
        orderBy: t.arg({ type: [OrderOrder], description: 'Sort order (Waldur `o`); default newest first.' }),
      },
      resolve: resolve.projectOrders,
    }, OrderConnection),
    members: t.connection({
      type: ProjectMember,
      description: 'The users with a role in this project.',
      args: { filter: t.arg({ type: MemberFilter, description: 'Filters on the members.' }) },
      resolve: resolve.projectMembers,
    }, ProjectMemberConnection),
  }),
});

builder.queryFields((t) => ({
  projects: t.connection({
    type: Project,
    description: 'The projects the caller can see.',
    args: {
      filter: t.arg({ type: ProjectFilter, description: 'Filters, mapped onto Waldur\'s project filters.' }),
      orderBy: t.arg({ type: [ProjectOrder], description: 'Sort order (Waldur `o`); default by name.' }),
    },
    resolve: resolve.projects,
  }, ProjectConnection),
  project: t.field({
    type: Project,
    description: 'One project by its Waldur uuid; null when it does not exist or the caller cannot see it.',
    args: { uuid: t.arg.string({ required: true, description: 'The project UUID (hex, dashes optional).' }) },
    resolve: resolve.project,
  }),
}));
