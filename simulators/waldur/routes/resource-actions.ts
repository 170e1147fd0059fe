import { currentUser, type Call } from '../api/call.ts';
import { BodyForm } from '../http/body-form.ts';
import { ApiError, invalidState, permissionDenied, validationError } from '../http/errors.ts';
import { json, type ApiResponse } from '../http/types.ts';
import type { Offering, OrderType, Plan, Project, Resource, ResourceState } from '../model.ts';
import { nowMicros } from '../time.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';
import { customerBlockedOrArchived } from './guards.ts';
import { findResource } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

/** Offering types with a pull executor: the backends Waldur (or its site agent) can read resources from. */
const PULLABLE_TYPES = new Set<string>([OFFERING_TYPES.slurm, OFFERING_TYPES.script, OFFERING_TYPES.gameServer]);

export interface ResourceContext {
  call: Call;
  resource: Resource;
  project: Project;
  offering: Offering;
}

export function resourceContext(call: Call, uuid: string): ResourceContext {
  const resource = findResource(call, uuid);
  return {
    call, resource, project: call.store.projects.get(resource.projectUuid)!, offering: call.store.offerings.get(resource.offeringUuid)!,
  };
}

/** Consumer-side resource permissions (TERMINATE_RESOURCE, UPDATE_RESOURCE_LIMITS, …): owners, managers, admins. */
export function requireResourceManager({ call, project }: ResourceContext): void {
  if (!call.scope.can(project, 'PROJECT.ADMIN', 'PROJECT.MANAGER')) throw permissionDenied();
}

export function requireState({ resource }: ResourceContext, ...states: ResourceState[]): void {
  if (!states.includes(resource.state)) throw invalidState(states);
}

/** create_resource_order: a Terminate or Update order for an existing resource, answered with its uuid. */
export function orderFor(context: ResourceContext, type: OrderType, fields: { plan?: Plan; oldPlanUuid?: string; limits?: Record<string, number>; attributes?: Record<string, unknown>; requestComment?: string | null }): ApiResponse {
  const { call, resource, project, offering } = context;
  const blocked = customerBlockedOrArchived(call, project);
  if (blocked) throw validationError(blocked);
  const order = call.sim.orders.submit({
    project, offering, type, resource, creator: currentUser(call), creatorScope: call.scope,
    plan: fields.plan ?? (resource.planUuid ? call.store.plans.get(resource.planUuid) : undefined),
    oldPlanUuid: fields.oldPlanUuid ?? null, limits: fields.limits ?? { ...resource.limits },
    attributes: fields.attributes ?? {}, requestComment: fields.requestComment ?? null,
  });
  return json(200, { order_uuid: order.uuid });
}

/**
 * `terminate_permissions = [user_can_terminate_resource]`: TERMINATE_RESOURCE on the project, its customer or the
 * offering's customer (waldur_mastermind/marketplace/permissions.py), so the service provider may terminate too.
 */
function terminate(context: ResourceContext) {
  const { call, project, offering } = context;
  if (!call.scope.can(project, 'PROJECT.ADMIN', 'PROJECT.MANAGER') && !call.scope.isProviderOwner(offering)) throw permissionDenied();
  requireState(context, 'OK', 'Erred');
  const form = new BodyForm(context.call.req.body);
  const attributes = form.object('attributes') ?? {};
  form.check();
  return orderFor(context, 'Terminate', { attributes });
}

function updateLimits(context: ResourceContext) {
  requireResourceManager(context);
  requireState(context, 'OK');
  const form = new BodyForm(context.call.req.body);
  const limits = form.limits('limits', { required: true });
  const requestComment = form.string('request_comment', { nullable: true, maxLength: 255 });
  form.check();
  const same = JSON.stringify(Object.entries(limits!).sort()) === JSON.stringify(Object.entries(context.resource.limits).sort());
  if (same) throw validationError('Impossible to create update orders with limits set to exactly the same.');
  return orderFor(context, 'Update', { limits, attributes: { old_limits: { ...context.resource.limits } }, requestComment });
}

function switchPlan(context: ResourceContext) {
  requireResourceManager(context);
  requireState(context, 'OK');
  const { call, resource, offering } = context;
  const form = new BodyForm(call.req.body);
  const link = form.link('plan', 'plan', { required: true });
  const plan = link ? call.store.plans.get(link.uuids[1]) : undefined;
  if (link && !plan) form.missing('plan');
  else if (plan && (plan.offeringUuid !== offering.uuid || plan.archived)) form.fail('plan', 'Plan is not available for this offering.');
  form.check();
  return orderFor(context, 'Update', { plan, oldPlanUuid: resource.planUuid ?? undefined });
}

function updateOptions(context: ResourceContext) {
  requireResourceManager(context);
  const form = new BodyForm(context.call.req.body);
  const options = form.object('options', { nullable: true });
  form.check();
  Object.assign(context.resource.options, options ?? {});
  context.resource.modified = nowMicros();
  return json(200, { status: 'Resource options are submitted' });
}

/** pull_validators (state OK/Erred → 409, `check_resource_backend_id` → 400), then the plugin's pull executor (none → 409). */
function pull(context: ResourceContext) {
  requireState(context, 'OK', 'Erred');
  if (!context.resource.backendId) throw validationError('Resource does not have backend ID.');
  if (!PULLABLE_TYPES.has(context.offering.type)) throw new ApiError(409, { detail: 'Pull operation is not implemented.' });
  context.resource.lastSync = nowMicros();
  return json(202, { detail: 'Pull operation was successfully scheduled.' });
}

const ACTIONS: Record<string, (context: ResourceContext) => ApiResponse> = {
  terminate, update_limits: updateLimits, switch_plan: switchPlan, update_options: updateOptions, pull,
};

export const resourceActionRoutes: RouteDefinition[] = Object.entries(ACTIONS).map(([name, action]) => ({
  path: `/api/marketplace-resources/:uuid/${name}/`,
  methods: { POST: (call: Call, [uuid]: string[]) => action(resourceContext(call, uuid)) },
}));
