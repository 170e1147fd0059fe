import type { Call } from '../api/call.ts';
import { serialize, type FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { Order, Resource, ResourceState } from '../model.ts';
import { OFFERING_TYPES, TERMINAL_ORDER_STATES } from '../vocabulary.ts';
import { dateTime } from './common.ts';
import { componentJson } from './offering.ts';
import { offeringDetailsFields } from './offering-details.ts';
import { resourceEndpoints } from './offering-extras.ts';
import { orderFields } from './order.ts';

const ACTIONS: Record<ResourceState, string[]> = {
  OK: ['terminate', 'update_limits', 'switch_plan', 'update_options', 'pull', 'renew', 'set_paused', 'set_downscaled'],
  Erred: ['terminate', 'pull'],
  Creating: ['pull'],
  Updating: ['pull'],
  Terminating: ['pull'],
  Terminated: ['restore'],
};

const projectOf = (call: Call, resource: Resource) => call.store.projects.get(resource.projectUuid)!;
const customerOf = (call: Call, resource: Resource) => call.store.customers.get(projectOf(call, resource).customerUuid)!;
const offeringOf = (call: Call, resource: Resource) => call.store.offerings.get(resource.offeringUuid)!;
const hasBilling = (call: Call, resource: Resource, type: string) =>
  offeringOf(call, resource).components.some((component) => component.billingType === type);
/** A game server is `online` while OK (its orchestration allocation runs); nothing else reports a runtime state. */
export const runtimeStateOf = (call: Call, resource: Resource) =>
  (resource.state === 'OK' && resource.backendId && offeringOf(call, resource).type === OFFERING_TYPES.gameServer ? 'online' : '');
/** Usage counted against each limit-billed component that has a limit. */
const limitUsage = (call: Call, resource: Resource) => Object.fromEntries(offeringOf(call, resource).components
  .filter((component) => component.billingType === 'limit' && component.type in resource.limits)
  .map((component) => [component.type, resource.currentUsages[component.type] ?? 0]));

/** The order currently running against the resource: the newest one not yet in a terminal state. */
export function orderInProgress(call: Call, resource: Resource): Order | undefined {
  const pending = call.store.ordersOf(resource.uuid).filter((order) => !TERMINAL_ORDER_STATES.has(order.state));
  return pending.at(-1);
}

const embeddedOrder = (call: Call, order: Order | undefined) => (order ? serialize(orderFields, order, call) : null);

/** `Resource` of OAS 8.0.5, in its property order. */
export const resourceFields: FieldSpec<Resource> = [
  ...offeringDetailsFields<Resource>(),
  ['uuid', (r) => r.uuid],
  ['created', (r) => dateTime(r.created)],
  ['modified', (r) => dateTime(r.modified)],
  ['url', (r, call) => links.resource(call.req.origin, r.uuid)],
  ['scope', () => null],
  ['description', (r) => r.description],
  ['state', (r) => r.state],
  ['resource_uuid', () => null],
  ['backend_id', (r) => r.backendId],
  ['effective_id', (r) => r.effectiveId],
  ['resource_type', () => null],
  ['project', (r, call) => links.project(call.req.origin, r.projectUuid)],
  ['project_uuid', (r) => r.projectUuid],
  ['project_name', (r, call) => projectOf(call, r).name],
  ['project_description', (r, call) => projectOf(call, r).description],
  ['project_end_date', (r, call) => projectOf(call, r).endDate],
  ['project_end_date_requested_by', () => null],
  ['customer_uuid', (r, call) => customerOf(call, r).uuid],
  ['customer_name', (r, call) => customerOf(call, r).name],
  ['offering_slug', (r, call) => offeringOf(call, r).slug],
  ['parent_offering_uuid', () => null],
  ['parent_offering_name', () => null],
  ['parent_offering_slug', () => null],
  ['offering_backend_id', () => ''],
  ['parent_uuid', () => null],
  ['parent_name', () => null],
  ['backend_metadata', (r, call) => ({ state: r.state, runtime_state: runtimeStateOf(call, r), action: '', instance_name: null })],
  ['is_usage_based', (r, call) => hasBilling(call, r, 'usage')],
  ['is_limit_based', (r, call) => hasBilling(call, r, 'limit')],
  ['name', (r) => r.name],
  ['slug', (r) => r.slug],
  ['current_usages', (r) => r.currentUsages],
  ['can_terminate', (r, call) => (r.state === 'OK' || r.state === 'Erred') && !orderInProgress(call, r)],
  ['report', () => []],
  ['end_date', (r) => r.endDate],
  ['end_date_requested_by', (r, call) => (r.endDateRequestedByUuid ? links.user(call.req.origin, r.endDateRequestedByUuid) : null)],
  ['username', () => null],
  ['limit_usage', (r, call) => limitUsage(call, r)],
  ['downscaled', (r) => r.downscaled],
  ['restrict_member_access', (r) => r.restrictMemberAccess],
  ['paused', (r) => r.paused],
  ['endpoints', (r, call) => resourceEndpoints(call, r, offeringOf(call, r))],
  ['error_message', (r) => r.errorMessage],
  ['error_traceback', (r) => r.errorTraceback],
  ['options', (r) => r.options],
  ['available_actions', (r) => ACTIONS[r.state]],
  ['last_sync', (r) => dateTime(r.lastSync)],
  ['order_in_progress', (r, call) => embeddedOrder(call, orderInProgress(call, r))],
  ['creation_order', (r, call) => embeddedOrder(call, r.creationOrderUuid ? call.store.orders.get(r.creationOrderUuid) : undefined)],
  ['service_settings_uuid', () => null],
  ['project_slug', (r, call) => projectOf(call, r).slug],
  ['customer_slug', (r, call) => customerOf(call, r).slug],
  ['user_requires_reconsent', () => false],
  ['renewal_date', () => null],
  ['offering_state', (r, call) => offeringOf(call, r).state],
  ['offering_components', (r, call) => offeringOf(call, r).components.map(componentJson)],
];
