import type { Call } from '../api/call.ts';
import { detailResponse, listResponse } from '../api/listing.ts';
import { BodyForm } from '../http/body-form.ts';
import { permissionDenied } from '../http/errors.ts';
import { json } from '../http/types.ts';
import { resourceList } from '../filters/resources.ts';
import { resourceFields } from '../serializers/resource.ts';
import { nowMicros } from '../time.ts';
import { findResource } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

function visibleResources(call: Call) {
  const projects = call.scope.visibleProjectUuids();
  if (!projects) return [...call.store.resources.values()].filter((r) => !call.store.projects.get(r.projectUuid)?.isRemoved);
  return [...projects].flatMap((uuid) => call.store.resourcesOf(uuid));
}

/**
 * PUT/PATCH accept and echo only `name`, `description` and `end_date` (marketplace/serializers.py ResourceUpdateSerializer):
 * anything else, `backend_id` included, is ignored — a consumer cannot write the provider's link.
 */
function updateResource(call: Call, uuid: string, partial: boolean) {
  const resource = findResource(call, uuid);
  const project = call.store.projects.get(resource.projectUuid)!;
  if (!call.scope.can(project, 'PROJECT.ADMIN', 'PROJECT.MANAGER')) throw permissionDenied();
  const form = new BodyForm(call.req.body);
  const name = form.string('name', { required: !partial, allowBlank: false, maxLength: 150 });
  const description = form.string('description', { maxLength: 4096 });
  const endDate = form.date('end_date', { nullable: true });
  form.check();
  if (name) resource.name = name;
  if (description !== undefined && description !== null) resource.description = description;
  if (endDate !== undefined) resource.endDate = endDate;
  resource.modified = nowMicros();
  return json(200, { name: resource.name, description: resource.description, end_date: resource.endDate });
}

export const resourceRoutes: RouteDefinition[] = [
  // POST (create) and DELETE (destroy) are disabled actions: resources come and go through orders.
  { path: '/api/marketplace-resources/', methods: { GET: (call) => listResponse(call, visibleResources(call), resourceList) } },
  {
    path: '/api/marketplace-resources/:uuid/',
    methods: {
      GET: (call, [uuid]) => detailResponse(call, findResource(call, uuid), resourceFields),
      PUT: (call, [uuid]) => updateResource(call, uuid, false),
      PATCH: (call, [uuid]) => updateResource(call, uuid, true),
    },
  },
];
