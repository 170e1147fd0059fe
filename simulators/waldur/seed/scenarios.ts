import type { OrderState, OrderType, ResourceState } from '../model.ts';

/**
 * One resource's history: the orders that ran against it, and the state they left it in (the effects
 * table of docs/contracts/waldur.md §8.4). `offering` narrows the offerings a scenario may use, because
 * some states only exist for some types (e.g. `executing` waits only on site-agent offerings).
 */
export interface Scenario {
  state: ResourceState;
  steps: Array<[OrderType, OrderState]>;
  offering: 'any' | 'agent' | 'provider-review' | 'cancelable' | 'game-server';
  /** An erred Create on a resource that already has a backend id leaves it Erred rather than Terminated. */
  keepsBackendId?: boolean;
}

const ALWAYS_FIRST: Scenario = { state: 'OK', steps: [['Create', 'done']], offering: 'game-server' };

export const SCENARIOS: readonly Scenario[] = [
  { state: 'OK', steps: [['Create', 'done']], offering: 'any' },
  { state: 'Creating', steps: [['Create', 'pending-consumer']], offering: 'any' },
  { state: 'OK', steps: [['Create', 'done'], ['Update', 'done']], offering: 'any' },
  { state: 'Creating', steps: [['Create', 'pending-provider']], offering: 'provider-review' },
  { state: 'Creating', steps: [['Create', 'executing']], offering: 'agent' },
  { state: 'Terminated', steps: [['Create', 'rejected']], offering: 'any' },
  { state: 'OK', steps: [['Create', 'done'], ['Update', 'pending-consumer']], offering: 'any' },
  { state: 'Terminated', steps: [['Create', 'canceled']], offering: 'cancelable' },
  { state: 'Creating', steps: [['Create', 'pending-project']], offering: 'any' },
  { state: 'Terminated', steps: [['Create', 'erred']], offering: 'any' },
  { state: 'Erred', steps: [['Create', 'erred']], offering: 'game-server', keepsBackendId: true },
  { state: 'Terminated', steps: [['Create', 'done'], ['Terminate', 'done']], offering: 'any' },
  { state: 'Updating', steps: [['Create', 'done'], ['Update', 'executing']], offering: 'agent' },
  { state: 'Terminating', steps: [['Create', 'done'], ['Terminate', 'executing']], offering: 'agent' },
  { state: 'OK', steps: [['Create', 'done'], ['Terminate', 'erred']], offering: 'any' },
  { state: 'Erred', steps: [['Create', 'done'], ['Update', 'erred']], offering: 'any' },
  { state: 'OK', steps: [['Create', 'done'], ['Terminate', 'done'], ['Restore', 'done']], offering: 'any' },
  { state: 'Creating', steps: [['Create', 'pending-start-date']], offering: 'any' },
  { state: 'OK', steps: [['Create', 'done'], ['Terminate', 'pending-provider']], offering: 'provider-review' },
  { state: 'OK', steps: [['Create', 'done'], ['Update', 'rejected']], offering: 'any' },
  { state: 'OK', steps: [['Create', 'done'], ['Update', 'canceled']], offering: 'cancelable' },
  { state: 'OK', steps: [['Create', 'done']], offering: 'game-server' },
];

/** Every project starts with a running game server (so every project links to an allocation), then cycles. */
export function resourceScenario(projectIndex: number, slot: number): Scenario {
  if (slot === 0) return ALWAYS_FIRST;
  return SCENARIOS[(projectIndex * 8 + slot - 1) % SCENARIOS.length];
}
