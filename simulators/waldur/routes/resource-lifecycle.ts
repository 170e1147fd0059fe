import { currentUser, type Call } from '../api/call.ts';
import { serialize } from '../api/fields.ts';
import { BodyForm } from '../http/body-form.ts';
import { ApiError, permissionDenied, validationError } from '../http/errors.ts';
import { resolveLink } from '../http/links.ts';
import { empty, json, type ApiResponse } from '../http/types.ts';
import { pluginOptions } from '../serializers/offering-extras.ts';
import { resourceFields } from '../serializers/resource.ts';
import { nowMicros } from '../time.ts';
import { orderFor, requireResourceManager, requireState, resourceContext, type ResourceContext } from './resource-actions.ts';
import type { RouteDefinition } from './router.ts';

/**
 * The resource lifecycle actions as Waldur's ResourceViewSet implements them (permission, then state validators,
 * then the body): renew, estimate_renewal, move_resource, unlink, restore, set_paused, set_downscaled,
 * set_restrict_member_access, set_slug, set_end_date_by_staff. Response shapes follow OAS 8.0.5.
 */
const requireStaff = ({ call }: ResourceContext) => {
  if (!call.scope.isStaff) throw permissionDenied();
};

/** `check_prepaid_resource`: only offerings with a prepaid component renew. */
function requirePrepaid({ offering }: ResourceContext): void {
  if (!offering.components.some((component) => component.isPrepaid)) throw validationError('This action is only available for prepaid resources.');
}

const today = () => new Date().toISOString().slice(0, 10);
const money = (value: number) => value.toFixed(2);

function addMonths(date: string, months: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() + months);
  return at.toISOString().slice(0, 10);
}

/** `Resource.get_renewal_estimate`: limit-billed and prepaid components priced by the plan for the extension. */
function renewalEstimate({ call, resource, offering }: ResourceContext, months: number, limits: Record<string, number> | undefined) {
  const plan = resource.planUuid ? call.store.plans.get(resource.planUuid) : undefined;
  const from = resource.endDate && resource.endDate > today() ? resource.endDate : today();
  let subscription = 0;
  let change = 0;
  const components = offering.components.filter((c) => c.billingType === 'limit' || c.isPrepaid).map((component) => {
    const price = Number(plan?.prices[component.type] ?? 0);
    const current = resource.limits[component.type] ?? (component.isPrepaid ? 1 : 0);
    const next = limits?.[component.type] ?? current;
    subscription += price * current * months;
    change += price * (next - current) * months;
    return {
      component_type: component.type, component_name: component.name, billing_type: component.billingType, billing_period: 'month',
      current_limit: current, new_limit: next, unit_price: money(price), measured_unit: component.measuredUnit,
      period_description: `${months} months`, total: money(price * next * months),
    };
  });
  const remaining = resource.endDate ? Math.max(0, Math.round((Date.parse(resource.endDate) - Date.parse(today())) / 86_400_000)) : 0;
  return {
    components, subscription_total: money(subscription), limit_change_total: money(change), total: money(subscription + change),
    remaining_days: remaining, new_end_date: addMonths(from, months),
  };
}

function renew(context: ResourceContext): ApiResponse {
  requireResourceManager(context);
  requireState(context, 'OK', 'Erred');
  requirePrepaid(context);
  const { resource } = context;
  const form = new BodyForm(context.call.req.body);
  const months = form.integer('extension_months', { required: true, min: 12, max: 60 });
  const limits = form.limits('limits');
  const requestComment = form.string('request_comment', { maxLength: 255 });
  form.check();
  const estimate = renewalEstimate(context, months!, limits);
  const attributes = {
    name: resource.name, action: 'renew', old_limits: { ...resource.limits }, old_end_date: resource.endDate,
    new_end_date: estimate.new_end_date, extension_months: months, renewal_cost: Number(estimate.total),
  };
  return orderFor(context, 'Update', { limits: limits ?? { ...resource.limits }, attributes, requestComment });
}

function estimateRenewal(context: ResourceContext): ApiResponse {
  requireResourceManager(context);
  requireState(context, 'OK', 'Erred');
  const form = new BodyForm(context.call.req.body);
  const months = form.integer('extension_months', { required: true, min: 1, max: 60 });
  const limits = form.limits('limits');
  form.check();
  return json(200, renewalEstimate(context, months!, limits));
}

/** MoveResourceException: the target customer's invoices are closed (blocked or archived), so billing cannot move. */
function moveResource(context: ResourceContext): ApiResponse {
  requireStaff(context);
  const { call, resource } = context;
  const form = new BodyForm(call.req.body);
  const target = form.object('project', { required: true });
  const link = typeof target?.url === 'string' ? resolveLink(target.url) : null;
  const project = link?.kind === 'project' ? call.store.projects.get(link.uuids[0]) : undefined;
  if (target && link?.kind !== 'project') form.fail('project', 'Invalid hyperlink - No URL match.');
  else if (target && (!project || project.isRemoved)) form.missing('project');
  form.check();
  const customer = call.store.customers.get(project!.customerUuid);
  if (customer?.blocked || customer?.archived) {
    throw new ApiError(409, { error_message: 'Resource moving is not possible, because invoice items moving is not possible.' });
  }
  call.store.moveResource(resource, project!.uuid);
  for (const order of call.store.ordersOf(resource.uuid)) order.projectUuid = project!.uuid;
  resource.modified = nowMicros();
  return json(200, serialize(resourceFields, resource, call));
}

/** Waldur's `restore` checks with ValidationError (400, bare list), not a StateValidator, and sets Creating first. */
function restore(context: ResourceContext): ApiResponse {
  const { call, resource, offering } = context;
  if (!pluginOptions(offering).can_restore_resource) throw validationError('Restoring resource is not supported for this offering type.');
  if (resource.state !== 'Terminated') throw validationError('Resource must be in TERMINATED state to be restored.');
  resource.state = 'Creating';
  resource.modified = nowMicros();
  orderFor(context, 'Restore', { attributes: { ...resource.attributes }, limits: { ...resource.limits } });
  return json(200, serialize(resourceFields, resource, call));
}

type Flag = 'paused' | 'downscaled' | 'restrictMemberAccess';

function flag(context: ResourceContext, field: Flag, param: string, label: string): ApiResponse {
  requireStaff(context);
  const form = new BodyForm(context.call.req.body);
  const value = form.boolean(param) ?? false;
  form.check();
  const changed = context.resource[field] !== value;
  context.resource[field] = value;
  if (changed) context.resource.modified = nowMicros();
  return json(200, { status: `Resource ${label} flag ${changed ? 'has been changed' : 'is not changed'}.` });
}

function setSlug(context: ResourceContext): ApiResponse {
  requireStaff(context);
  const form = new BodyForm(context.call.req.body);
  const slug = form.string('slug', { required: true, allowBlank: false, maxLength: 50 });
  if (slug && !/^[-a-zA-Z0-9_]+$/.test(slug)) form.fail('slug', 'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.');
  form.check();
  const changed = slug !== context.resource.slug;
  context.resource.slug = slug!;
  return json(200, { status: changed ? 'Resource slug has been changed.' : 'Resource slug is not changed.' });
}

function setEndDateByStaff(context: ResourceContext): ApiResponse {
  requireStaff(context);
  const form = new BodyForm(context.call.req.body);
  const endDate = form.date('end_date', { nullable: true });
  form.check();
  context.resource.endDate = endDate ?? null;
  context.resource.endDateRequestedByUuid = endDate ? currentUser(context.call).uuid : null;
  context.resource.modified = nowMicros();
  return empty(200);
}

const ACTIONS: Record<string, (context: ResourceContext) => ApiResponse> = {
  renew, estimate_renewal: estimateRenewal, move_resource: moveResource, restore, set_slug: setSlug, set_end_date_by_staff: setEndDateByStaff,
  unlink: (context) => (requireStaff(context), context.call.store.removeResource(context.resource), empty(204)),
  set_paused: (context) => flag(context, 'paused', 'paused', 'paused'),
  set_downscaled: (context) => flag(context, 'downscaled', 'downscaled', 'downscaled'),
  set_restrict_member_access: (context) => flag(context, 'restrictMemberAccess', 'restrict_member_access', 'restrict_member_access'),
};

export const resourceLifecycleRoutes: RouteDefinition[] = Object.entries(ACTIONS).map(([name, action]) => ({
  path: `/api/marketplace-resources/:uuid/${name}/`,
  methods: { POST: (call: Call, [uuid]: string[]) => action(resourceContext(call, uuid)) },
}));
