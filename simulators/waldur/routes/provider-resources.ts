import type { Call } from '../api/call.ts';
import { detailResponse, listResponse } from '../api/listing.ts';
import { BodyForm } from '../http/body-form.ts';
import { notFound, permissionDenied } from '../http/errors.ts';
import { normalizeUuid } from '../http/ids.ts';
import { json } from '../http/types.ts';
import type { Resource } from '../model.ts';
import { resourceList } from '../filters/resources.ts';
import { resourceFields } from '../serializers/resource.ts';
import { nowMicros } from '../time.ts';
import type { RouteDefinition } from './router.ts';

/*
 * The service provider's view of resources (waldur-mastermind src/waldur_mastermind/marketplace/views.py,
 * ProviderResourceViewSet). Its queryset is `filter_for_offering_customer` (managers.py): staff and support see
 * every resource, anyone else only resources of offerings whose customer they hold a role in — a consumer gets 404.
 * `set_backend_id` then needs RESOURCE.SET_BACKEND_ID on the offering or its customer (`permission_factory`,
 * granted to CUSTOMER.OWNER, CUSTOMER.MANAGER and OFFERING.MANAGER in docker/rootfs/etc/waldur/permissions.yaml;
 * staff always pass `has_permission`, support do not): a connected user without it gets 403.
 */

const user = (call: Call) => call.scope.user;
const inProviderQueryset = (call: Call, resource: Resource) =>
  Boolean(user(call)?.isStaff || user(call)?.isSupport || call.scope.isProviderOwner(call.store.offerings.get(resource.offeringUuid)));
const maySetBackendId = (call: Call, resource: Resource) =>
  Boolean(user(call)?.isStaff || call.scope.isProviderOwner(call.store.offerings.get(resource.offeringUuid)));

function findProviderResource(call: Call, raw: string): Resource {
  const resource = call.store.resources.get(normalizeUuid(raw) ?? '');
  if (!resource || !inProviderQueryset(call, resource)) throw notFound('Resource');
  return resource;
}

/** ResourceBackendIDSerializer: `backend_id` only; the answer says whether it changed (views.py set_backend_id). */
function setBackendId(call: Call, uuid: string) {
  const resource = findProviderResource(call, uuid);
  if (!maySetBackendId(call, resource)) throw permissionDenied();
  const form = new BodyForm(call.req.body);
  const backendId = form.string('backend_id', { required: true, maxLength: 255 }) ?? '';
  form.check();
  if (backendId === resource.backendId) return json(200, { status: 'Resource backend_id is not changed.' });
  resource.backendId = backendId;
  resource.modified = nowMicros();
  return json(200, { status: 'Resource backend_id has been changed.' });
}

export const providerResourceRoutes: RouteDefinition[] = [
  {
    path: '/api/marketplace-provider-resources/',
    methods: { GET: (call) => listResponse(call, [...call.store.resources.values()].filter((r) => inProviderQueryset(call, r)), resourceList) },
  },
  { path: '/api/marketplace-provider-resources/:uuid/', methods: { GET: (call, [uuid]) => detailResponse(call, findProviderResource(call, uuid), resourceFields) } },
  { path: '/api/marketplace-provider-resources/:uuid/set_backend_id/', methods: { POST: (call, [uuid]) => setBackendId(call, uuid) } },
];
