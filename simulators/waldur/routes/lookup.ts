import type { Call } from '../api/call.ts';
import { notFound } from '../http/errors.ts';
import { normalizeUuid } from '../http/ids.ts';

/** `get_object_or_404` over the caller's queryset: unknown, invisible or malformed uuids are all 404. */
export function findVisible<T>(
  map: ReadonlyMap<string, T>, raw: string, canSee: (item: T | undefined) => boolean, model: string,
): T {
  const item = map.get(normalizeUuid(raw) ?? '');
  if (!item || !canSee(item)) throw notFound(model);
  return item;
}

export const findProject = (call: Call, raw: string) =>
  findVisible(call.store.projects, raw, (p) => call.scope.canSeeProject(p), 'Project');
export const findCustomer = (call: Call, raw: string) =>
  findVisible(call.store.customers, raw, (c) => call.scope.canSeeCustomer(c), 'Customer');
export const findOffering = (call: Call, raw: string) =>
  findVisible(call.store.offerings, raw, (o) => o !== undefined, 'Offering');
export const findOrder = (call: Call, raw: string) =>
  findVisible(call.store.orders, raw, (o) => call.scope.canSeeOrder(o), 'Order');
export const findResource = (call: Call, raw: string) =>
  findVisible(call.store.resources, raw, (r) => call.scope.canSeeResource(r), 'Resource');
export const findBackendRequest = (call: Call, raw: string) =>
  findVisible(call.store.backendRequests, raw, (r) => call.scope.canSeeBackendRequest(r), 'BackendResourceRequest');
