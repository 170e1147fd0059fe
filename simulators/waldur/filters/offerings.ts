import type { FieldErrors } from '../http/errors.ts';
import {
  anyOfFilter, booleanFilter, choiceFilter, containsFilter, exactFilter, sinceFilter, urlFilter, uuidCheckOnly, uuidFilter, type Filter,
} from '../api/filtering.ts';
import type { ListDefinition } from '../api/listing.ts';
import { normalizeUuid } from '../http/ids.ts';
import type { Offering } from '../model.ts';
import { OFFERING_STATE_CODES, OFFERING_STATES } from '../vocabulary.ts';
import { OFFERING_EXTRA_FIELD_NAMES, offeringFields, offeringTotals } from '../serializers/offering.ts';

const addError = (errors: FieldErrors, name: string, message: string) => (errors[name] ??= []).push(message);

/** `uuid_list=a,b,c`: the only many-by-uuid filter in the subset; blanks are stripped. */
const uuidList: Filter<Offering> = (query, errors) => {
  const items = (query.last('uuid_list') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (items.length === 0) return undefined;
  const uuids = items.map(normalizeUuid);
  if (uuids.some((uuid) => uuid === null)) return void addError(errors, 'uuid_list', 'Enter a valid UUID.');
  const wanted = new Set(uuids);
  return (o) => wanted.has(o.uuid);
};

const attributes: Filter<Offering> = (query, errors) => {
  const raw = query.last('attributes');
  if (!raw) return undefined;
  try {
    const wanted = JSON.parse(raw) as unknown;
    if (typeof wanted !== 'object' || wanted === null || Array.isArray(wanted)) throw new Error('not an object');
    return (o) => Object.entries(wanted).every(([key, value]) => JSON.stringify(o.attributes[key]) === JSON.stringify(value));
  } catch {
    return void addError(errors, 'attributes', 'Value must be valid JSON.');
  }
};

const search: Filter<Offering> = (query) => {
  const text = query.last('query')?.trim().toLowerCase();
  if (!text) return undefined;
  const uuid = normalizeUuid(text);
  return (o) => o.uuid === uuid || o.name.toLowerCase().includes(text) || o.description.toLowerCase().includes(text);
};

/** Filters on relations the simulator does not model (parents, tags, groups): a valid value matches nothing. */
const matchesNothingWhenSet = (name: string, validateUuid: boolean): Filter<Offering> => (query, errors) => {
  const values = query.all(name).filter(Boolean);
  if (values.length === 0) return undefined;
  if (validateUuid && values.some((value) => !normalizeUuid(value))) return void addError(errors, name, 'Enter a valid UUID.');
  return 'none';
};

/** Offerings that have resources in the given project or customer. */
const withResourcesIn = (name: string, key: 'projectUuid' | 'customerUuid'): Filter<Offering> => (query, errors, call) => {
  const raw = query.last(name);
  if (!raw) return undefined;
  const uuid = normalizeUuid(raw);
  if (!uuid) return void addError(errors, name, 'Enter a valid UUID.');
  const offerings = new Set<string>();
  for (const resource of call.store.resources.values()) {
    const project = call.store.projects.get(resource.projectUuid);
    if ((key === 'projectUuid' ? resource.projectUuid : project?.customerUuid) === uuid) offerings.add(resource.offeringUuid);
  }
  return (o) => offerings.has(o.uuid);
};

export const offeringList: ListDefinition<Offering> = {
  filters: [
    uuidList,
    urlFilter('customer', (o) => o.customerUuid),
    uuidFilter('customer_uuid', (o) => o.customerUuid),
    uuidFilter('category_uuid', (o) => o.categoryUuid),
    choiceFilter('state', OFFERING_STATES, (o) => o.state),
    anyOfFilter('type', (o) => o.type),
    booleanFilter('billable', (o) => o.billable),
    booleanFilter('shared', (o) => o.shared),
    containsFilter('name', (o) => o.name),
    exactFilter('name_exact', (o) => o.name),
    containsFilter('description', (o) => o.description),
    containsFilter('keyword', (o) => `${o.name} ${o.description}`),
    sinceFilter('created', (o) => o.created),
    sinceFilter('modified', (o) => o.created),
    withResourcesIn('resource_project_uuid', 'projectUuid'),
    withResourcesIn('resource_customer_uuid', 'customerUuid'),
    attributes,
    search,
    // Every simulated offering is shared, so the caller's customer and project do not narrow the list.
    ...['allowed_customer_uuid', 'project_uuid'].map((name) => uuidCheckOnly<Offering>(name)),
    ...['parent_uuid', 'organization_group_uuid', 'service_manager_uuid', 'category_group_uuid'].map((name) => matchesNothingWhenSet(name, true)),
    ...['tag', 'tag_name', 'tags_and', 'tag_names_and', 'scope_uuid'].map((name) => matchesNothingWhenSet(name, false)),
  ],
  sortKeys: {
    name: (o) => o.name,
    created: (o) => o.created,
    type: (o) => o.type,
    state: (o) => OFFERING_STATE_CODES[o.state],
    total_customers: (o, call) => offeringTotals(call).get(o.uuid)?.customers ?? 0,
    total_cost: (o, call) => offeringTotals(call).get(o.uuid)?.cost ?? 0,
    total_cost_estimated: (o, call) => offeringTotals(call).get(o.uuid)?.cost ?? 0,
  },
  defaultOrder: ['name'],
  spec: offeringFields,
  extraFieldNames: OFFERING_EXTRA_FIELD_NAMES,
};
