import { currentUser, type Call } from '../api/call.ts';
import { serialize } from '../api/fields.ts';
import { BodyForm } from '../http/body-form.ts';
import { normalizeUuid } from '../http/ids.ts';
import { empty, json, type ApiResponse } from '../http/types.ts';
import type { ProjectRole } from '../model.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';
import { runtimeRandom } from '../random.ts';
import { offeringFields } from '../serializers/offering.ts';
import { pluginOptions } from '../serializers/offering-extras.ts';
import { projectUserFields } from '../serializers/role.ts';
import { isoDateTime } from '../time.ts';
import { findOffering, findProject } from './lookup.ts';
import { resourceContext, type ResourceContext } from './resource-actions.ts';
import type { Method, RouteDefinition } from './router.ts';

/** Offering users exist on offerings that manage them (HPC): every project user has an account named like their login. */
function teamMember(context: ResourceContext, role: ProjectRole) {
  const item = serialize(projectUserFields, role, context.call);
  if (!pluginOptions(context.offering).service_provider_can_create_offering_user) return item;
  return { ...item, offering_user_username: item.username, offering_user_state: 'OK' };
}

/** Only scripted VMs have a backend object here (a `details/` body); the rest answer 404 with no body, as Waldur does. */
function details({ resource, offering }: ResourceContext): ApiResponse {
  if (offering.type !== OFFERING_TYPES.script || !resource.backendId) return empty(404);
  return json(200, {
    backend_id: resource.backendId, name: resource.name, state: resource.state === 'OK' ? 'OK' : 'Erred', runtime_state: resource.state === 'OK' ? 'running' : 'error',
    cores: resource.limits.cores ?? null, ram: resource.limits.ram ?? null, disk: resource.limits.disk ?? null,
  });
}

type Extra = [method: Method, name: string, run: (context: ResourceContext) => ApiResponse];

/** The read-only resource actions of the subset (the lifecycle actions are in resource-lifecycle.ts). */
const EXTRAS: Extra[] = [
  ['GET', 'details', details],
  ['GET', 'team', (context) => json(200, context.call.store.rolesInProject(context.project.uuid).map((role) => teamMember(context, role)))],
  ['GET', 'offering', ({ call, offering }) => json(200, serialize(offeringFields, offering, call))],
  ['GET', 'plan_periods', ({ resource }) => json(200, resource.planUuid ? [{
    uuid: resource.uuid, plan_name: '', plan_uuid: resource.planUuid, start: isoDateTime(resource.created), end: null, components: [],
  }] : [])],
  ['GET', 'glauth_users_config', ({ call, offering }) => (pluginOptions(offering).service_provider_can_create_offering_user
    ? { status: 200, text: glauthConfig(call, offering.uuid), contentType: 'text/plain; charset=utf-8' }
    : { status: 400, text: `Offering ${offering.name} doesn't have feature service_provider_can_create_offering_user enabled`, contentType: 'text/plain; charset=utf-8' })],
];

function glauthConfig(call: Call, offeringUuid: string): string {
  const users = new Set<string>();
  for (const resource of call.store.resources.values()) {
    if (resource.offeringUuid !== offeringUuid) continue;
    for (const role of call.store.rolesInProject(resource.projectUuid)) users.add(call.store.users.get(role.userUuid)!.username);
  }
  return [...users].sort().map((name, index) => `[[users]]\n  name = "${name}"\n  uidnumber = ${5000 + index}\n  primarygroup = 5000\n`).join('\n');
}

/** POST suggest_name/ {project, offering} (uuids): `<offering>-<project>-<n>`. */
function suggestName(call: Call): ApiResponse {
  currentUser(call);
  const form = new BodyForm(call.req.body);
  const project = form.uuid('project', { required: true });
  const offering = form.uuid('offering', { required: true });
  form.check();
  const p = findProject(call, project!);
  const o = findOffering(call, normalizeUuid(offering!)!);
  const count = call.store.resourcesOf(p.uuid).filter((resource) => resource.offeringUuid === o.uuid).length;
  return json(200, { name: `${o.slug.split('-')[0]}-${p.slug}-${count + 1}`.slice(0, 150) || `resource-${runtimeRandom.int(1, 999)}` });
}

export const resourceExtraRoutes: RouteDefinition[] = [
  { path: '/api/marketplace-resources/suggest_name/', methods: { POST: suggestName } },
  ...EXTRAS.map(([method, name, run]): RouteDefinition => ({
    path: `/api/marketplace-resources/:uuid/${name}/`,
    methods: { [method]: (call: Call, [uuid]: string[]) => run(resourceContext(call, uuid)) },
  })),
];
