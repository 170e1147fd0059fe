import { currentUser, type Call } from '../api/call.ts';
import { BodyForm } from '../http/body-form.ts';
import { invalidState, permissionDenied, unsupportedOfferingType, validationError } from '../http/errors.ts';
import { empty, json, type ApiResponse } from '../http/types.ts';
import { ACTION_SOURCES, ACTION_TYPES, skipsConsumerReview, stateAfterConsumerReview } from '../lifecycle/order-rules.ts';
import type { Offering, Order, Project } from '../model.ts';
import { Scope } from '../api/scope.ts';
import { nowMicros } from '../time.ts';
import { customerBlockedOrArchived, projectExpired } from './guards.ts';
import { findOrder } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

interface ActionContext {
  call: Call;
  order: Order;
  project: Project;
  offering: Offering;
}

interface OrderAction {
  /** Who may run it: consumer-side (project) or provider-side (offering's customer) approvers. */
  permitted: (context: ActionContext) => boolean;
  /** Checks that run before the state check, in OrderViewSet's validator order. */
  before?: Array<(context: ActionContext) => string | null>;
  run: (context: ActionContext) => ApiResponse;
  /** set_state_erred has only OfferingTypeValidator upstream, so the type is checked before the state. */
  typeFirst?: boolean;
}

const consumerApprover = ({ call, project }: ActionContext) => call.scope.canApproveOrdersIn(project);
const providerApprover = ({ call, offering }: ActionContext) => call.scope.isStaff || call.scope.isProviderOwner(offering);
const blocked = ({ call, project }: ActionContext) => customerBlockedOrArchived(call, project);
const expired = ({ project }: ActionContext) => projectExpired(project);

function review(order: Order, side: 'consumer' | 'provider', by: string): void {
  if (side === 'consumer') [order.consumerReviewedByUuid, order.consumerReviewedAt] = [by, nowMicros()];
  else [order.providerReviewedByUuid, order.providerReviewedAt] = [by, nowMicros()];
}

const ACTIONS: Record<string, OrderAction> = {
  approve_by_consumer: {
    permitted: consumerApprover,
    before: [blocked, expired],
    run: ({ call, order, project, offering }) => {
      review(order, 'consumer', currentUser(call).uuid);
      call.sim.orders.moveTo(order, stateAfterConsumerReview(project, offering, order));
      return json(200, { detail: 'Order has been approved.' });
    },
  },
  reject_by_consumer: {
    permitted: (context) => consumerApprover(context) || context.order.createdByUuid === context.call.user?.uuid,
    before: [blocked],
    run: ({ call, order, project }) => {
      const creator = call.store.users.get(order.createdByUuid);
      if (creator && skipsConsumerReview(new Scope(call.store, creator), project)) throw validationError('Review of order by consumer is not required.');
      if (order.consumerReviewedByUuid) throw validationError('Order is already reviewed by consumer.');
      review(order, 'consumer', currentUser(call).uuid);
      order.consumerRejectionComment = new BodyForm(call.req.body).string('consumer_rejection_comment') ?? '';
      call.sim.orders.moveTo(order, 'rejected');
      return empty(200);
    },
  },
  approve_by_provider: {
    permitted: providerApprover,
    // approve_by_provider_validators: check_customer_blocked_or_archived, check_project_end_date, then the state
    // (waldur_mastermind/marketplace/views.py OrderViewSet): an expired project's order is refused by the provider too.
    before: [blocked, expired],
    run: ({ call, order }) => {
      const attributes = new BodyForm(call.req.body).object('attributes');
      if (attributes) Object.assign(order.attributes, attributes);
      review(order, 'provider', currentUser(call).uuid);
      call.sim.orders.moveTo(order, 'executing');
      return json(200, { detail: 'Order has been approved.' });
    },
  },
  reject_by_provider: {
    permitted: providerApprover,
    before: [blocked],
    run: ({ call, order }) => {
      review(order, 'provider', currentUser(call).uuid);
      order.providerRejectionComment = new BodyForm(call.req.body).string('provider_rejection_comment') ?? '';
      call.sim.orders.moveTo(order, 'rejected');
      return empty(200);
    },
  },
  cancel: {
    permitted: ({ call, project }) => call.scope.can(project, 'PROJECT.ADMIN', 'PROJECT.MANAGER'),
    run: ({ call, order }) => (call.sim.orders.moveTo(order, 'canceled'), empty(202)),
  },
  set_state_executing: {
    permitted: providerApprover,
    run: ({ call, order }) => (call.sim.orders.moveTo(order, 'executing'), empty(200)),
  },
  set_state_done: {
    permitted: providerApprover,
    run: ({ call, order }) => (call.sim.orders.moveTo(order, 'done'), empty(200)),
  },
  set_state_erred: {
    permitted: providerApprover,
    typeFirst: true,
    run: ({ call, order }) => {
      const form = new BodyForm(call.req.body);
      const errorMessage = form.string('error_message') ?? '';
      const errorTraceback = form.string('error_traceback') ?? '';
      call.sim.orders.moveTo(order, 'erred', { cause: 'agent', errorMessage, errorTraceback });
      return empty(200);
    },
  },
};

/** Permission (403), then the action's own validators (400), the state (409) and the offering type (405). */
function runAction(call: Call, uuid: string, name: string): ApiResponse {
  const order = findOrder(call, uuid);
  const context: ActionContext = {
    call, order, project: call.store.projects.get(order.projectUuid)!, offering: call.store.offerings.get(order.offeringUuid)!,
  };
  const action = ACTIONS[name];
  if (!action.permitted(context)) throw permissionDenied();
  for (const check of action.before ?? []) {
    const problem = check(context);
    if (problem) throw validationError(problem);
  }
  const checkState = () => {
    if (!ACTION_SOURCES[name].includes(order.state)) throw invalidState(ACTION_SOURCES[name]);
  };
  const checkType = () => {
    const types = ACTION_TYPES[name];
    if (types && !types.includes(context.offering.type)) throw unsupportedOfferingType(context.offering.type);
  };
  if (action.typeFirst) checkType();
  checkState();
  checkType();
  return action.run(context);
}

export const orderActionRoutes: RouteDefinition[] = Object.keys(ACTIONS).map((name) => ({
  path: `/api/marketplace-orders/:uuid/${name}/`,
  methods: { POST: (call: Call, [uuid]: string[]) => runAction(call, uuid, name) },
}));
