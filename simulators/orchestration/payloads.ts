import { conflict } from './errors.ts';
import type { Payload, PayloadState } from './model.ts';

/** Payload lifecycle (docs/contracts/orchestration.md §8): timed steps plus the test hooks. */
export interface Timing { stepMs: number; autoReady: boolean; shutdownMs: number }

const PRE_READY: readonly PayloadState[] = ['Creating', 'Preparing', 'Starting', 'Error'];
const MAX_BACKOFF_STEPS = 32;

export function enter(p: Payload, state: PayloadState, t: number, details: string): void {
  p.state = state;
  p.stateSince = t;
  p.details = details;
}

/** Deleting = visible in Shutdown until `removeAt`, never reservable. */
export function beginShutdown(p: Payload, t: number, timing: Timing, details: string): void {
  if (p.state === 'Shutdown') return;
  enter(p, 'Shutdown', t, details);
  p.removeAt = t + timing.shutdownMs;
}

/** Advances `p` by one tick at sim time `t`; true when the payload is gone and must be removed. */
export function step(p: Payload, t: number, timing: Timing): boolean {
  const due = t - p.stateSince >= timing.stepMs;
  switch (p.state) {
    case 'Creating':
      if (due) enter(p, 'Preparing', t, 'pulling image');
      return false;
    case 'Preparing':
      if (due) start(p, t, 'waiting for the game server to call ready');
      return false;
    case 'Starting':
      if (due && timing.autoReady) enter(p, 'Ready', t, 'ready');
      return false;
    case 'Error':
      if (p.restartAt !== undefined && t >= p.restartAt) start(p, t, `restarted (attempt ${p.restarts + 1})`);
      return false;
    case 'Unhealthy':
      if (due) beginShutdown(p, t, timing, 'shutting down after the game server exited');
      return false;
    case 'Shutdown':
      return p.removeAt !== undefined && t >= p.removeAt;
    default:
      return false;
  }
}

function start(p: Payload, t: number, details: string): void {
  enter(p, 'Starting', t, details);
  p.started = t;
  p.restartAt = undefined;
}

/** What the Payload Local API's ready call does; the simulator also lets it skip the earlier steps. */
export function markReady(p: Payload, t: number): void {
  if (!PRE_READY.includes(p.state)) throw conflict(`payload ${p.id} is ${p.state}; only a payload that is not ready yet can become Ready`);
  p.started ??= t;
  p.restartAt = undefined;
  enter(p, 'Ready', t, 'ready');
}

/** The main process dies: before Ready it restarts with exponential back-off, after Ready it is lost. */
export function crash(p: Payload, t: number, timing: Timing): void {
  if (PRE_READY.includes(p.state)) {
    p.restarts += 1;
    const backoff = Math.min(2 ** (p.restarts - 1), MAX_BACKOFF_STEPS) * timing.stepMs;
    enter(p, 'Error', t, `game server exited before ready; restarting in ${backoff} ms`);
    p.restartAt = t + backoff;
    return;
  }
  if (p.state === 'Ready' || p.state === 'Reserved') {
    enter(p, 'Unhealthy', t, 'game server exited');
    return;
  }
  throw conflict(`payload ${p.id} is ${p.state} and cannot crash`);
}

/** The game server exits cleanly: the payload is shut down and removed. */
export function exit(p: Payload, t: number, timing: Timing): void {
  if (p.state === 'Shutdown') throw conflict(`payload ${p.id} is already shutting down`);
  beginShutdown(p, t, timing, 'game server exited');
}
