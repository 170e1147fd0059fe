import { currentUser, type Call } from '../api/call.ts';
import { serialize } from '../api/fields.ts';
import { detailResponse, listResponse } from '../api/listing.ts';
import { BodyForm } from '../http/body-form.ts';
import { invalidState, nonFieldErrors, permissionDenied, validationError } from '../http/errors.ts';
import { links } from '../http/links.ts';
import { empty, json } from '../http/types.ts';
import { orderList } from '../filters/orders.ts';
import { ACTION_SOURCES } from '../lifecycle/order-rules.ts';
import type { Offering, Plan, Project } from '../model.ts';
import { ORDER_TYPES } from '../vocabulary.ts';
import { ORDER_EXTRA_FIELD_NAMES, orderFields } from '../serializers/order.ts';
import { nowMicros } from '../time.ts';
import { customerBlockedOrArchived } from './guards.ts';
import { findOrder } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

/** OrderCreateRequest: project and offering are URLs (public offering), plan is a public plan URL. */
function readOrder(call: Call) {
  const { store, scope } = call;
  const form = new BodyForm(call.req.body);
  const projectLink = form.link('project', 'project', { required: true });
  const offeringLink = form.link('offering', 'offering', { required: true });
  const planLink = form.link('plan', 'plan');
  const attributes = form.object('attributes') ?? {};
  const limits = form.limits('limits') ?? {};
  const type = form.string('type') ?? 'Create';
  if (!ORDER_TYPES.includes(type as never)) form.fail('type', `"${type}" is not a valid choice.`);
  else if (type !== 'Create') form.fail('type', 'Only Create orders are submitted here; use the resource actions for the other types.');
  form.boolean('accepting_terms_of_service');
  const requestComment = form.string('request_comment', { nullable: true, maxLength: 255 });
  const callbackUrl = form.string('callback_url', { nullable: true, maxLength: 200 });
  const startDate = form.date('start_date', { nullable: true });

  let project: Project | undefined;
  if (projectLink) {
    project = store.projects.get(projectLink.uuids[0]);
    if (!scope.canSeeProject(project)) form.missing('project');
  }
  let offering: Offering | undefined;
  if (offeringLink) {
    offering = store.offerings.get(offeringLink.uuids[0]);
    if (!offering) form.missing('offering');
    else if (offering.state !== 'Active') form.fail('offering', 'Offering is not available.');
  }
  let plan: Plan | undefined;
  if (planLink) {
    plan = store.plans.get(planLink.uuids[1]);
    if (!plan) form.missing('plan');
    else if (offering && (plan.offeringUuid !== offering.uuid || plan.archived || planLink.uuids[0] !== offering.uuid)) {
      form.fail('plan', 'This plan is not available for selected offering.');
    }
  } else if (offering && offering.billable && offering.plans.length > 1 && !form.errors.offering) {
    form.fail('plan', 'This field is required.');
  }
  form.check();
  return {
    project: project!, offering: offering!, plan: plan ?? offering!.plans[0], attributes, limits,
    requestComment: requestComment ?? null, callbackUrl: callbackUrl ?? null, startDate: startDate ?? null,
  };
}

function createOrder(call: Call) {
  const creator = currentUser(call);
  const input = readOrder(call);
  if (!call.scope.can(input.project, 'PROJECT.ADMIN', 'PROJECT.MANAGER', 'PROJECT.MEMBER')) throw permissionDenied();
  const problem = customerBlockedOrArchived(call, input.project);
  if (problem) throw nonFieldErrors(problem);
  const order = call.sim.orders.submit({ ...input, type: 'Create', creator, creatorScope: call.scope });
  return json(201, serialize(orderFields, order, call), { Location: links.order(call.req.origin, order.uuid) });
}

/** Only pending orders can be deleted; a pending Create order takes its never-provisioned resource with it. */
function deleteOrder(call: Call, uuid: string) {
  const order = findOrder(call, uuid);
  const project = call.store.projects.get(order.projectUuid)!;
  if (!call.scope.can(project, 'PROJECT.ADMIN', 'PROJECT.MANAGER') && order.createdByUuid !== call.user?.uuid) throw permissionDenied();
  if (!ACTION_SOURCES.destroy.includes(order.state)) throw invalidState(ACTION_SOURCES.destroy);
  const blocked = customerBlockedOrArchived(call, project);
  if (blocked) throw validationError(blocked);
  const resource = call.store.resources.get(order.resourceUuid);
  call.store.removeOrder(order);
  if (resource && resource.creationOrderUuid === order.uuid) {
    resource.creationOrderUuid = null;
    resource.state = 'Terminated';
    resource.modified = nowMicros();
  }
  return empty(204);
}

export const orderRoutes: RouteDefinition[] = [
  {
    path: '/api/marketplace-orders/',
    methods: {
      GET: (call) => listResponse(call, [...call.store.orders.values()].filter((o) => call.scope.canSeeOrder(o)), orderList),
      POST: createOrder,
    },
  },
  {
    path: '/api/marketplace-orders/:uuid/',
    // PUT and PATCH are disabled actions (405), although OAS 8.0.5 documents them.
    methods: {
      GET: (call, [uuid]) => detailResponse(call, findOrder(call, uuid), orderFields, ORDER_EXTRA_FIELD_NAMES),
      DELETE: (call, [uuid]) => deleteOrder(call, uuid),
    },
  },
];
