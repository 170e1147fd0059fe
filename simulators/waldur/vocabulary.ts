import type { BackendRequestState, OfferingState, OrderState, OrderType, ResourceState } from './model.ts';

/** The value sets of Waldur's enums, and the database codes Waldur sorts some of them by. */

export const ORDER_STATES: readonly OrderState[] = [
  'pending-consumer', 'pending-provider', 'pending-project', 'pending-start-date',
  'executing', 'done', 'erred', 'canceled', 'rejected',
];
export const TERMINAL_ORDER_STATES: ReadonlySet<OrderState> = new Set(['done', 'erred', 'canceled', 'rejected']);
export const ORDER_TYPES: readonly OrderType[] = ['Create', 'Update', 'Terminate', 'Restore'];
export const RESOURCE_STATES: readonly ResourceState[] = ['Creating', 'OK', 'Erred', 'Updating', 'Terminating', 'Terminated'];
export const OFFERING_STATES: readonly OfferingState[] = ['Draft', 'Active', 'Paused', 'Archived', 'Unavailable'];
export const BACKEND_REQUEST_STATES: readonly BackendRequestState[] = ['Sent', 'Processing', 'Done', 'Erred'];

/** Database codes: Waldur orders `?o=state` by these integers, not by the names. */
export const ORDER_STATE_CODES: Record<OrderState, number> = {
  'pending-consumer': 1, executing: 2, done: 3, erred: 4, canceled: 5, rejected: 6,
  'pending-provider': 7, 'pending-project': 8, 'pending-start-date': 9,
};
export const RESOURCE_STATE_CODES: Record<ResourceState, number> = {
  Creating: 1, OK: 2, Erred: 3, Updating: 4, Terminating: 5, Terminated: 6,
};
export const OFFERING_STATE_CODES: Record<OfferingState, number> = {
  Draft: 1, Active: 2, Paused: 3, Archived: 4, Unavailable: 5,
};

export const OFFERING_TYPES = {
  basic: 'Marketplace.Basic',
  support: 'Marketplace.Support',
  slurm: 'Marketplace.Slurm',
  script: 'Marketplace.Script',
  gameServer: 'Marketplace.GameServer',
  /** The provider's own offering of orchestration projects (the link offering); its type plays no part in the link. */
  orchestration: 'Marketplace.Orchestration',
} as const;
