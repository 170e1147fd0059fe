import type { Order as WaldurOrder } from '../../upstream/waldur/types.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import { ORDER_STATES, ORDER_TYPES, enumOut } from '../../resolvers/marketplace/enums.ts';
import * as resolve from '../../resolvers/marketplace/order.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { connectionOf } from '../connection.ts';
import { uuidNodeId } from '../node.ts';
import { Customer } from './customer.ts';
import { OrderState, OrderType, orderEnum } from './enums.ts';
import { Offering } from './offering.ts';
import { Plan } from './plan.ts';
import { Project } from './project.ts';
import { alwaysLink, link, reads, UUID_DESCRIPTION } from './reads.ts';
import { Resource } from './resource.ts';

/** A marketplace order, as much of it as the operation asked for. */
export const Order = builder.objectRef<Row<WaldurOrder>>('Order');
export const OrderConnection = connectionOf(Order, 'Order', 'orders');

export const OrderOrder = orderEnum('OrderOrder', 'Sort orders for orders (Waldur `o`).', {
  CREATED: ['created', 'creation time'], CONSUMER_REVIEWED_AT: ['consumer_reviewed_at', 'consumer review time'],
  COST: ['cost', 'cost'], STATE: ['state', 'state'],
});

export const OrderFilter = builder.inputType('OrderFilter', {
  description: 'Filters for orders; each maps onto a Waldur `/api/marketplace-orders/` filter.',
  fields: (t) => ({
    project: t.string({ description: 'Only orders in this project (uuid; `project_uuid`).' }),
    customer: t.string({ description: 'Only orders of this customer (uuid; `customer_uuid`).' }),
    offering: t.string({ description: 'Only orders for this offering (uuid; `offering_uuid`).' }),
    provider: t.string({ description: 'Only orders to this service provider\'s customer (uuid; `provider_uuid`).' }),
    category: t.string({ description: 'Only orders in this category (uuid; `category_uuid`).' }),
    resource: t.string({ description: 'Only orders of this resource (uuid; `resource_uuid`).' }),
    resourceName: t.string({ description: 'Resource name contains (`resource_name`).' }),
    offeringType: t.stringList({ description: 'Only these offering types, e.g. `Marketplace.Basic` (repeated `offering_type`).' }),
    state: t.field({ type: [OrderState], description: 'Only orders in these states (repeated `state`).' }),
    type: t.field({ type: [OrderType], description: 'Only orders of these types (repeated `type`).' }),
    canApproveAsConsumer: t.boolean({ description: 'Only orders the caller can approve as consumer (`can_approve_as_consumer`).' }),
    canApproveAsProvider: t.boolean({ description: 'Only orders the caller can approve as provider (`can_approve_as_provider`).' }),
    query: t.string({ description: 'Exact order uuid, else project name or resource name (`query`).' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after this time (`created`).' }),
    modifiedAfter: t.field({ type: 'DateTime', description: 'Modified at or after this time (`modified`): poll for changes with it.' }),
  }),
});

builder.node(Order, {
  description: 'A marketplace order: a request to create, update, terminate or restore a resource, and its approval state.',
  id: uuidNodeId('Order'),
  loadWithoutCache: (uuid, ctx, info) => resolve.loadOrder(ctx, info, uuid),
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: UUID_DESCRIPTION, extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'Order') }),
    type: t.field({ type: OrderType, description: 'What the order does.', extensions: reads('type'), resolve: (o, _a, ctx) => enumOut(ctx, 'OrderType', ORDER_TYPES, o.type) }),
    state: t.field({ type: OrderState, description: 'Where the order is in its lifecycle.', extensions: reads('state'), resolve: (o, _a, ctx) => enumOut(ctx, 'OrderState', ORDER_STATES, o.state) }),
    created: t.expose('created', { type: 'DateTime', description: 'When the order was placed.', extensions: reads('created') }),
    modified: t.expose('modified', { type: 'DateTime', description: 'When the order last changed.', extensions: reads('modified') }),
    completedAt: t.expose('completed_at', { type: 'DateTime', description: 'When the order reached a terminal state.', extensions: reads('completed_at') }),
    startDate: t.expose('start_date', { type: 'DateTime', description: 'When the order should be carried out, if delayed.', extensions: reads('start_date') }),
    cost: t.field({ type: 'Decimal', description: 'The cost of the order.', extensions: reads('cost'), resolve: (o) => resolve.decimal(o.cost) }),
    attributes: t.expose('attributes', { type: 'JSON', description: 'Order attributes: the resource name and the offering\'s option values.', extensions: reads('attributes') }),
    limits: t.expose('limits', { type: 'JSON', description: 'Requested limits per offering component, e.g. `{"cpu": 4}`.', extensions: reads('limits') }),
    output: t.exposeString('output', { description: 'Output the provider wrote when executing it.', extensions: reads('output') }),
    errorMessage: t.exposeString('error_message', { description: 'Why the order erred.', extensions: reads('error_message') }),
    requestComment: t.exposeString('request_comment', { description: 'The comment given when the order was placed.', extensions: reads('request_comment') }),
    createdByUsername: t.exposeString('created_by_username', { description: 'Username of who placed the order.', extensions: reads('created_by_username') }),
    createdByFullName: t.exposeString('created_by_full_name', { description: 'Full name of who placed the order.', extensions: reads('created_by_full_name') }),
    consumerReviewedBy: t.exposeString('consumer_reviewed_by', { description: 'Username of the consumer-side reviewer.', extensions: reads('consumer_reviewed_by') }),
    consumerReviewedAt: t.expose('consumer_reviewed_at', { type: 'DateTime', description: 'When the consumer side reviewed it.', extensions: reads('consumer_reviewed_at') }),
    providerReviewedBy: t.exposeString('provider_reviewed_by', { description: 'Username of the provider-side reviewer.', extensions: reads('provider_reviewed_by') }),
    providerReviewedAt: t.expose('provider_reviewed_at', { type: 'DateTime', description: 'When the provider side reviewed it.', extensions: reads('provider_reviewed_at') }),
    canTerminate: t.exposeBoolean('can_terminate', { description: 'Whether the order can still be canceled.', extensions: reads('can_terminate') }),
    project: t.field({
      type: Project, description: 'The project the order was placed in (uuid/name/description come from the order itself).',
      extensions: alwaysLink({ uuid: 'project_uuid', name: 'project_name', description: 'project_description', customer_uuid: 'customer_uuid', customer_name: 'customer_name' }),
      resolve: resolve.orderProject,
    }),
    customer: t.field({
      type: Customer, description: 'The customer of the order\'s project (uuid/name come from the order itself).',
      extensions: alwaysLink({ uuid: 'customer_uuid', name: 'customer_name' }), resolve: resolve.orderCustomer,
    }),
    offering: t.field({
      type: Offering, description: 'The offering ordered (uuid/name/type/description come from the order itself).',
      extensions: alwaysLink({ uuid: 'offering_uuid', name: 'offering_name', type: 'offering_type', description: 'offering_description', customer_uuid: 'provider_uuid', customer_name: 'provider_name' }),
      resolve: resolve.orderOffering,
    }),
    plan: t.field({
      type: Plan, description: 'The plan ordered, if any (uuid/name/unit come from the order itself; more is read from the offering).',
      extensions: link({ uuid: 'plan_uuid', name: 'plan_name', unit: 'plan_unit', offering_uuid: 'offering_uuid' }, { type: 'Offering', fields: ['plans'], by: 'offering_uuid' }),
      resolve: resolve.orderPlan,
    }),
    resource: t.field({
      type: Resource, description: 'The marketplace resource the order creates or changes (uuid/name come from the order itself).',
      // Every order has one (waldur_mastermind/marketplace/models.py: `Order.resource` is a ForeignKey without null=True),
      // so `resource { name }` reads `resource_name` alone.
      extensions: alwaysLink({ uuid: 'marketplace_resource_uuid', name: 'resource_name', offering_uuid: 'offering_uuid', project_uuid: 'project_uuid' }),
      resolve: resolve.orderResource,
    }),
  }),
});

builder.queryFields((t) => ({
  orders: t.connection({
    type: Order,
    description: 'The orders the caller can see.',
    args: {
      filter: t.arg({ type: OrderFilter, description: 'Filters, mapped onto Waldur\'s order filters.' }),
      orderBy: t.arg({ type: [OrderOrder], description: 'Sort order (Waldur `o`); default newest first.' }),
    },
    resolve: resolve.orders,
  }, OrderConnection),
  order: t.field({
    type: Order,
    description: 'One order by its Waldur uuid; null when it does not exist or the caller cannot see it.',
    args: { uuid: t.arg.string({ required: true, description: 'The order UUID (hex, dashes optional).' }) },
    resolve: resolve.order,
  }),
}));
