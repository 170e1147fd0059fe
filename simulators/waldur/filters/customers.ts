import type { Call } from '../api/call.ts';
import {
  booleanFilter, containsFilter, exactFilter, uuidFilter, type Filter,
} from '../api/filtering.ts';
import type { ListDefinition } from '../api/listing.ts';
import { normalizeUuid } from '../http/ids.ts';
import type { Customer } from '../model.ts';
import { customerFields } from '../serializers/customer.ts';

/** Whether the user holds any role in the customer (owner, or a role in one of its projects). */
export function userConnectedToCustomer(call: Call, userUuid: string, customer: Customer): boolean {
  if (customer.ownerUuids.has(userUuid)) return true;
  return call.store.projectsOf(customer.uuid).some((project) =>
    call.store.rolesInProject(project.uuid).some((role) => role.userUuid === userUuid));
}

/** GenericUserFilter: an invalid or unknown user uuid gives an empty list, not a 400. */
const userUuid: Filter<Customer> = (query, _errors, call) => {
  const raw = query.last('user_uuid');
  if (!raw) return undefined;
  const uuid = normalizeUuid(raw);
  if (!uuid) return 'none';
  return (customer) => userConnectedToCustomer(call, uuid, customer);
};

const search: Filter<Customer> = (query) => {
  const text = query.last('query')?.trim().toLowerCase();
  if (!text) return undefined;
  const uuid = normalizeUuid(text);
  return (c) => c.uuid === uuid || [c.name, c.nativeName, c.abbreviation, c.domain, c.registrationCode]
    .some((field) => field.toLowerCase().includes(text));
};

/** Organization groups are not simulated: asking for any group matches no customer. */
const organizationGroup: Filter<Customer> = (query) => (query.all('organization_group_uuid').some(Boolean) ? 'none' : undefined);

export const customerList: ListDefinition<Customer> = {
  filters: [
    containsFilter('name', (c) => c.name),
    exactFilter('name_exact', (c) => c.name),
    containsFilter('native_name', (c) => c.nativeName),
    containsFilter('abbreviation', (c) => c.abbreviation),
    containsFilter('contact_details', (c) => c.contactDetails),
    containsFilter('registration_code', (c) => c.registrationCode),
    containsFilter('agreement_number', (c) => c.agreementNumber),
    exactFilter('backend_id', (c) => c.backendId),
    exactFilter('slug', (c) => c.slug),
    booleanFilter('archived', (c) => c.archived),
    booleanFilter('is_service_provider', (c) => c.isServiceProvider),
    booleanFilter('owned_by_current_user', (c, call) => call.scope.ownsCustomer(c.uuid)),
    booleanFilter('current_user_has_project_create_permission', (c, call) => call.scope.isStaff || call.scope.ownsCustomer(c.uuid)),
    uuidFilter('service_provider_uuid', (c) => c.serviceProviderUuid),
    userUuid,
    search,
    organizationGroup,
  ],
  sortKeys: {
    abbreviation: (c) => c.abbreviation,
    accounting_start_date: (c) => c.created,
    agreement_number: (c) => c.agreementNumber,
    contact_details: (c) => c.contactDetails,
    created: (c) => c.created,
    name: (c) => c.name,
    native_name: (c) => c.nativeName,
    registration_code: (c) => c.registrationCode,
  },
  defaultOrder: ['name'],
  orderingMode: 'lenient',
  spec: customerFields,
};
