import type { Allocation, AllocationSpec, AllocationState, Payload, PayloadState } from './model.ts';
import { beginShutdown } from './payloads.ts';
import type { World } from './world.ts';

// When the pool is too big, the least invested payloads go first, then the newest.
const REMOVAL_ORDER: readonly PayloadState[] = ['Creating', 'Error', 'Preparing', 'Starting', 'Ready'];

function byRemovalPreference(a: Payload, b: Payload): number {
  return REMOVAL_ORDER.indexOf(a.state) - REMOVAL_ORDER.indexOf(b.state) || b.created - a.created || (a.id < b.id ? -1 : 1);
}

/** Non-Reserved payloads wanted: the buffer, while the total (Reserved included) stays within [min, max]. */
export function desiredPool(spec: AllocationSpec, reserved: number): number {
  return Math.max(0, Math.min(Math.max(spec.buffer_size, spec.min_payloads - reserved), spec.max_payloads - reserved));
}

function set(a: Allocation, state: AllocationState, details: string): void {
  a.state = state;
  a.details = details;
}

const liveOf = (a: Allocation) => [...a.payloads.values()].filter((p) => p.state !== 'Shutdown');

/** One autoscaler pass over an allocation at sim time `t`: scale, replace stale payloads, derive the state. */
export function reconcile(world: World, a: Allocation, t: number): void {
  if (a.state === 'Deleted') return;
  const timing = world.options;

  if (a.deleting || !a.enabled) {
    // Draining waits for Reserved payloads to end; everything else goes now.
    for (const p of liveOf(a)) if (p.state !== 'Reserved') beginShutdown(p, t, timing, 'allocation draining');
    if (a.payloads.size > 0) return set(a, 'Draining', `waiting for ${a.payloads.size} payload(s) to finish`);
    if (!a.deleting) return set(a, 'Disabled', 'disabled');
    a.deletedAt ??= t;
    return set(a, 'Deleted', 'deleted');
  }
  if (a.errorHook !== undefined) return set(a, 'Error', a.errorHook);

  for (const p of liveOf(a)) {
    if (p.state !== 'Reserved' && p.specVersion < a.specVersion) beginShutdown(p, t, timing, 'replaced by a new allocation spec');
  }
  const reserved = liveOf(a).filter((p) => p.state === 'Reserved').length;
  // Unhealthy payloads are on their way out, so they do not count towards the buffer.
  const pool = liveOf(a).filter((p) => p.state !== 'Reserved' && p.state !== 'Unhealthy');
  const target = desiredPool(a.spec, reserved);
  for (let n = pool.length; n < target; n++) world.spawn(a, t);
  if (pool.length > target) {
    for (const p of [...pool].sort(byRemovalPreference).slice(0, pool.length - target)) beginShutdown(p, t, timing, 'scaled down by the autoscaler');
  }
  deriveState(a, target);
}

function deriveState(a: Allocation, target: number): void {
  const live = liveOf(a);
  const pool = live.filter((p) => p.state !== 'Reserved' && p.state !== 'Unhealthy');
  const ready = pool.filter((p) => p.state === 'Ready').length;
  const reserved = live.filter((p) => p.state === 'Reserved').length;
  if (live.length === 0 && target === 0) return set(a, 'Stopped', 'no payloads running');
  if (a.settling && pool.length === target && ready === target) a.settling = false;
  const summary = `${ready} ready, ${reserved} reserved, ${pool.length - ready} starting`;
  set(a, a.settling ? 'Updating' : 'Running', summary);
}
