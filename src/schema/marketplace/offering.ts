import type { PublicOffering } from '../../upstream/waldur/types.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import { enumOut, OFFERING_STATES } from '../../resolvers/marketplace/enums.ts';
import * as resolve from '../../resolvers/marketplace/offering.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { connectionOf } from '../connection.ts';
import { uuidNodeId } from '../node.ts';
import { Customer } from './customer.ts';
import { OfferingState, orderEnum } from './enums.ts';
import { OfferingComponent } from './offering-component.ts';
import { Plan } from './plan.ts';
import { link, reads, UUID_DESCRIPTION } from './reads.ts';
import { Resource, ResourceConnection, ResourceFilter, ResourceOrder } from './resource.ts';

/** A public marketplace offering, as much of it as the operation asked for. */
export const Offering = builder.objectRef<Row<PublicOffering>>('Offering');
export const OfferingConnection = connectionOf(Offering, 'Offering', 'offerings');

export const OfferingOrder = orderEnum('OfferingOrder', 'Sort orders for offerings (Waldur `o`).', {
  NAME: ['name', 'name'], CREATED: ['created', 'creation time'], TYPE: ['type', 'type'], STATE: ['state', 'state'],
  TOTAL_CUSTOMERS: ['total_customers', 'number of customers (not for anonymous callers)'],
  TOTAL_COST: ['total_cost', 'total cost (not for anonymous callers)'],
});

export const OfferingFilter = builder.inputType('OfferingFilter', {
  description: 'Filters for offerings; each maps onto a Waldur `/api/marketplace-public-offerings/` filter.',
  fields: (t) => ({
    uuids: t.stringList({ description: 'Only these offerings (uuids; one comma-separated `uuid_list`).' }),
    customer: t.string({ description: 'Only offerings of this service provider\'s customer (uuid; `customer_uuid`).' }),
    allowedCustomer: t.string({ description: 'Only offerings this customer may order (uuid; `allowed_customer_uuid`).' }),
    project: t.string({ description: 'Only offerings orderable in this project (uuid; `project_uuid`).' }),
    resourceProject: t.string({ description: 'Only offerings with resources in this project (uuid; `resource_project_uuid`).' }),
    category: t.string({ description: 'Only offerings in this category (uuid; `category_uuid`).' }),
    parent: t.string({ description: 'Only children of this offering (uuid; `parent_uuid`).' }),
    state: t.field({ type: [OfferingState], description: 'Only offerings in these states (repeated `state`).' }),
    type: t.stringList({ description: 'Only these plugin types, e.g. `Marketplace.Basic` (repeated `type`).' }),
    shared: t.boolean({ description: 'Shared (public) offerings only, or private only (`shared`).' }),
    billable: t.boolean({ description: 'Billable offerings only, or free only (`billable`).' }),
    name: t.string({ description: 'Name contains (`name`).' }),
    nameExact: t.string({ description: 'Name equals (`name_exact`).' }),
    keyword: t.string({ description: 'Keyword search over name, description and provider (`keyword`).' }),
    query: t.string({ description: 'Free-text search (`query`).' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after this time (`created`).' }),
    modifiedAfter: t.field({ type: 'DateTime', description: 'Modified at or after this time (`modified`).' }),
  }),
});

builder.node(Offering, {
  description: 'A marketplace offering: a service a provider sells, with plans and components.',
  id: uuidNodeId('Offering'),
  loadWithoutCache: (uuid, ctx, info) => resolve.loadOffering(ctx, info, uuid),
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: UUID_DESCRIPTION, extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'Offering') }),
    name: t.exposeString('name', { description: 'The offering name.', extensions: reads('name') }),
    slug: t.exposeString('slug', { description: 'A URL-friendly short name.', extensions: reads('slug') }),
    description: t.exposeString('description', { description: 'A short description.', extensions: reads('description') }),
    fullDescription: t.exposeString('full_description', { description: 'The long description (HTML).', extensions: reads('full_description') }),
    type: t.exposeString('type', { description: 'The plugin type, e.g. `Marketplace.Basic` or `Marketplace.Slurm`.', extensions: reads('type') }),
    state: t.field({ type: OfferingState, description: 'Whether it can be ordered.', extensions: reads('state'), resolve: (o, _a, ctx) => enumOut(ctx, 'OfferingState', OFFERING_STATES, o.state) }),
    shared: t.exposeBoolean('shared', { description: 'Whether every customer may order it.', extensions: reads('shared') }),
    billable: t.exposeBoolean('billable', { description: 'Whether its resources are billed.', extensions: reads('billable') }),
    categoryUuid: t.exposeString('category_uuid', { description: 'The uuid of its marketplace category.', extensions: reads('category_uuid') }),
    categoryTitle: t.exposeString('category_title', { description: 'The title of its marketplace category.', extensions: reads('category_title') }),
    created: t.expose('created', { type: 'DateTime', description: 'When the offering was created.', extensions: reads('created') }),
    attributes: t.expose('attributes', { type: 'JSON', description: 'Provider-defined attributes.', extensions: reads('attributes') }),
    options: t.expose('options', { type: 'JSON', description: 'The options an order may set (a form definition).', extensions: reads('options') }),
    customer: t.field({
      type: Customer, description: 'The service provider\'s customer (organization).',
      extensions: link({ uuid: 'customer_uuid', name: 'customer_name' }), resolve: resolve.offeringCustomer,
    }),
    plans: t.field({
      type: [Plan], description: 'The plans it can be ordered with.', extensions: reads('plans'), resolve: resolve.offeringPlans,
    }),
    components: t.field({
      type: [OfferingComponent], description: 'The billable or limitable components, e.g. cpu, ram, storage.', extensions: reads('components'),
      resolve: (o) => o.components ?? [],
    }),
    resources: t.connection({
      type: Resource,
      description: 'The caller-visible resources of this offering. Several offerings\' resources are fetched in one call.',
      args: {
        filter: t.arg({ type: ResourceFilter, description: 'Filters; `offerings` is always this offering.' }),
        orderBy: t.arg({ type: [ResourceOrder], description: 'Sort order (Waldur `o`); default newest first.' }),
      },
      resolve: resolve.offeringResources,
    }, ResourceConnection),
  }),
});

builder.queryFields((t) => ({
  offerings: t.connection({
    type: Offering,
    description: 'The public offerings the caller may see and order.',
    args: {
      filter: t.arg({ type: OfferingFilter, description: 'Filters, mapped onto Waldur\'s offering filters.' }),
      orderBy: t.arg({ type: [OfferingOrder], description: 'Sort order (Waldur `o`); default by name.' }),
    },
    resolve: resolve.offerings,
  }, OfferingConnection),
  offering: t.field({
    type: Offering,
    description: 'One offering by its Waldur uuid; null when it does not exist or the caller cannot see it.',
    args: { uuid: t.arg.string({ required: true, description: 'The offering UUID (hex, dashes optional).' }) },
    resolve: resolve.offering,
  }),
}));
