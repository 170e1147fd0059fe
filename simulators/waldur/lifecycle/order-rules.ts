import type { Scope } from '../api/scope.ts';
import type { Offering, Order, OrderState, OrderType, Project, ResourceState } from '../model.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';

/** Marketplace.Slurm stands for Waldur's site-agent offerings: orders wait for the agent's set_state_* calls. */
export const isAgentOffering = (offering: Offering) => offering.type === OFFERING_TYPES.slurm;

/** `order_should_not_be_reviewed_by_provider` is False for Basic and site-agent offerings (docs/contracts/waldur.md §8.4 ²). */
export const needsProviderReview = (offering: Offering) =>
  offering.type === OFFERING_TYPES.basic || offering.type === OFFERING_TYPES.slurm;

/** Staff, customer owners and project managers hold APPROVE_ORDER, so their orders skip consumer review (¹). */
export const skipsConsumerReview = (creatorScope: Scope, project: Project) => creatorScope.canApproveOrdersIn(project);

const today = () => new Date().toISOString().slice(0, 10);

/** Where an order goes once the consumer side is satisfied (at creation, or on approve_by_consumer). */
export function stateAfterConsumerReview(project: Project, offering: Offering, order: Pick<Order, 'startDate'>): OrderState {
  if (project.startDate && project.startDate > today()) return 'pending-project';
  if (order.startDate && order.startDate > today()) return 'pending-start-date';
  return needsProviderReview(offering) ? 'pending-provider' : 'executing';
}

/** The source states each order action accepts (StateValidator in OrderViewSet). */
export const ACTION_SOURCES: Record<string, readonly OrderState[]> = {
  approve_by_consumer: ['pending-consumer'],
  reject_by_consumer: ['pending-consumer'],
  approve_by_provider: ['pending-provider'],
  reject_by_provider: ['pending-provider'],
  cancel: ['pending-consumer', 'pending-provider', 'executing'],
  set_state_executing: ['pending-consumer', 'pending-provider', 'pending-project', 'pending-start-date', 'erred'],
  set_state_done: ['executing'],
  set_state_erred: ['pending-consumer', 'pending-provider', 'pending-project', 'pending-start-date', 'executing'],
  destroy: ['pending-consumer', 'pending-provider'],
};

/** The offering types each action supports (OfferingTypeValidator); absent means any type. */
export const ACTION_TYPES: Record<string, readonly string[]> = {
  cancel: [OFFERING_TYPES.basic, OFFERING_TYPES.support],
  set_state_executing: [OFFERING_TYPES.slurm],
  set_state_done: [OFFERING_TYPES.slurm, OFFERING_TYPES.basic, OFFERING_TYPES.support],
  set_state_erred: [OFFERING_TYPES.slurm],
};

/**
 * The resource state an order leaves behind (docs/contracts/waldur.md §8.4, "Effect on the linked resource").
 * `cause` separates an agent reporting a failed deletion (resource stays OK) from processing that raised.
 */
export function resourceStateAfter(
  type: OrderType, state: OrderState, hasBackendId: boolean, cause: 'agent' | 'processing',
): ResourceState | null {
  const table: Record<OrderType, Partial<Record<OrderState, ResourceState>>> = {
    // No `canceled` column: Order.cancel() only changes the order, and update_resource_when_order_is_rejected_or_erred
    // (waldur_mastermind/marketplace/handlers.py) reacts to REJECTED and ERRED only, so a canceled order leaves its
    // resource as it was (Creating, Updating, Terminating).
    Create: { executing: 'Creating', done: 'OK', erred: hasBackendId ? 'Erred' : 'Terminated', rejected: 'Terminated' },
    Update: { executing: 'Updating', done: 'OK', erred: 'Erred', rejected: 'OK' },
    Terminate: { executing: 'Terminating', done: 'Terminated', erred: cause === 'agent' ? 'OK' : 'Erred', rejected: 'OK' },
    Restore: { executing: 'Creating', done: 'OK', erred: 'Terminated', rejected: 'Terminated' },
  };
  return table[type][state] ?? null;
}
