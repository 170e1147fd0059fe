import { currentUser, type Call } from '../api/call.ts';
import { serialize } from '../api/fields.ts';
import { BodyForm } from '../http/body-form.ts';
import { permissionDenied } from '../http/errors.ts';
import { normalizeUuid } from '../http/ids.ts';
import { resolveLink } from '../http/links.ts';
import { empty, json, type ApiResponse } from '../http/types.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';
import { runtimeRandom } from '../random.ts';
import { offeringFields } from '../serializers/offering.ts';
import { resourceFields } from '../serializers/resource.ts';
import { projectUserFields } from '../serializers/role.ts';
import { isoDateTime, nowMicros } from '../time.ts';
import { findOffering, findProject } from './lookup.ts';
import { orderFor, requireResourceManager, requireState, resourceContext, type ResourceContext } from './resource-actions.ts';
import type { Method, RouteDefinition } from './router.ts';

const requireStaff = ({ call }: ResourceContext) => {
  if (!call.scope.isStaff) throw permissionDenied();
};
const requireProviderSide = ({ call, offering }: ResourceContext) => {
  if (!call.scope.isStaff && !call.scope.isProviderOwner(offering)) throw permissionDenied();
};

function flag(context: ResourceContext, field: 'paused' | 'downscaled' | 'restrictMemberAccess', param: string, status: string): ApiResponse {
  requireProviderSide(context);
  const form = new BodyForm(context.call.req.body);
  const value = form.boolean(param);
  form.check();
  context.resource[field] = value ?? false;
  context.resource.modified = nowMicros();
  return json(200, { status });
}

function renewalEstimate(context: ResourceContext, months: number) {
  const plan = context.resource.planUuid ? context.call.store.plans.get(context.resource.planUuid) : undefined;
  const monthly = Number(plan?.unitPrice ?? 0);
  const end = new Date(`${context.resource.endDate ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + months);
  const total = (monthly * months).toFixed(10);
  return { components: [], subscription_total: total, limit_change_total: '0.0000000000', total, remaining_days: 0, new_end_date: end.toISOString().slice(0, 10) };
}

type Extra = [method: Method, name: string, run: (context: ResourceContext) => ApiResponse];

/** The rest of the subset's resource actions, each kept to the shape OAS 8.0.5 declares. */
const EXTRAS: Extra[] = [
  ['POST', 'renew', (context) => {
    requireResourceManager(context);
    requireState(context, 'OK');
    const form = new BodyForm(context.call.req.body);
    const months = form.integer('extension_months', { required: true, min: 12, max: 60 });
    const limits = form.limits('limits');
    const requestComment = form.string('request_comment', { maxLength: 255 });
    form.check();
    return orderFor(context, 'Update', { limits: limits ?? { ...context.resource.limits }, attributes: { extension_months: months }, requestComment });
  }],
  ['POST', 'estimate_renewal', (context) => {
    const form = new BodyForm(context.call.req.body);
    const months = form.integer('extension_months', { required: true, min: 1, max: 60 });
    form.limits('limits');
    form.check();
    return json(200, renewalEstimate(context, months!));
  }],
  ['POST', 'move_resource', (context) => {
    requireStaff(context);
    const form = new BodyForm(context.call.req.body);
    const target = form.object('project', { required: true });
    const link = typeof target?.url === 'string' ? resolveLink(target.url) : null;
    if (target && link?.kind !== 'project') form.fail('project', 'Invalid hyperlink - No URL match.');
    form.check();
    const project = findProject(context.call, link!.uuids[0]);
    context.call.store.moveResource(context.resource, project.uuid);
    for (const order of context.call.store.ordersOf(context.resource.uuid)) order.projectUuid = project.uuid;
    return json(200, serialize(resourceFields, context.resource, context.call));
  }],
  ['POST', 'unlink', (context) => (requireStaff(context), context.call.store.removeResource(context.resource), empty(204))],
  ['POST', 'restore', (context) => {
    requireResourceManager(context);
    requireState(context, 'Terminated');
    orderFor(context, 'Restore', {});
    return json(200, serialize(resourceFields, context.resource, context.call));
  }],
  ['POST', 'set_paused', (context) => flag(context, 'paused', 'paused', 'Resource paused state has been updated.')],
  ['POST', 'set_downscaled', (context) => flag(context, 'downscaled', 'downscaled', 'Resource downscaled state has been updated.')],
  ['POST', 'set_restrict_member_access', (context) =>
    flag(context, 'restrictMemberAccess', 'restrict_member_access', 'Resource restrict member access state has been updated.')],
  ['POST', 'set_slug', (context) => {
    requireStaff(context);
    const form = new BodyForm(context.call.req.body);
    const slug = form.string('slug', { required: true, allowBlank: false, maxLength: 50 });
    if (slug && !/^[-a-zA-Z0-9_]+$/.test(slug)) form.fail('slug', 'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.');
    form.check();
    const changed = slug !== context.resource.slug;
    context.resource.slug = slug!;
    return json(200, { status: changed ? 'Resource slug has been changed.' : 'Resource slug is not changed.' });
  }],
  ['POST', 'set_end_date_by_staff', (context) => {
    requireStaff(context);
    const form = new BodyForm(context.call.req.body);
    const endDate = form.date('end_date', { nullable: true });
    form.check();
    context.resource.endDate = endDate ?? null;
    return empty(200);
  }],
  // The simulated resources have no backend scope object, which Waldur answers with an empty 404.
  ['GET', 'details', () => empty(404)],
  ['GET', 'team', ({ call, project }) => json(200, call.store.rolesInProject(project.uuid).map((role) => serialize(projectUserFields, role, call)))],
  ['GET', 'offering', ({ call, offering }) => json(200, serialize(offeringFields, offering, call))],
  ['GET', 'plan_periods', ({ resource }) => json(200, resource.planUuid ? [{
    uuid: resource.uuid, plan_name: '', plan_uuid: resource.planUuid, start: isoDateTime(resource.created), end: null, components: [],
  }] : [])],
  ['GET', 'glauth_users_config', ({ call, offering }) => (offering.type === OFFERING_TYPES.slurm
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
