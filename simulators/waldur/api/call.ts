import type { ApiRequest } from '../http/types.ts';
import type { User } from '../model.ts';
import type { Simulation } from '../simulation.ts';
import type { Store } from '../store.ts';
import type { Scope } from './scope.ts';

/** Everything a route handler needs for one authenticated (or anonymous) API request. */
export interface Call {
  req: ApiRequest;
  sim: Simulation;
  store: Store;
  user: User | null;
  scope: Scope;
  /** Per-request cache for aggregates several serialized items share (counts, sums). */
  memo<T>(key: string, make: () => T): T;
}

export function createCall(req: ApiRequest, sim: Simulation, user: User | null, scope: Scope): Call {
  const cache = new Map<string, unknown>();
  return {
    req, sim, store: sim.store, user, scope,
    memo<T>(key: string, make: () => T): T {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key) as T;
    },
  };
}

/** The signed-in user; routes that allow anonymous callers never call this. */
export function currentUser(call: Call): User {
  if (!call.user) throw new Error('route requires an authenticated user');
  return call.user;
}
