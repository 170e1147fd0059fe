import {
  booleanFilter, containsFilter, exactFilter, presenceFilter, sinceFilter, uuidInFilter, type Filter,
} from '../api/filtering.ts';
import type { ListDefinition } from '../api/listing.ts';
import { normalizeUuid } from '../http/ids.ts';
import type { Project } from '../model.ts';
import { projectFields } from '../serializers/project.ts';
import type { Call } from '../api/call.ts';

const customerOf = (call: Call, p: Project) => call.store.customers.get(p.customerUuid)!;

const userUuid: Filter<Project> = (query, _errors, call) => {
  const raw = query.last('user_uuid');
  if (!raw) return undefined;
  const uuid = normalizeUuid(raw);
  if (!uuid) return 'none';
  return (p) => call.store.rolesInProject(p.uuid).some((role) => role.userUuid === uuid);
};

/** A uuid-like value matches the project uuid or a resource's backend/effective id; anything else the name. */
const search: Filter<Project> = (query, _errors, call) => {
  const text = query.last('query')?.trim();
  if (!text) return undefined;
  const uuid = normalizeUuid(text);
  if (uuid) {
    return (p) => p.uuid === uuid || call.store.resourcesOf(p.uuid).some((r) => r.backendId === text || r.effectiveId === text);
  }
  return (p) => p.name.toLowerCase().includes(text.toLowerCase());
};

/** Removed projects are never listed here, so asking for them gives nothing. */
const isRemoved: Filter<Project> = (query) => (['true', '1'].includes(query.last('is_removed')?.toLowerCase() ?? '') ? 'none' : undefined);

const estimatedCost = (call: Call, p: Project) => call.store.resourcesOf(p.uuid)
  .reduce((sum, r) => sum + (r.state === 'Terminated' ? 0 : Number(call.store.plans.get(r.planUuid ?? '')?.unitPrice ?? 0)), 0);

export const projectList: ListDefinition<Project> = {
  filters: [
    uuidInFilter('customer', (p) => p.customerUuid),
    containsFilter('customer_name', (p, call) => customerOf(call, p).name),
    containsFilter('customer_native_name', (p, call) => customerOf(call, p).nativeName),
    containsFilter('customer_abbreviation', (p, call) => customerOf(call, p).abbreviation),
    containsFilter('name', (p) => p.name),
    exactFilter('name_exact', (p) => p.name),
    containsFilter('description', (p) => p.description),
    exactFilter('backend_id', (p) => p.backendId),
    exactFilter('slug', (p) => p.slug),
    sinceFilter('created', (p) => p.created),
    sinceFilter('modified', (p) => p.modified),
    // Present-or-absent, as ProjectViewSet.get_queryset reads them (waldur_core/structure/views.py): can_manage keeps
    // projects of customers the caller owns and projects it manages; can_admin only projects it is admin of.
    presenceFilter('can_manage', (p, call) => call.scope.manages(p)),
    presenceFilter('can_admin', (p, call) => call.scope.hasProjectRole(p.uuid, 'PROJECT.ADMIN')),
    isRemoved,
    userUuid,
    search,
  ],
  sortKeys: {
    name: (p) => p.name,
    created: (p) => p.created,
    customer_name: (p, call) => customerOf(call, p).name,
    customer_native_name: (p, call) => customerOf(call, p).nativeName,
    customer_abbreviation: (p, call) => customerOf(call, p).abbreviation,
    estimated_cost: (p, call) => estimatedCost(call, p),
    end_date: (p) => p.endDate,
    start_date: (p) => p.startDate,
  },
  defaultOrder: ['name'],
  spec: projectFields,
};
