import type { Scope } from '../api/scope.ts';
import type { Offering, Order, OrderState, OrderType, Plan, Project, Resource, User } from '../model.ts';
import { runtimeRandom } from '../random.ts';
import type { Store } from '../store.ts';
import { nowMicros } from '../time.ts';
import { TERMINAL_ORDER_STATES } from '../vocabulary.ts';
import { createResource } from './new-resource.ts';
import { isAgentOffering, resourceStateAfter, skipsConsumerReview, stateAfterConsumerReview } from './order-rules.ts';
import { estimateCost } from './pricing.ts';
import { provisionOrchestration, type ProvisionHook } from './provisioning.ts';
import { StepScheduler } from './scheduler.ts';

export interface LifecycleHost {
  readonly store: Store;
  readonly orderStepMs: number;
  readonly onProvision?: ProvisionHook;
}

export interface OrderDraft {
  project: Project;
  offering: Offering;
  plan: Plan | undefined;
  type: OrderType;
  attributes: Record<string, unknown>;
  limits: Record<string, number>;
  creator: User;
  creatorScope: Scope;
  resource?: Resource;
  oldPlanUuid?: string | null;
  requestComment?: string | null;
  callbackUrl?: string | null;
  startDate?: string | null;
}

export interface TransitionDetails {
  /** 'agent': reported through set_state_erred; 'processing': the backend task raised (see resourceStateAfter). */
  cause?: 'agent' | 'processing';
  errorMessage?: string;
  errorTraceback?: string;
}

/** The order state machine: creation with auto-approval, transitions with their resource effects, timed steps. */
export class OrderLifecycle {
  private readonly scheduler = new StepScheduler();

  constructor(private readonly host: LifecycleHost) {}

  submit(draft: OrderDraft): Order {
    const { store } = this.host;
    const now = nowMicros();
    const resource = draft.resource ?? createResource(this.host.store, draft, now);
    const order: Order = {
      uuid: runtimeRandom.uuidHex(), type: draft.type, state: 'pending-consumer', projectUuid: draft.project.uuid,
      offeringUuid: draft.offering.uuid, planUuid: draft.plan?.uuid ?? null, oldPlanUuid: draft.oldPlanUuid ?? null,
      resourceUuid: resource.uuid, attributes: draft.attributes, limits: draft.limits,
      cost: estimateCost(draft.offering, draft.plan, draft.limits), created: now, modified: now, completedAt: null,
      createdByUuid: draft.creator.uuid, consumerReviewedByUuid: null, consumerReviewedAt: null, providerReviewedByUuid: null,
      providerReviewedAt: null, errorMessage: '', errorTraceback: '', requestComment: draft.requestComment ?? null,
      callbackUrl: draft.callbackUrl ?? null, startDate: draft.startDate ?? null, consumerRejectionComment: '',
      providerRejectionComment: '', output: '',
    };
    store.addOrder(order);
    if (!draft.resource) resource.creationOrderUuid = order.uuid;
    // The post_save handler runs inside the request, so the 201 body already shows the approved state.
    if (skipsConsumerReview(draft.creatorScope, draft.project)) {
      order.consumerReviewedByUuid = draft.creator.uuid;
      order.consumerReviewedAt = now;
      this.moveTo(order, stateAfterConsumerReview(draft.project, draft.offering, order));
    }
    return order;
  }

  /** Sets the state, applies the resource effect, and schedules the automatic completion of executing orders. */
  moveTo(order: Order, to: OrderState, details: TransitionDetails = {}): void {
    const { store } = this.host;
    const now = nowMicros();
    order.state = to;
    order.modified = now;
    if (to === 'done' || to === 'erred') order.completedAt = now;
    if (to === 'erred') {
      order.errorMessage = details.errorMessage ?? (order.errorMessage || 'Order processing failed.');
      order.errorTraceback = details.errorTraceback ?? order.errorTraceback;
    }
    const resource = store.resources.get(order.resourceUuid);
    if (resource) this.applyEffect(order, resource, details.cause ?? 'processing');

    const offering = store.offerings.get(order.offeringUuid)!;
    if (to === 'executing' && !isAgentOffering(offering)) {
      this.scheduler.schedule(order.uuid, this.host.orderStepMs, () => void this.complete(order));
    } else if (TERMINAL_ORDER_STATES.has(to)) this.scheduler.cancel(order.uuid);
  }

  private applyEffect(order: Order, resource: Resource, cause: 'agent' | 'processing'): void {
    const next = resourceStateAfter(order.type, order.state, resource.backendId !== '', cause);
    if (!next) return;
    resource.state = next;
    resource.modified = order.modified;
    if (order.state === 'done' && order.type === 'Update') {
      resource.limits = { ...order.limits };
      if (order.planUuid) resource.planUuid = order.planUuid;
    }
    if (next === 'Erred' || (order.state === 'erred' && next === 'Terminated')) resource.errorMessage = order.errorMessage;
    if (next === 'OK') resource.errorMessage = '';
  }

  /** executing → done; an orchestration project's or a game server's Create order first asks the provisioning hook. */
  async complete(order: Order): Promise<void> {
    const failure = await provisionOrchestration(this.host.store, this.host.onProvision, order);
    if (failure && order.state === 'executing') this.moveTo(order, 'erred', { errorMessage: failure });
    else if (!failure && !TERMINAL_ORDER_STATES.has(order.state)) this.moveTo(order, 'done');
  }

  /** One automatic step for every waiting order: what the Celery beat and processors would do next. */
  async stepAll(): Promise<number> {
    const { store } = this.host;
    const today = new Date().toISOString().slice(0, 10);
    const work: Array<Promise<void>> = [];
    for (const order of store.orders.values()) {
      const offering = store.offerings.get(order.offeringUuid)!;
      const project = store.projects.get(order.projectUuid)!;
      if (order.state === 'executing' && !isAgentOffering(offering)) work.push(this.complete(order));
      else if (order.state === 'pending-project' && !(project.startDate && project.startDate > today)) {
        this.moveTo(order, stateAfterConsumerReview(project, offering, order));
      } else if (order.state === 'pending-start-date' && !(order.startDate && order.startDate > today)) {
        this.moveTo(order, 'executing');
      }
    }
    await Promise.all(work);
    return work.length;
  }

  stop(): void {
    this.scheduler.clear();
  }
}
