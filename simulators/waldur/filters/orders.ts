import type { Call } from '../api/call.ts';
import {
  absentRelationFilter, anyOfFilter, choiceFilter, containsFilter, csvFilter, isTrue, sinceFilter, urlFilter, uuidCheckOnly, uuidFilter,
  type Filter,
} from '../api/filtering.ts';
import type { ListDefinition } from '../api/listing.ts';
import { normalizeUuid } from '../http/ids.ts';
import type { Order } from '../model.ts';
import { ORDER_STATE_CODES, ORDER_STATES, ORDER_TYPES } from '../vocabulary.ts';
import { ORDER_EXTRA_FIELD_NAMES, orderFields } from '../serializers/order.ts';

const offeringOf = (call: Call, o: Order) => call.store.offerings.get(o.offeringUuid)!;
const projectOf = (call: Call, o: Order) => call.store.projects.get(o.projectUuid)!;

/** An exact order uuid wins; otherwise the project name or the requested resource name. */
const search: Filter<Order> = (query, _errors, call) => {
  const text = query.last('query')?.trim();
  if (!text) return undefined;
  const uuid = normalizeUuid(text);
  if (uuid && call.store.orders.has(uuid)) return (o) => o.uuid === uuid;
  const lower = text.toLowerCase();
  return (o) => projectOf(call, o).name.toLowerCase().includes(lower) || String(o.attributes.name ?? '').toLowerCase().includes(lower);
};

/** `can_approve_as_consumer=true` also narrows to pending-consumer (and likewise for providers). */
const canApprove = (name: string, state: Order['state'], allowed: (call: Call, o: Order) => boolean): Filter<Order> =>
  (query, _errors, call) => (isTrue(query, name) ? (o) => o.state === state && allowed(call, o) : undefined);

export const orderList: ListDefinition<Order> = {
  filters: [
    uuidFilter('project_uuid', (o) => o.projectUuid),
    uuidFilter('customer_uuid', (o, call) => projectOf(call, o).customerUuid),
    uuidFilter('offering_uuid', (o) => o.offeringUuid),
    uuidFilter('provider_uuid', (o, call) => offeringOf(call, o).customerUuid),
    uuidFilter('category_uuid', (o, call) => offeringOf(call, o).categoryUuid),
    uuidFilter('resource_uuid', (o) => o.resourceUuid),
    uuidCheckOnly('service_manager_uuid'),
    absentRelationFilter('parent_offering_uuid'),
    urlFilter('offering', (o) => o.offeringUuid),
    urlFilter('resource', (o) => o.resourceUuid),
    containsFilter('resource_name', (o, call) => call.store.resources.get(o.resourceUuid)?.name ?? ''),
    csvFilter('offering_slug', (o, call) => offeringOf(call, o).slug),
    anyOfFilter('offering_type', (o, call) => offeringOf(call, o).type),
    choiceFilter('state', ORDER_STATES, (o) => o.state),
    choiceFilter('type', ORDER_TYPES, (o) => o.type),
    canApprove('can_approve_as_consumer', 'pending-consumer', (call, o) => call.scope.canApproveOrdersIn(projectOf(call, o))),
    canApprove('can_approve_as_provider', 'pending-provider', (call, o) => call.scope.isStaff || call.scope.isProviderOwner(offeringOf(call, o))),
    sinceFilter('created', (o) => o.created),
    sinceFilter('modified', (o) => o.modified),
    search,
  ],
  sortKeys: {
    created: (o) => o.created,
    consumer_reviewed_at: (o) => o.consumerReviewedAt,
    cost: (o) => (o.cost === null ? null : Number(o.cost)),
    state: (o) => ORDER_STATE_CODES[o.state],
  },
  defaultOrder: ['created'],
  spec: orderFields,
  extraFieldNames: ORDER_EXTRA_FIELD_NAMES,
};
