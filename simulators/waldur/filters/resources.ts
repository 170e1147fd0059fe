import type { Call } from '../api/call.ts';
import {
  absentRelationFilter, booleanFilter, choiceFilter, containsFilter, csvFilter, exactFilter, isTrue, sinceFilter, urlFilter,
  uuidFilter, uuidInFilter, type Filter,
} from '../api/filtering.ts';
import type { ListDefinition } from '../api/listing.ts';
import { normalizeUuid } from '../http/ids.ts';
import type { Resource } from '../model.ts';
import { ORDER_STATES, RESOURCE_STATE_CODES, RESOURCE_STATES } from '../vocabulary.ts';
import { resourceFields, runtimeStateOf } from '../serializers/resource.ts';
import { Scope } from '../api/scope.ts';

const offeringOf = (call: Call, r: Resource) => call.store.offerings.get(r.offeringUuid)!;
const projectOf = (call: Call, r: Resource) => call.store.projects.get(r.projectUuid)!;
const billing = (call: Call, r: Resource) => new Set(offeringOf(call, r).components.map((component) => component.billingType));

/** An exact resource uuid; otherwise name or slug contains, backend id or effective id equals (case-insensitive). */
const search: Filter<Resource> = (query) => {
  const text = query.last('query')?.trim();
  if (!text) return undefined;
  const uuid = normalizeUuid(text);
  const lower = text.toLowerCase();
  return (r) => r.uuid === uuid || [r.name, r.slug].some((field) => field.toLowerCase().includes(lower))
    || [r.backendId, r.effectiveId].some((field) => field !== '' && field.toLowerCase() === lower);
};

/** `visible_to_username=`: what that user sees as a consumer (`filter_for_service_consumer`); an unknown name sees nothing. */
const visibleToUsername: Filter<Resource> = (query, _errors, call) => {
  const username = query.last('visible_to_username');
  if (!username) return undefined;
  const user = [...call.store.users.values()].find((candidate) => candidate.username === username);
  if (!user) return 'none';
  const scope = new Scope(call.store, user);
  return (r) => scope.canSeeResource(r);
};

/** `visible_to_providers=true` hides Creating resources whose order still waits on the consumer side or a start date. */
const visibleToProviders: Filter<Resource> = (query, _errors, call) => {
  if (!isTrue(query, 'visible_to_providers')) return undefined;
  const early = new Set(['pending-consumer', 'pending-project', 'pending-start-date']);
  return (r) => !(r.state === 'Creating' && call.store.ordersOf(r.uuid).some((order) => early.has(order.state)));
};

/** A NumberFilter (`component_count=3`): a value that is not a number is a 400. */
const countFilter = (name: string, count: (r: Resource, call: Call) => number): Filter<Resource> => (query, errors, call) => {
  const raw = query.last(name);
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) return void (errors[name] ??= []).push('Enter a number.');
  return (r) => count(r, call) === value;
};

/** `order_state=` (repeat): resources with at least one order in one of the states. */
const orderState: Filter<Resource> = (query, errors, call) => {
  const byState = choiceFilter<{ state: string }>('order_state', ORDER_STATES, (o) => o.state)(query, errors, call);
  if (typeof byState !== 'function') return byState;
  return (r) => call.store.ordersOf(r.uuid).some(byState);
};

export const resourceList: ListDefinition<Resource> = {
  filters: [
    uuidInFilter('offering_uuid', (r) => r.offeringUuid),
    uuidFilter('project_uuid', (r) => r.projectUuid),
    uuidFilter('customer_uuid', (r, call) => projectOf(call, r).customerUuid),
    uuidFilter('provider_uuid', (r, call) => offeringOf(call, r).customerUuid),
    uuidFilter('category_uuid', (r, call) => offeringOf(call, r).categoryUuid),
    uuidFilter('plan_uuid', (r) => r.planUuid),
    // No simulated user is a service manager, so a valid uuid matches nothing (as for a real user who manages nothing).
    absentRelationFilter('service_manager_uuid'),
    absentRelationFilter('parent_offering_uuid'),
    urlFilter('customer', (r, call) => projectOf(call, r).customerUuid),
    urlFilter('offering', (r) => r.offeringUuid),
    // Resources carry no backend scope object, so a scope URL never matches.
    urlFilter('scope', () => null),
    csvFilter('offering_slug', (r, call) => offeringOf(call, r).slug),
    exactFilter('offering_type', (r, call) => offeringOf(call, r).type),
    booleanFilter('offering_shared', (r, call) => offeringOf(call, r).shared),
    booleanFilter('offering_billable', (r, call) => offeringOf(call, r).billable),
    choiceFilter('state', RESOURCE_STATES, (r) => r.state),
    orderState,
    containsFilter('name', (r) => r.name),
    exactFilter('name_exact', (r) => r.name),
    exactFilter('backend_id', (r) => r.backendId),
    containsFilter('project_name', (r, call) => projectOf(call, r).name),
    exactFilter('runtime_state', (r, call) => runtimeStateOf(call, r)),
    booleanFilter('paused', (r) => r.paused),
    booleanFilter('downscaled', (r) => r.downscaled),
    booleanFilter('restrict_member_access', (r) => r.restrictMemberAccess),
    booleanFilter('usage_based', (r, call) => billing(call, r).has('usage')),
    booleanFilter('limit_based', (r, call) => billing(call, r).has('limit')),
    booleanFilter('only_usage_based', (r, call) => billing(call, r).has('usage') && !billing(call, r).has('limit')),
    booleanFilter('only_limit_based', (r, call) => billing(call, r).has('limit') && !billing(call, r).has('usage')),
    booleanFilter('has_terminate_date', (r) => r.endDate !== null),
    countFilter('component_count', (r, call) => offeringOf(call, r).components.length),
    countFilter('limit_component_count', (r, call) => offeringOf(call, r).components.filter((c) => c.billingType === 'limit').length),
    // No simulated backend reports an instance_name, and no offering has a `heappe_url` plugin option.
    booleanFilter('is_attached', () => false),
    booleanFilter('lexis_links_supported', () => false),
    visibleToProviders,
    visibleToUsername,
    sinceFilter('created', (r) => r.created),
    sinceFilter('modified', (r) => r.modified),
    search,
  ],
  sortKeys: {
    created: (r) => r.created,
    end_date: (r) => r.endDate,
    name: (r) => r.name,
    project_name: (r, call) => projectOf(call, r).name,
    state: (r) => RESOURCE_STATE_CODES[r.state],
  },
  defaultOrder: ['created'],
  spec: resourceFields,
};
