import type { Resource as WaldurResource } from '../../upstream/waldur/types.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import { enumOut, RESOURCE_STATES } from '../../resolvers/marketplace/enums.ts';
import * as resolve from '../../resolvers/marketplace/resource.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { connectionOf } from '../connection.ts';
import { uuidNodeId } from '../node.ts';
import { Customer } from './customer.ts';
import { OrderState, ResourceState, orderEnum } from './enums.ts';
import { Offering } from './offering.ts';
import { Order, OrderConnection, OrderFilter, OrderOrder } from './order.ts';
import { Plan } from './plan.ts';
import { Project } from './project.ts';
import { alwaysLink, link, reads, UUID_DESCRIPTION } from './reads.ts';

/** A marketplace resource, as much of it as the operation asked for. */
export const Resource = builder.objectRef<Row<WaldurResource>>('Resource');
export const ResourceConnection = connectionOf(Resource, 'Resource', 'resources');

export const ResourceOrder = orderEnum('ResourceOrder', 'Sort orders for resources (Waldur `o`).', {
  CREATED: ['created', 'creation time'], NAME: ['name', 'name'], PROJECT_NAME: ['project_name', 'project name'],
  STATE: ['state', 'state'], END_DATE: ['end_date', 'end date'],
});

export const ResourceFilter = builder.inputType('ResourceFilter', {
  description: 'Filters for resources; each maps onto a Waldur `/api/marketplace-resources/` filter.',
  fields: (t) => ({
    project: t.string({ description: 'Only resources of this project (uuid; `project_uuid`).' }),
    customer: t.string({ description: 'Only resources of this customer (uuid; `customer_uuid`).' }),
    offerings: t.stringList({ description: 'Only resources of these offerings (uuids; one comma-separated `offering_uuid`).' }),
    provider: t.string({ description: 'Only resources of this service provider\'s customer (uuid; `provider_uuid`).' }),
    category: t.string({ description: 'Only resources in this category (uuid; `category_uuid`).' }),
    plan: t.string({ description: 'Only resources on this plan (uuid; `plan_uuid`).' }),
    offeringType: t.string({ description: 'Only resources of this offering type, e.g. `Marketplace.Basic` (`offering_type`).' }),
    state: t.field({ type: [ResourceState], description: 'Only resources in these states (repeated `state`).' }),
    orderState: t.field({ type: [OrderState], description: 'Only resources with an order in these states (repeated `order_state`).' }),
    name: t.string({ description: 'Name contains (`name`).' }),
    nameExact: t.string({ description: 'Name equals (`name_exact`).' }),
    query: t.string({ description: 'An exact resource uuid; otherwise name or slug contains, backend id or effective id equals, or an IP address or hypervisor contains (`query`).' }),
    backendId: t.string({ description: 'Backend id equals (`backend_id`).' }),
    projectName: t.string({ description: 'Project name contains (`project_name`).' }),
    paused: t.boolean({ description: 'Paused resources only, or none (`paused`).' }),
    downscaled: t.boolean({ description: 'Downscaled resources only, or none (`downscaled`).' }),
    usageBased: t.boolean({ description: 'Resources of usage-based offerings (`usage_based`).' }),
    limitBased: t.boolean({ description: 'Resources of limit-based offerings (`limit_based`).' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after this time (`created`).' }),
    modifiedAfter: t.field({ type: 'DateTime', description: 'Modified at or after this time (`modified`).' }),
    runtimeState: t.string({ description: 'The backend\'s runtime state equals, e.g. `online` (`runtime_state`; see `Resource.runtimeState`).' }),
    restrictMemberAccess: t.boolean({ description: 'Resources that keep plain project members out, or the others (`restrict_member_access`).' }),
    visibleToProviders: t.boolean({ description: 'true: leave out resources a provider cannot see yet, i.e. Creating with an order still pending consumer review, the project start or the order start date (`visible_to_providers`).' }),
    visibleToUsername: t.string({ description: 'Only resources the user with this username can see as a consumer; none for an unknown username (`visible_to_username`).' }),
    serviceManager: t.string({ description: 'Only resources of offerings this user (uuid) manages as a service manager (`service_manager_uuid`).' }),
    parentOffering: t.string({ description: 'Only resources of child offerings of this offering (uuid; `parent_offering_uuid`).' }),
    offeringSlugs: t.stringList({ description: 'Only resources of offerings with these slugs (one comma-separated `offering_slug`).' }),
    offeringShared: t.boolean({ description: 'Resources of shared (public) offerings, or of private ones (`offering_shared`).' }),
    offeringBillable: t.boolean({ description: 'Resources of billable offerings, or of free ones (`offering_billable`).' }),
    onlyUsageBased: t.boolean({ description: 'Resources whose offering bills only by usage, or the others (`only_usage_based`).' }),
    onlyLimitBased: t.boolean({ description: 'Resources whose offering bills only by limits, or the others (`only_limit_based`).' }),
    componentCount: t.int({ description: 'Resources whose offering has exactly this many components (`component_count`).' }),
    limitComponentCount: t.int({ description: 'Resources whose offering has exactly this many limit-billed components (`limit_component_count`).' }),
    hasTerminateDate: t.boolean({ description: 'Resources with an end date set, or without (`has_terminate_date`).' }),
    isAttached: t.boolean({ description: 'Resources whose backend reports the instance they are attached to, or the others (`is_attached`).' }),
    lexisLinksSupported: t.boolean({ description: 'Resources of offerings that support LEXIS links, or the others (`lexis_links_supported`).' }),
  }),
});

builder.node(Resource, {
  description: 'A marketplace resource: what an order for an offering created in a project.',
  id: uuidNodeId('Resource'),
  loadWithoutCache: (uuid, ctx, info) => resolve.loadResource(ctx, info, uuid),
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: UUID_DESCRIPTION, extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'Resource') }),
    name: t.exposeString('name', { description: 'The resource name.', extensions: reads('name') }),
    slug: t.exposeString('slug', { description: 'A URL-friendly short name.', extensions: reads('slug') }),
    description: t.exposeString('description', { description: 'Free-text description.', extensions: reads('description') }),
    state: t.field({ type: ResourceState, description: 'The provisioning state.', extensions: reads('state'), resolve: (r, _a, ctx) => enumOut(ctx, 'ResourceState', RESOURCE_STATES, r.state) }),
    created: t.expose('created', { type: 'DateTime', description: 'When the resource was created.', extensions: reads('created') }),
    modified: t.expose('modified', { type: 'DateTime', description: 'When the resource last changed.', extensions: reads('modified') }),
    backendId: t.exposeString('backend_id', { description: 'The provider\'s id for it; Junction links it to an orchestration allocation.', extensions: reads('backend_id') }),
    effectiveId: t.exposeString('effective_id', { description: 'An alternative backend id set by the provider.', extensions: reads('effective_id') }),
    attributes: t.expose('attributes', { type: 'JSON', description: 'The attributes it was ordered with.', extensions: reads('attributes') }),
    limits: t.expose('limits', { type: 'JSON', description: 'Limits per offering component.', extensions: reads('limits') }),
    currentUsages: t.expose('current_usages', { type: 'JSON', description: 'Current usage per offering component.', extensions: reads('current_usages') }),
    options: t.expose('options', { type: 'JSON', description: 'Resource options.', extensions: reads('options') }),
    endDate: t.expose('end_date', { type: 'DateTime', description: 'When it will be terminated, if scheduled.', extensions: reads('end_date') }),
    canTerminate: t.exposeBoolean('can_terminate', { description: 'Whether the caller may terminate it now.', extensions: reads('can_terminate') }),
    availableActions: t.exposeStringList('available_actions', { description: 'The actions Waldur allows on it now.', extensions: reads('available_actions') }),
    errorMessage: t.exposeString('error_message', { description: 'Why the last operation failed.', extensions: reads('error_message') }),
    paused: t.exposeBoolean('paused', { description: 'Whether it is paused.', extensions: reads('paused') }),
    downscaled: t.exposeBoolean('downscaled', { description: 'Whether it is downscaled.', extensions: reads('downscaled') }),
    lastSync: t.expose('last_sync', { type: 'DateTime', description: 'When it was last synchronised with the backend.', extensions: reads('last_sync') }),
    project: t.field({
      type: Project, description: 'The project it belongs to (uuid/name/description come from the resource itself).',
      extensions: alwaysLink({ uuid: 'project_uuid', name: 'project_name', description: 'project_description', end_date: 'project_end_date', end_date_requested_by: 'project_end_date_requested_by', customer_uuid: 'customer_uuid', customer_name: 'customer_name' }),
      resolve: resolve.resourceProject,
    }),
    customer: t.field({
      type: Customer, description: 'The customer of its project (uuid/name come from the resource itself).',
      extensions: alwaysLink({ uuid: 'customer_uuid', name: 'customer_name' }), resolve: resolve.resourceCustomer,
    }),
    offering: t.field({
      type: Offering, description: 'The offering it was ordered from (uuid/name/type/state/description come from the resource itself).',
      extensions: alwaysLink({ uuid: 'offering_uuid', name: 'offering_name', type: 'offering_type', state: 'offering_state', description: 'offering_description', shared: 'offering_shared', billable: 'offering_billable', customer_uuid: 'provider_uuid', customer_name: 'provider_name' }),
      resolve: resolve.resourceOffering,
    }),
    plan: t.field({
      type: Plan, description: 'Its current plan (uuid/name/unit come from the resource itself; more is read from the offering).',
      extensions: link({ uuid: 'plan_uuid', name: 'plan_name', unit: 'plan_unit', description: 'plan_description', offering_uuid: 'offering_uuid' }, { type: 'Offering', fields: ['plans'], by: 'offering_uuid' }),
      resolve: resolve.resourcePlan,
    }),
    creationOrder: t.field({
      type: Order, description: 'The order that created it (embedded in the resource: no extra request).', extensions: reads('creation_order'),
      resolve: (r) => r.creation_order ?? null,
    }),
    orderInProgress: t.field({
      type: Order, description: 'The order currently changing it, if any (embedded in the resource: no extra request).', extensions: reads('order_in_progress'),
      resolve: (r) => r.order_in_progress ?? null,
    }),
    orders: t.connection({
      type: Order,
      description: 'Every order of this resource.',
      args: {
        filter: t.arg({ type: OrderFilter, description: 'Filters; `resource` is always this resource.' }),
        orderBy: t.arg({ type: [OrderOrder], description: 'Sort order (Waldur `o`); default newest first.' }),
      },
      resolve: resolve.resourceOrders,
    }, OrderConnection),
  }),
});

builder.queryFields((t) => ({
  resources: t.connection({
    type: Resource,
    description: 'The marketplace resources the caller can see.',
    args: {
      filter: t.arg({ type: ResourceFilter, description: 'Filters, mapped onto Waldur\'s resource filters.' }),
      orderBy: t.arg({ type: [ResourceOrder], description: 'Sort order (Waldur `o`); default newest first.' }),
    },
    resolve: resolve.resources,
  }, ResourceConnection),
  resource: t.field({
    type: Resource,
    description: 'One resource by its Waldur uuid; null when it does not exist or the caller cannot see it.',
    args: { uuid: t.arg.string({ required: true, description: 'The resource UUID (hex, dashes optional).' }) },
    resolve: resolve.resource,
  }),
}));
