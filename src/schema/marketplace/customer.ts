import type { Customer as WaldurCustomer } from '../../upstream/waldur/types.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import * as resolve from '../../resolvers/marketplace/customer.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { connectionOf } from '../connection.ts';
import { uuidNodeId } from '../node.ts';
import { orderEnum } from './enums.ts';
import { Order, OrderConnection, OrderFilter, OrderOrder } from './order.ts';
import { PriceEstimate } from './price-estimate.ts';
import { Project, ProjectConnection, ProjectFilter, ProjectOrder } from './project.ts';
import { reads, UUID_DESCRIPTION } from './reads.ts';
import { Resource, ResourceConnection, ResourceFilter, ResourceOrder } from './resource.ts';

/** A Waldur customer (organization), as much of it as the operation asked for. */
export const Customer = builder.objectRef<Row<WaldurCustomer>>('Customer');
export const CustomerConnection = connectionOf(Customer, 'Customer', 'customers');

export const CustomerOrder = orderEnum('CustomerOrder', 'Sort orders for customers (Waldur `o`; unknown terms are ignored upstream).', {
  NAME: ['name', 'name'], ABBREVIATION: ['abbreviation', 'abbreviation'], NATIVE_NAME: ['native_name', 'native name'],
  CREATED: ['created', 'creation time'], REGISTRATION_CODE: ['registration_code', 'registration code'],
  AGREEMENT_NUMBER: ['agreement_number', 'agreement number'],
});

export const CustomerFilter = builder.inputType('CustomerFilter', {
  description: 'Filters for customers; each maps onto a Waldur `/api/customers/` filter.',
  fields: (t) => ({
    query: t.string({ description: 'Free-text search over names, domain, registration code and exact uuid (`query`).' }),
    name: t.string({ description: 'Name contains, case-insensitive (`name`).' }),
    nameExact: t.string({ description: 'Name equals (`name_exact`).' }),
    abbreviation: t.string({ description: 'Abbreviation contains (`abbreviation`).' }),
    nativeName: t.string({ description: 'Native name contains (`native_name`).' }),
    registrationCode: t.string({ description: 'Registration code (`registration_code`).' }),
    backendId: t.string({ description: 'Backend id (`backend_id`).' }),
    archived: t.boolean({ description: 'Archived customers only, or none (`archived`).' }),
    isServiceProvider: t.boolean({ description: 'Only service providers, or none (`is_service_provider`).' }),
    ownedByCurrentUser: t.boolean({ description: 'Only customers the caller owns (`owned_by_current_user`).' }),
    user: t.string({ description: 'Only customers this user (uuid) has a role in (`user_uuid`).' }),
    organizationGroups: t.stringList({ description: 'Only customers in these organization groups (uuids; repeated `organization_group_uuid`).' }),
  }),
});

builder.node(Customer, {
  description: 'A Waldur customer: an organization that owns projects and, as a service provider, offerings.',
  id: uuidNodeId('Customer'),
  loadWithoutCache: (uuid, ctx, info) => resolve.loadCustomer(ctx, info, uuid),
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: UUID_DESCRIPTION, extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'Customer') }),
    name: t.exposeString('name', { description: 'The organization name.', extensions: reads('name') }),
    abbreviation: t.exposeString('abbreviation', { description: 'A short name.', extensions: reads('abbreviation') }),
    nativeName: t.exposeString('native_name', { description: 'The name in the local language.', extensions: reads('native_name') }),
    displayName: t.exposeString('display_name', { description: 'The name as Waldur displays it.', extensions: reads('display_name') }),
    slug: t.exposeString('slug', { description: 'A URL-friendly short name.', extensions: reads('slug') }),
    description: t.exposeString('description', { description: 'Free-text description.', extensions: reads('description') }),
    email: t.exposeString('email', { description: 'Contact e-mail.', extensions: reads('email') }),
    phoneNumber: t.exposeString('phone_number', { description: 'Contact phone number.', extensions: reads('phone_number') }),
    domain: t.exposeString('domain', { description: 'The organization\'s domain.', extensions: reads('domain') }),
    homepage: t.exposeString('homepage', { description: 'The organization\'s homepage.', extensions: reads('homepage') }),
    country: t.exposeString('country', { description: 'ISO country code.', extensions: reads('country') }),
    backendId: t.exposeString('backend_id', { description: 'Identifier in an external system.', extensions: reads('backend_id') }),
    created: t.expose('created', { type: 'DateTime', description: 'When the customer was created.', extensions: reads('created') }),
    archived: t.exposeBoolean('archived', { description: 'Whether the customer is archived.', extensions: reads('archived') }),
    blocked: t.exposeBoolean('blocked', { description: 'Whether the customer is blocked (no new orders).', extensions: reads('blocked') }),
    isServiceProvider: t.exposeBoolean('is_service_provider', { description: 'Whether the customer offers services in the marketplace.', extensions: reads('is_service_provider') }),
    projectsCount: t.expose('projects_count', { type: 'Long', description: 'How many projects Waldur counts for it (regardless of what the caller sees).', extensions: reads('projects_count') }),
    usersCount: t.expose('users_count', { type: 'Long', description: 'How many users have a role in it.', extensions: reads('users_count') }),
    billingPriceEstimate: t.field({
      type: PriceEstimate, description: 'Estimated cost of the organization this month.', extensions: reads('billing_price_estimate'),
      resolve: (c) => c.billing_price_estimate ?? null,
    }),
    projects: t.connection({
      type: Project,
      description: 'The projects of this customer that the caller can see. Several customers\' projects are fetched in one call.',
      args: {
        filter: t.arg({ type: ProjectFilter, description: 'Filters; the `customers` filter is always this customer.' }),
        orderBy: t.arg({ type: [ProjectOrder], description: 'Sort order (Waldur `o`).' }),
      },
      resolve: resolve.customerProjects,
    }, ProjectConnection),
    resources: t.connection({
      type: Resource,
      description: 'The marketplace resources of this customer\'s projects.',
      args: {
        filter: t.arg({ type: ResourceFilter, description: 'Filters; the `customer` filter is always this customer.' }),
        orderBy: t.arg({ type: [ResourceOrder], description: 'Sort order (Waldur `o`).' }),
      },
      resolve: resolve.customerResources,
    }, ResourceConnection),
    orders: t.connection({
      type: Order,
      description: 'The orders placed in this customer\'s projects.',
      args: {
        filter: t.arg({ type: OrderFilter, description: 'Filters; the `customer` filter is always this customer.' }),
        orderBy: t.arg({ type: [OrderOrder], description: 'Sort order (Waldur `o`).' }),
      },
      resolve: resolve.customerOrders,
    }, OrderConnection),
  }),
});

builder.queryFields((t) => ({
  customers: t.connection({
    type: Customer,
    description: 'The customers (organizations) the caller can see.',
    args: {
      filter: t.arg({ type: CustomerFilter, description: 'Filters, mapped onto Waldur\'s customer filters.' }),
      orderBy: t.arg({ type: [CustomerOrder], description: 'Sort order (Waldur `o`); default by name.' }),
    },
    resolve: resolve.customers,
  }, CustomerConnection),
  customer: t.field({
    type: Customer,
    description: 'One customer by its Waldur uuid; null when it does not exist or the caller cannot see it.',
    args: { uuid: t.arg.string({ required: true, description: 'The customer UUID (hex, dashes optional).' }) },
    resolve: resolve.customer,
  }),
}));
